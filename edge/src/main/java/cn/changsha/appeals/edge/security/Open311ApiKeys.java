package cn.changsha.appeals.edge.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * GeoReport v2 clients send their key as the {@code api_key} field of the form they post. It is
 * the same kind of key as {@code X-API-Key} (that header is read too), checked by the same
 * provider. Only the posted form counts: a key in a URL would be kept in logs and histories, so
 * on a post it is refused, and on a read it is not looked at.
 */
final class Open311ApiKeys implements AuthenticationConverter {

  static final String FIELD = "api_key";

  private final AuthenticationConverter header = ApiKeyAuthentication.converter();

  @Override
  public Authentication convert(HttpServletRequest request) {
    Authentication fromHeader = header.convert(request);
    if (fromHeader != null || !"POST".equals(request.getMethod())) {
      return fromHeader;
    }
    String query = request.getQueryString();
    if (query != null && Arrays.stream(query.split("&")).anyMatch(p -> p.equals(FIELD) || p.startsWith(FIELD + "="))) {
      throw new BadCredentialsException("api_key belongs in the posted form, not in the URL");
    }
    String key = request.getParameter(FIELD);
    return key == null || key.isBlank() ? null : new ApiKeyAuthentication.Presented(key.strip());
  }
}
