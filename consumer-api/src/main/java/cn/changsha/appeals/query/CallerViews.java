package cn.changsha.appeals.query;

import cn.changsha.appeals.edge.security.Caller;
import cn.changsha.appeals.streams.view.AppealView;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which appeals a caller may read, and how much of them: the department holding it and the
 * enterprise that filed it see all; monitors see it with the contact person masked.
 */
final class CallerViews {

  private CallerViews() {}

  static AppealView appealFor(Caller caller, AppealView appeal) {
    return switch (caller.role()) {
      case ENTERPRISE -> allowed(caller.owns(appeal.appealId()), appeal);
      case DEPARTMENT -> allowed(caller.actsFor(appeal.departmentId()), appeal);
      case MONITOR -> appeal.masked();
      default -> allowed(false, appeal);
    };
  }

  private static AppealView allowed(boolean allowed, AppealView appeal) {
    if (!allowed) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This appeal is held by another department or owned by another enterprise");
    }
    return appeal;
  }
}
