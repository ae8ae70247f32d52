package cn.changsha.appeals.edge.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings, under {@code appeals.security.}.
 *
 * @param clusterSecret shared by every instance of one deployment: peers prove themselves with it
 *     and receipt secrets are derived from it. Empty: generated on first start into
 *     {@code <data-dir>/secrets/cluster-secret}; instances on other data directories must be given
 *     the same value ({@code APPEALS_SECURITY_CLUSTER_SECRET}).
 * @param jwt how the claims of bearer tokens from the OpenID Connect issuer map to callers; the
 *     issuer itself is Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
 *     (or {@code jwk-set-uri})
 */
@ConfigurationProperties("appeals.security")
public record SecurityProperties(String clusterSecret, @DefaultValue Jwt jwt) {

  /**
   * @param roleClaim the claim naming the role (KIOSK, DEPARTMENT, MONITOR or ADMIN)
   * @param departmentClaim the claim naming a department caller's department
   * @param nameClaim the claim used as the caller's id on events (falls back to {@code sub})
   */
  public record Jwt(
      @DefaultValue("appeals_role") String roleClaim,
      @DefaultValue("department_id") String departmentClaim,
      @DefaultValue("preferred_username") String nameClaim) {}
}
