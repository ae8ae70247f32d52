package cn.changsha.appeals.edge.security;

import cn.changsha.appeals.schema.ActorRole;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Who may call what. Every caller has exactly one role. */
public enum Role {
  /** A self-service terminal, web form or hotline desk: submits appeals, previews promised times. */
  KIOSK(ActorRole.KIOSK),
  /** One department (its system or its staff): its queue, its appeals and the actions on them. */
  DEPARTMENT(ActorRole.DEPARTMENT),
  /** Efficiency center, service-center staff, leaders, supervisors: figures and alerts, read-only. */
  MONITOR(ActorRole.MONITOR),
  /** Reference data: departments, routing rules, SLA policies, liaisons, API keys. */
  ADMIN(ActorRole.ADMIN),
  /** The enterprise that filed one appeal, proven by tracking number and receipt secret. */
  ENTERPRISE(ActorRole.ENTERPRISE),
  /** Another instance of this system, forwarding a query. */
  PEER(ActorRole.SYSTEM);

  private final ActorRole actorRole;

  Role(ActorRole actorRole) {
    this.actorRole = actorRole;
  }

  public ActorRole actorRole() {
    return actorRole;
  }

  public GrantedAuthority authority() {
    return new SimpleGrantedAuthority("ROLE_" + name());
  }

  /** The roles a stored API key may carry: machines and staff, never an enterprise or a peer. */
  public boolean isGrantable() {
    return this == KIOSK || this == DEPARTMENT || this == MONITOR || this == ADMIN;
  }
}
