package cn.changsha.appeals.edge.security;

import cn.changsha.appeals.schema.ApiKey;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;

/**
 * Machines sign in with an API key in the {@code X-API-Key} header. Only the key's SHA-256 is
 * stored; the key is looked up by it, so nothing on disk or on Kafka lets anyone sign in.
 */
public final class ApiKeyAuthentication {

  public static final String HEADER = "X-API-Key";

  private ApiKeyAuthentication() {}

  /** A presented key, not yet checked. */
  static final class Presented extends AbstractAuthenticationToken {
    private final String key;

    Presented(String key) {
      super(List.of());
      this.key = key;
    }

    @Override
    public Object getCredentials() {
      return key;
    }

    @Override
    public Object getPrincipal() {
      return "api-key";
    }
  }

  /**
   * The filter that checks a presented key and answers a refusal through {@code refusals}. A key
   * that cannot be checked right now (the key directory is still being restored) is one of them,
   * 503 to retry: Spring Security would otherwise rethrow it, a server error with a stack trace.
   */
  static AuthenticationFilter filter(AuthenticationManager manager, AuthenticationConverter converter,
      AuthenticationEntryPoint refusals) {
    AuthenticationFilter filter = new AuthenticationFilter(manager, converter);
    AuthenticationEntryPointFailureHandler failures = new AuthenticationEntryPointFailureHandler(refusals);
    failures.setRethrowAuthenticationServiceException(false);
    filter.setFailureHandler(failures);
    filter.setSuccessHandler((request, response, authentication) -> { });
    return filter;
  }

  static AuthenticationConverter converter() {
    return (HttpServletRequest request) -> {
      String key = request.getHeader(HEADER);
      return key == null || key.isBlank() ? null : new Presented(key.strip());
    };
  }

  static final class Provider implements AuthenticationProvider {
    private final ApiKeyDirectory keys;
    private final Clock clock;

    Provider(ApiKeyDirectory keys, Clock clock) {
      this.keys = keys;
      this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
      String presented = (String) authentication.getCredentials();
      ApiKey key;
      try {
        key = keys.find(Secrets.sha256Hex(presented)).orElseThrow(() -> new BadCredentialsException("Unknown or revoked API key"));
      } catch (BadCredentialsException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new AuthenticationServiceException("The key directory cannot be read right now", e);
      }
      if (key.getExpiresAt() != null && !key.getExpiresAt().isAfter(clock.instant())) {
        throw new CredentialsExpiredException("The API key has expired");
      }
      try {
        Role role = Role.valueOf(key.getRole());
        if (!role.isGrantable()) {
          throw new BadCredentialsException("The API key carries no usable role");
        }
        return new CallerAuthentication(new Caller(role, key.getName(), key.getDepartmentId(), null));
      } catch (IllegalArgumentException e) {
        // Written around the admin API (an unknown role, a department key without a department).
        throw new BadCredentialsException("The API key carries no usable role");
      }
    }

    @Override
    public boolean supports(Class<?> authentication) {
      return Presented.class.isAssignableFrom(authentication);
    }
  }
}
