package cn.changsha.appeals.edge.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** Another instance forwarding a query proves itself with the token derived from the cluster secret. */
public final class PeerAuthenticationFilter extends OncePerRequestFilter {

  public static final String HEADER = "X-Appeals-Peer";

  private final ClusterSecret secret;
  private final AuthenticationEntryPoint refusal;

  PeerAuthenticationFilter(ClusterSecret secret, AuthenticationEntryPoint refusal) {
    this.secret = secret;
    this.refusal = refusal;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String token = request.getHeader(HEADER);
    if (token != null) {
      if (!Secrets.same(token, secret.peerToken())) {
        SecurityContextHolder.clearContext();
        refusal.commence(request, response, new BadCredentialsException("Not a peer of this deployment"));
        return;
      }
      SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(Caller.of(Role.PEER, "peer")));
    }
    chain.doFilter(request, response);
  }
}
