package cn.changsha.appeals.screens;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The screens speak Simplified Chinese unless the user picks English ({@code ?lang=en}); the
 * choice is kept in a cookie so every later page follows it. The browser's own language does not
 * decide: a service hall's machines are set up by whoever installed them.
 */
@Configuration(proxyBeanMethods = false)
class ScreenLocales implements WebMvcConfigurer {

  static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("appeals-lang");
    resolver.setDefaultLocale(CHINESE);
    resolver.setCookieHttpOnly(true);
    resolver.setCookieSameSite("Strict");
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change).addPathPatterns("/screens/**");
  }

  /** One of the two languages the screens are written in, whatever a cookie or parameter said. */
  static Locale supported(Locale asked) {
    return asked != null && asked.getLanguage().equals("en") ? Locale.ENGLISH : CHINESE;
  }
}
