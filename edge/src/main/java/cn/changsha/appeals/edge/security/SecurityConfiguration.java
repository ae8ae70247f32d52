package cn.changsha.appeals.edge.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Sign-in. Four ways in, each ending as one {@link Caller}: an API key (kiosks, departments'
 * systems, scripts; on the Open311 paths also as the posted form's {@code api_key}), a bearer token from the deployment's OpenID Connect issuer (when one is
 * configured), an enterprise's tracking number and receipt secret (HTTP Basic), and the cluster
 * secret's token between peers. The API keeps no sessions of its own: every request carries its
 * credential, or the session a screen signed in with ({@link ScreenSignIn}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

  /** Nothing on a screen comes from anywhere but this server: no CDN, no outside font, no inline script. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
      + "base-uri 'self'; form-action 'self'";

  /**
   * Spring Security would observe each of its filters on every request, wrapping each in an
   * observation even when those are switched off (a third of a read's CPU under load when they
   * were on, PERFORMANCE.md), for spans nobody collects. Requests are still timed as a whole
   * ({@code http.server.requests}).
   */
  @Bean
  SecurityObservationSettings noFilterObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  ApiKeyAuthentication.Provider apiKeyProvider(ApiKeyDirectory keys, Clock clock) {
    return new ApiKeyAuthentication.Provider(keys, clock);
  }

  @Bean
  ReceiptAuthenticationProvider receiptProvider(ReceiptDirectory receipts) {
    return new ReceiptAuthenticationProvider(receipts);
  }

  @Bean
  AuthenticationManager callerAuthentication(ApiKeyAuthentication.Provider apiKeys, ReceiptAuthenticationProvider receipts,
      SecurityProperties properties, ObjectProvider<JwtDecoder> jwtDecoder) {
    List<AuthenticationProvider> providers = new ArrayList<>(List.of(apiKeys, receipts));
    JwtDecoder decoder = jwtDecoder.getIfAvailable();
    if (decoder != null) {
      JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(decoder);
      tokens.setJwtAuthenticationConverter(new JwtCallers(properties.jwt()));
      providers.add(tokens);
    }
    return new ProviderManager(providers);
  }

  @Bean
  ScreenSignIn screenSignIn(AuthenticationManager callerAuthentication) {
    return new ScreenSignIn(callerAuthentication);
  }

  /** The screens: signed in by a form, remembered in a session, CSRF tokens on every change. */
  @Bean
  @Order(1)
  SecurityFilterChain screens(HttpSecurity http, AuthenticationManager manager, ApiKeyDirectory keys, Clock clock) throws Exception {
    http.securityMatcher(AccessRules.SCREEN_PATHS)
        .authenticationManager(manager)
        .requestCache(cache -> cache.disable())
        .addFilterAfter(new ScreenSessions.KeyStillValid(keys, clock), SecurityContextHolderFilter.class)
        .exceptionHandling(errors -> errors
            .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(AccessRules.SIGN_IN_PAGE))
            .accessDeniedHandler((request, response, denied) -> response.sendRedirect(AccessRules.SIGN_IN_PAGE + "?denied")))
        .logout(logout -> logout.logoutUrl("/screens/sign-out").logoutSuccessUrl(AccessRules.SIGN_IN_PAGE + "?signedOut"))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
        .authorizeHttpRequests(AccessRules::applyToScreens);
    return http.build();
  }

  /**
   * Open311 GeoReport v2: the same credentials (and the form's {@code api_key}), no session and
   * so no CSRF token (nothing on these paths is ever granted by a cookie), and the standard's 403
   * with its error list for a missing or wrong key.
   */
  @Bean
  @Order(2)
  SecurityFilterChain open311(HttpSecurity http, AuthenticationManager manager, ObjectProvider<JwtDecoder> jwtDecoder)
      throws Exception {
    Open311Refusals refusals = new Open311Refusals();
    AuthenticationFilter apiKeyFilter = ApiKeyAuthentication.filter(manager, new Open311ApiKeys(), refusals);

    http.securityMatcher(AccessRules.OPEN311_PATHS)
        .authenticationManager(manager)
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .requestCache(cache -> cache.disable())
        .anonymous(anonymous -> anonymous.disable())
        .httpBasic(basic -> basic.realmName("appeal-tracker").authenticationEntryPoint(refusals))
        .addFilterBefore(apiKeyFilter, BasicAuthenticationFilter.class)
        .exceptionHandling(errors -> errors.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
        .authorizeHttpRequests(AccessRules::applyToOpen311);
    if (jwtDecoder.getIfAvailable() != null) {
      http.oauth2ResourceServer(oauth -> oauth.authenticationEntryPoint(refusals).accessDeniedHandler(refusals)
          .jwt(jwt -> jwt.authenticationManager(manager)));
    }
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain api(HttpSecurity http, AuthenticationManager manager, ApiKeyDirectory keys, Clock clock,
      ClusterSecret clusterSecret, ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
    ProblemResponses problems = new ProblemResponses();
    AuthenticationFilter apiKeyFilter = ApiKeyAuthentication.filter(manager, ApiKeyAuthentication.converter(), problems);

    http.authenticationManager(manager)
        .csrf(csrf -> csrf.requireCsrfProtectionMatcher(ScreenSessions.needsCsrfToken(jwtDecoder.getIfAvailable() != null)))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .securityContext(context -> context.securityContextRepository(new ScreenSessions.ReadingRepository()))
        .requestCache(cache -> cache.disable())
        .anonymous(anonymous -> anonymous.disable())
        .httpBasic(basic -> basic.realmName("appeal-tracker").authenticationEntryPoint(problems))
        .addFilterAfter(new ScreenSessions.KeyStillValid(keys, clock), SecurityContextHolderFilter.class)
        .addFilterBefore(new PeerAuthenticationFilter(clusterSecret, problems), BasicAuthenticationFilter.class)
        .addFilterBefore(apiKeyFilter, BasicAuthenticationFilter.class)
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .authorizeHttpRequests(AccessRules::apply);
    if (jwtDecoder.getIfAvailable() != null) {
      http.oauth2ResourceServer(oauth -> oauth.authenticationEntryPoint(problems).accessDeniedHandler(problems)
          .jwt(jwt -> jwt.authenticationManager(manager)));
    }
    return http.build();
  }
}
