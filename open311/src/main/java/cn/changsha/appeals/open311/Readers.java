package cn.changsha.appeals.open311;

import cn.changsha.appeals.edge.security.Caller;
import cn.changsha.appeals.edge.security.Role;
import cn.changsha.appeals.streams.view.AppealView;

/**
 * Who reads an appeal whole through Open311: those who may read it through the API (the
 * department holding it, monitors, its enterprise) and the channel whose key filed it, which sent
 * every word of it. Everyone else, the anonymous included, reads the public part: category,
 * district, department, times, status and a fixed phrase for the latest step. No Open311 answer
 * carries the enterprise's name or its contact person, whoever asks.
 */
final class Readers {

  private Readers() {}

  static boolean readsWhole(Caller caller, AppealView appeal) {
    if (caller == null) {
      return false;
    }
    return switch (caller.role()) {
      case MONITOR -> true;
      case DEPARTMENT -> caller.actsFor(appeal.departmentId());
      case ENTERPRISE -> caller.owns(appeal.appealId());
      case KIOSK -> filedBy(caller, appeal);
      default -> false;
    };
  }

  private static boolean filedBy(Caller caller, AppealView appeal) {
    return appeal.timeline().stream().filter(e -> "SUBMITTED".equals(e.type())).findFirst()
        .map(e -> Role.KIOSK.name().equals(e.actor().role()) && caller.id().equals(e.actor().id()))
        .orElse(false);
  }
}
