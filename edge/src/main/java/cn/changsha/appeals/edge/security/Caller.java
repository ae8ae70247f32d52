package cn.changsha.appeals.edge.security;

import cn.changsha.appeals.schema.Actor;
import java.util.Objects;

/**
 * The authenticated caller, however it signed in (API key, bearer token, receipt). Every event an
 * action causes names this caller as its actor; no header can say otherwise.
 *
 * @param id the key's name, the token's subject, or the tracking number of an enterprise
 * @param departmentId for {@link Role#DEPARTMENT}: the one department it acts for
 * @param appealId for {@link Role#ENTERPRISE}: the one appeal it owns
 */
public record Caller(Role role, String id, String departmentId, String appealId) {

  public Caller {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(id, "id");
    if (role == Role.DEPARTMENT && departmentId == null) {
      throw new IllegalArgumentException("A department caller must name its department");
    }
    if (role == Role.ENTERPRISE && appealId == null) {
      throw new IllegalArgumentException("An enterprise caller must name its appeal");
    }
  }

  public static Caller of(Role role, String id) {
    return new Caller(role, id, null, null);
  }

  public Actor actor() {
    return new Actor(role.actorRole(), id, departmentId);
  }

  public boolean is(Role other) {
    return role == other;
  }

  public boolean actsFor(String department) {
    return role == Role.DEPARTMENT && departmentId.equals(department);
  }

  public boolean owns(String appeal) {
    return role == Role.ENTERPRISE && appealId.equals(appeal);
  }
}
