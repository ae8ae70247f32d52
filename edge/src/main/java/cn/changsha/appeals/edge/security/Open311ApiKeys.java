package cn.changsha.appeals.edge.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * GeoReport v2 clients send their key as the {@code api_key} field of the form they post. It is
 * the same kind of key as {@code X-API-Key} (that header is read too), checked by the same
 * provider. Only a posted form counts: a key in a URL would be kept in logs and histories.
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
    String key = request.getParameter(FIELD);
    return key == null || key.isBlank() ? null : new ApiKeyAuthentication.Presented(key.strip());
  }
}
