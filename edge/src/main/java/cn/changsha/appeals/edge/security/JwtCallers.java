package cn.changsha.appeals.edge.security;

import java.util.Collection;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A bearer token from the deployment's OpenID Connect issuer, already verified (signature,
 * issuer, expiry) by Spring Security, becomes a caller through three claims (names configurable):
 * the role, the department of a department's staff, and the name recorded on events.
 */
final class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {

  private final SecurityProperties.Jwt claims;

  JwtCallers(SecurityProperties.Jwt claims) {
    this.claims = claims;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    Role role = role(jwt.getClaim(claims.roleClaim()));
    String name = jwt.getClaimAsString(claims.nameClaim());
    String id = name == null || name.isBlank() ? jwt.getSubject() : name;
    if (id == null || id.isBlank()) {
      throw new InvalidBearerTokenException("The token names no subject");
    }
    String department = jwt.getClaimAsString(claims.departmentClaim());
    if (role == Role.DEPARTMENT && (department == null || department.isBlank())) {
      throw new InvalidBearerTokenException("A department token must carry " + claims.departmentClaim());
    }
    return new CallerAuthentication(new Caller(role, id, role == Role.DEPARTMENT ? department : null, null));
  }

  private Role role(Object claim) {
    Object value = claim instanceof Collection<?> many && many.size() == 1 ? many.iterator().next() : claim;
    if (value instanceof String text) {
      for (Role role : Role.values()) {
        if (role.isGrantable() && role.name().equals(text)) {
          return role;
        }
      }
    }
    throw new InvalidBearerTokenException("The token carries no usable " + claims.roleClaim());
  }
}
