package cn.changsha.appeals.edge.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Sign-in for the screens: the same credentials as the API (a staff member's key, or an
 * enterprise's tracking number and receipt secret), checked by the same providers, remembered in
 * a session so that the browser carries only an HttpOnly cookie and never the key itself.
 */
public final class ScreenSignIn {

  /** The SHA-256 of the key a session signed in with, so a revoked or expired key ends the session. */
  static final String KEY_HASH = ScreenSignIn.class.getName() + ".keyHash";

  private final AuthenticationManager manager;
  private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

  ScreenSignIn(AuthenticationManager manager) {
    this.manager = manager;
  }

  /**
   * A kiosk stands unattended in a service hall through nights, weekends and the Spring Festival:
   * it stays signed in this long without use (revoking its key still ends it at once). Staff
   * sessions keep the server's idle timeout.
   */
  static final Duration KIOSK_IDLE_LIMIT = Duration.ofDays(14);

  /** Signs in a kiosk, department, monitor or administrator with its API key. */
  public Caller withKey(String key, HttpServletRequest request, HttpServletResponse response) throws AuthenticationException {
    String presented = key == null ? "" : key.strip();
    Caller caller = signIn(new ApiKeyAuthentication.Presented(presented), request, response);
    HttpSession session = request.getSession();
    session.setAttribute(KEY_HASH, Secrets.sha256Hex(presented));
    if (caller.is(Role.KIOSK)) {
      session.setMaxInactiveInterval((int) KIOSK_IDLE_LIMIT.toSeconds());
    }
    return caller;
  }

  /** Signs in the enterprise that filed one appeal, with the tracking number and secret on its receipt. */
  public Caller withReceipt(String trackingNumber, String secret, HttpServletRequest request, HttpServletResponse response)
      throws AuthenticationException {
    return signIn(UsernamePasswordAuthenticationToken.unauthenticated(
        trackingNumber == null ? "" : trackingNumber, secret == null ? "" : secret), request, response);
  }

  private Caller signIn(Authentication presented, HttpServletRequest request, HttpServletResponse response) {
    Authentication signedIn = manager.authenticate(presented);
    HttpSession previous = request.getSession(false);
    if (previous != null) {
      // A new session, with a new id: nothing of the one before sign-in (or of whoever was signed
      // in before in this browser) is carried over, and a planted session id is worth nothing.
      previous.invalidate();
    }
    request.getSession(true);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(signedIn);
    SecurityContextHolder.setContext(context);
    sessions.saveContext(context, request, response);
    return ((CallerAuthentication) signedIn).getPrincipal();
  }
}
