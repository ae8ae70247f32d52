package cn.changsha.appeals.app;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description names the ways to sign in, so the API docs page can send credentials. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI appealTrackerApi() {
    return new OpenAPI()
        .info(new Info().title("Enterprise appeal tracker (企业诉求跟踪系统)")
            .description("Roles and what each may call: see the README, section 'Sign-in and roles'."))
        .components(new Components()
            .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-API-Key").description("Kiosks, departments, monitors, admins"))
            .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("A token from the deployment's OpenID Connect issuer"))
            .addSecuritySchemes("receipt", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("Enterprises: tracking number and receipt secret")))
        .addSecurityItem(new SecurityRequirement().addList("apiKey"))
        .addSecurityItem(new SecurityRequirement().addList("bearer"))
        .addSecurityItem(new SecurityRequirement().addList("receipt"));
  }
}
