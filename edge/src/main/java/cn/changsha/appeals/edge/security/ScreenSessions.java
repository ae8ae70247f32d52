package cn.changsha.appeals.edge.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How the API treats a screen's session. The API reads the caller a screen signed in but never
 * starts or changes a session itself, so scripts and kiosks stay stateless; and because a cookie
 * travels with cross-site requests, a change made on the strength of a session must carry the
 * page's CSRF token, while one carrying its own credential in a header needs none.
 */
final class ScreenSessions {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private ScreenSessions() {}

  /**
   * A change needs the page's token when it comes with a session and no credential of its own
   * that this chain will check (and refuse if wrong): a header the chain ignores, such as a
   * blank key or a bearer token where no issuer is configured, leaves the session as the
   * credential, so it does not excuse the token.
   */
  static RequestMatcher needsCsrfToken(boolean bearerTokens) {
    return request -> !SAFE_METHODS.contains(request.getMethod())
        && request.getRequestedSessionId() != null
        && !carriesOwnCredential(request, bearerTokens);
  }

  private static boolean carriesOwnCredential(HttpServletRequest request, boolean bearerTokens) {
    String key = request.getHeader(ApiKeyAuthentication.HEADER);
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    return (key != null && !key.isBlank())
        || request.getHeader(PeerAuthenticationFilter.HEADER) != null
        || (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6))
        || (bearerTokens && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7));
  }

  /** Loads from the request (async and error dispatches) or the session; saves only to the request. */
  static final class ReadingRepository implements SecurityContextRepository {
    private final RequestAttributeSecurityContextRepository request = new RequestAttributeSecurityContextRepository();
    private final HttpSessionSecurityContextRepository session = new HttpSessionSecurityContextRepository();

    ReadingRepository() {
      session.setAllowSessionCreation(false);
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
      return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest http) {
      DeferredSecurityContext fromRequest = request.loadDeferredContext(http);
      DeferredSecurityContext fromSession = session.loadDeferredContext(http);
      return new DeferredSecurityContext() {
        @Override
        public SecurityContext get() {
          return fromRequest.isGenerated() ? fromSession.get() : fromRequest.get();
        }

        @Override
        public boolean isGenerated() {
          return fromRequest.isGenerated() && fromSession.isGenerated();
        }
      };
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest http, HttpServletResponse response) {
      request.saveContext(context, http, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest http) {
      return request.containsContext(http) || session.containsContext(http);
    }
  }

  /** Ends a session whose key has since been revoked or has expired: a session is no longer-lived than its key. */
  static final class KeyStillValid extends OncePerRequestFilter {
    private final ApiKeyDirectory keys;
    private final Clock clock;

    KeyStillValid(ApiKeyDirectory keys, Clock clock) {
      this.keys = keys;
      this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      HttpSession session = request.getSession(false);
      if (session != null && session.getAttribute(ScreenSignIn.KEY_HASH) instanceof String hash) {
        boolean valid;
        try {
          valid = keys.find(hash).filter(key -> key.getExpiresAt() == null || key.getExpiresAt().isAfter(clock.instant())).isPresent();
        } catch (RuntimeException e) {
          valid = true; // the directory is unreadable for a moment: the key was good when last seen
        }
        if (!valid) {
          session.invalidate();
          SecurityContextHolder.clearContext();
        }
      }
      chain.doFilter(request, response);
    }
  }
}
