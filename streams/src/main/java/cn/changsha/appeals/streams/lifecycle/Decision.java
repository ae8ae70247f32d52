package cn.changsha.appeals.streams.lifecycle;

import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.schema.CommandOutcome;
import java.util.List;

/** What the decider made of a command: the events to record, or why nothing is recorded. */
public record Decision(CommandOutcome outcome, List<AppealEvent> events, String reason) {

  public static Decision accepted(List<AppealEvent> events) {
    return new Decision(CommandOutcome.ACCEPTED, List.copyOf(events), null);
  }

  public static Decision duplicate() {
    return new Decision(CommandOutcome.DUPLICATE, List.of(), null);
  }

  public static Decision refused(CommandOutcome outcome, String reason) {
    return new Decision(outcome, List.of(), reason);
  }

  public boolean isAccepted() {
    return outcome == CommandOutcome.ACCEPTED;
  }
}
