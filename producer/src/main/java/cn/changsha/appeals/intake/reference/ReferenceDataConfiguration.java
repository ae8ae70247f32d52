package cn.changsha.appeals.intake.reference;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

@Configuration(proxyBeanMethods = false)
class ReferenceDataConfiguration {

  @Bean
  ReferenceCatalog referenceCatalog(@Value("${appeals.reference-data:classpath:reference-data/changsha.json}") Resource file)
      throws IOException {
    try (InputStream in = file.getInputStream()) {
      return ReferenceCatalog.read(in);
    }
  }
}
