package cn.changsha.appeals.intake;

import cn.changsha.appeals.edge.security.Caller;
import cn.changsha.appeals.schema.AppealCommand;
import java.time.Clock;
import java.util.UUID;

/** A command stamped with who sends it (the signed-in caller, never a header's word) and when. */
final class Actors {

  private Actors() {}

  static AppealCommand.Builder command(Caller caller, Clock clock) {
    return AppealCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setIssuedAt(clock.instant())
        .setActor(caller.actor());
  }
}
