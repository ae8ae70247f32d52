package cn.changsha.appeals.edge.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A signed-in {@link Caller}, as Spring Security carries it. The credential is not kept. */
public final class CallerAuthentication extends AbstractAuthenticationToken {

  private final Caller caller;

  public CallerAuthentication(Caller caller) {
    super(List.of(caller.role().authority()));
    this.caller = caller;
    setAuthenticated(true);
  }

  @Override
  public Caller getPrincipal() {
    return caller;
  }

  @Override
  public Object getCredentials() {
    return null;
  }

  @Override
  public String getName() {
    return caller.id();
  }
}
