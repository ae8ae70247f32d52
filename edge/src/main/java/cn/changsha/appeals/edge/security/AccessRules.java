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

  /** Where a browser signs in; the screens' own chain covers these paths, the API's chain the rest. */
  static final String SIGN_IN_PAGE = "/screens/sign-in";
  static final String[] SCREEN_PATHS = {"/", "/screens", "/screens/**", "/css/**", "/js/**", "/fonts/**", "/webjars/**", "/favicon.ico"};

  /** GeoReport v2, for civic apps, hotline systems and Open311 libraries; a chain of its own covers these paths. */
  static final String OPEN311_PATHS = "/open311/**";
  static final String OPEN311_REQUESTS = "/open311/v2/requests.";

  private AccessRules() {}

  /** Each screen for the role that works at it; the data they show comes from the API under the rules below. */
  static void applyToScreens(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD, DispatcherType.ASYNC).permitAll()
        .requestMatchers(GET, "/", "/css/**", "/js/**", "/fonts/**", "/webjars/**", "/favicon.ico").permitAll()
        .requestMatchers(SIGN_IN_PAGE, "/screens/sign-out").permitAll()
        .requestMatchers(GET, "/screens", "/screens/").access(any(KIOSK, DEPARTMENT, MONITOR, ADMIN, ENTERPRISE))
        .requestMatchers(GET, "/screens/dashboard", "/screens/dashboard/**").access(any(MONITOR))
        .requestMatchers(GET, "/screens/workbench", "/screens/workbench/**").access(any(DEPARTMENT))
        .requestMatchers(GET, "/screens/kiosk").access(any(KIOSK))
        .requestMatchers(GET, "/screens/enterprise").access(any(ENTERPRISE))
        .anyRequest().denyAll();
  }

  /**
   * Open311 reads are public, as the standard has them; how much of an appeal a reader sees is
   * decided where it is read (the open311 module): no contact, no enterprise, and without a
   * credential that may read the appeal, neither its description nor what was written on it.
   * Filing takes the key of an intake channel, the same keys that file through /api/appeals.
   */
  static void applyToOpen311(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD, DispatcherType.ASYNC).permitAll()
        .requestMatchers(GET, "/open311/v2/discovery.{format}", "/open311/v2/services.{format}",
            "/open311/v2/services/{serviceCode}.{format}", "/open311/v2/requests.{format}",
            "/open311/v2/requests/{serviceRequestId}.{format}", "/open311/v2/tokens/{token}.{format}").permitAll()
        .requestMatchers(POST, "/open311/v2/requests.{format}").access(any(KIOSK))
        .anyRequest().denyAll();
  }

  static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        // The container's own error page, forwards and the later parts of a streamed answer were
        // authorized with the request that started them.
        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD, DispatcherType.ASYNC).permitAll()
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
        // Names of departments, districts and categories: public, but not to the anonymous.
        .requestMatchers(GET, "/api/departments", "/api/catalog").access(any(KIOSK, DEPARTMENT, MONITOR, ADMIN, ENTERPRISE))
        // Live updates for the screens (server-sent events): a department's own, and the monitors' dashboard.
        .requestMatchers(GET, "/api/live/departments/{departmentId}").access(anyOr(ownDepartment(), MONITOR))
        .requestMatchers(GET, "/api/live/dashboard").access(any(MONITOR))
        .requestMatchers(GET, "/api/routing-rules", "/api/sla-policies", "/api/liaisons").access(any(DEPARTMENT, MONITOR, ADMIN))
        // Figures and the failure record, for monitors.
        .requestMatchers(GET, "/api/stats/**", "/api/reports/**", "/api/hotspots", "/api/dead-letters").access(any(MONITOR))
        // Webhook calls that kept failing: how many per department and why, for monitors and the administrators who replay them.
        .requestMatchers(GET, "/api/webhooks/parked").access(any(MONITOR, ADMIN))
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
