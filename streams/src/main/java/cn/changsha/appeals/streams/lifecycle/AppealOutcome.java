package cn.changsha.appeals.streams.lifecycle;

import cn.changsha.appeals.schema.AppealCommand;
import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.CommandResult;

/**
 * A command (or, when {@code command} is null, a due SLA timer) together with what came of it.
 * Lives only between processors of one sub-topology, so it is never serialized.
 */
public record AppealOutcome(AppealCommand command, Decision decision, AppealState before, AppealState after) {

  public boolean answersACommand() {
    return command != null;
  }

  public CommandResult result() {
    return CommandResult.newBuilder()
        .setCommandId(command.getCommandId())
        .setAppealId(command.getAppealId())
        .setOutcome(decision.outcome())
        .setReason(decision.reason())
        .setState(after)
        .build();
  }
}
