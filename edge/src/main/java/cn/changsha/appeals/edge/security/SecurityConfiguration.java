package cn.changsha.appeals.edge.security;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Sign-in for the API. Four ways in, each ending as one {@link Caller}: an API key (kiosks,
 * departments' systems, scripts), a bearer token from the deployment's OpenID Connect issuer
 * (when one is configured), an enterprise's tracking number and receipt secret (HTTP Basic), and
 * the cluster secret's token between peers. No sessions: every request carries its credential.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

  @Bean
  ApiKeyAuthentication.Provider apiKeyProvider(ApiKeyDirectory keys, Clock clock) {
    return new ApiKeyAuthentication.Provider(keys, clock);
  }

  @Bean
  ReceiptAuthenticationProvider receiptProvider(ReceiptDirectory receipts) {
    return new ReceiptAuthenticationProvider(receipts);
  }

  @Bean
  SecurityFilterChain api(HttpSecurity http, ApiKeyAuthentication.Provider apiKeys, ReceiptAuthenticationProvider receipts,
      ClusterSecret clusterSecret, SecurityProperties properties, ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
    ProblemResponses problems = new ProblemResponses();
    List<AuthenticationProvider> providers = new ArrayList<>(List.of(apiKeys, receipts));
    JwtDecoder decoder = jwtDecoder.getIfAvailable();
    if (decoder != null) {
      JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(decoder);
      tokens.setJwtAuthenticationConverter(new JwtCallers(properties.jwt()));
      providers.add(tokens);
    }
    AuthenticationManager manager = new ProviderManager(providers);
    AuthenticationFilter apiKeyFilter = new AuthenticationFilter(manager, ApiKeyAuthentication.converter());
    apiKeyFilter.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));
    apiKeyFilter.setSuccessHandler((request, response, authentication) -> { });

    http.authenticationManager(manager)
        .csrf(csrf -> csrf.disable()) // no cookies: a forged cross-site request carries no credential
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .anonymous(anonymous -> anonymous.disable())
        .httpBasic(basic -> basic.realmName("appeal-tracker").authenticationEntryPoint(problems))
        .addFilterBefore(new PeerAuthenticationFilter(clusterSecret, problems), BasicAuthenticationFilter.class)
        .addFilterBefore(apiKeyFilter, BasicAuthenticationFilter.class)
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .authorizeHttpRequests(AccessRules::apply);
    if (decoder != null) {
      http.oauth2ResourceServer(oauth -> oauth.authenticationEntryPoint(problems).accessDeniedHandler(problems)
          .jwt(jwt -> jwt.authenticationManager(manager)));
    }
    return http.build();
  }
}
