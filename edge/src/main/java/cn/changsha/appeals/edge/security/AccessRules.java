package cn.changsha.appeals.edge.security;

import static cn.changsha.appeals.edge.security.Role.ADMIN;
import static cn.changsha.appeals.edge.security.Role.DEPARTMENT;
import static cn.changsha.appeals.edge.security.Role.ENTERPRISE;
import static cn.changsha.appeals.edge.security.Role.KIOSK;
import static cn.changsha.appeals.edge.security.Role.MONITOR;
import static cn.changsha.appeals.edge.security.Role.PEER;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import jakarta.servlet.DispatcherType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiPredicate;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call what: the whole table in one place. Rules about one object that the path names
 * (a department's queue, an enterprise's appeal) are decided here too; rules about an object's
 * state (which department holds an appeal now) are decided where that state is read: the query
 * API for reads, the topology for actions.
 */
final class AccessRules {

  private AccessRules() {}

  static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        // The container's own error page and forwards are answered as the original request was.
        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
        .requestMatchers(GET, "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
        .requestMatchers(GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
        .requestMatchers("/actuator/**").access(any(MONITOR, ADMIN))
        .requestMatchers("/internal/**").access(any(PEER))
        .requestMatchers("/api/admin/**").access(any(ADMIN))
        // Intake and the promise a kiosk shows before submitting.
        .requestMatchers(POST, "/api/appeals").access(any(KIOSK))
        .requestMatchers(GET, "/api/sla/preview").access(any(KIOSK, DEPARTMENT, MONITOR, ADMIN))
        // One appeal: the department holding it (checked on read), monitors (contacts masked), its enterprise.
        .requestMatchers(GET, "/api/appeals").access(any(DEPARTMENT, MONITOR, ENTERPRISE))
        .requestMatchers(GET, "/api/appeals/{appealId}").access(anyOr(owner(), DEPARTMENT, MONITOR))
        .requestMatchers(POST, "/api/appeals/{appealId}/{action}").access(anyOr(owner(), DEPARTMENT))
        // A department's queue: that department, and monitors.
        .requestMatchers(GET, "/api/departments/{departmentId}/queue").access(anyOr(ownDepartment(), MONITOR))
        .requestMatchers(GET, "/api/departments").access(any(KIOSK, DEPARTMENT, MONITOR, ADMIN))
        .requestMatchers(GET, "/api/routing-rules", "/api/sla-policies", "/api/liaisons").access(any(DEPARTMENT, MONITOR, ADMIN))
        // Figures and the failure record, for monitors.
        .requestMatchers(GET, "/api/stats/**", "/api/reports/**", "/api/hotspots", "/api/dead-letters").access(any(MONITOR))
        // Anything not named above is refused, so a new endpoint is closed until it is given a rule.
        .anyRequest().denyAll();
  }

  private static AuthorizationManager<RequestAuthorizationContext> any(Role... roles) {
    return anyOr((caller, context) -> false, roles);
  }

  /** Granted to the given roles, or when {@code object} holds for the caller and the request. */
  private static AuthorizationManager<RequestAuthorizationContext> anyOr(
      BiPredicate<Caller, RequestAuthorizationContext> object, Role... roles) {
    Set<Role> allowed = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(roles));
    return (authentication, context) -> {
      if (!(authentication.get() instanceof CallerAuthentication signedIn)) {
        return new AuthorizationDecision(false);
      }
      Caller caller = signedIn.getPrincipal();
      return new AuthorizationDecision(allowed.contains(caller.role()) || object.test(caller, context));
    };
  }

  private static BiPredicate<Caller, RequestAuthorizationContext> owner() {
    return (caller, context) -> caller.is(ENTERPRISE) && caller.owns(context.getVariables().get("appealId"));
  }

  private static BiPredicate<Caller, RequestAuthorizationContext> ownDepartment() {
    return (caller, context) -> caller.actsFor(context.getVariables().get("departmentId"));
  }
}
