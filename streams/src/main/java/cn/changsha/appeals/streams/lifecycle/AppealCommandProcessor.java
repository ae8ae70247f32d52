package cn.changsha.appeals.streams.lifecycle;

import cn.changsha.appeals.schema.AppealCommand;
import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.CommandOutcome;
import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.schema.RoutingRule;
import cn.changsha.appeals.streams.StoreNames;
import cn.changsha.appeals.streams.routing.GlobalReferenceData;
import cn.changsha.appeals.streams.routing.Router;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies commands to appeals one at a time, in order per appeal (commands are keyed by appeal
 * id, so one task sees all of an appeal's commands). Every command produces exactly one outcome.
 */
public final class AppealCommandProcessor implements Processor<String, AppealCommand, String, AppealOutcome> {

  private static final Logger log = LoggerFactory.getLogger(AppealCommandProcessor.class);

  private final Clock clock;
  private final String lastResortDepartmentId;
  private ProcessorContext<String, AppealOutcome> context;
  private KeyValueStore<String, AppealState> states;
  private DepartmentQueueIndex queues;
  private AppealDecider decider;

  public AppealCommandProcessor(Clock clock, String lastResortDepartmentId) {
    this.clock = clock;
    this.lastResortDepartmentId = lastResortDepartmentId;
  }

  @Override
  public void init(ProcessorContext<String, AppealOutcome> context) {
    this.context = context;
    this.states = context.getStateStore(StoreNames.APPEAL_STATE);
    this.queues = new DepartmentQueueIndex(context.getStateStore(StoreNames.DEPARTMENT_QUEUE));
    TimestampedKeyValueStore<String, Department> departments = context.getStateStore(StoreNames.DEPARTMENTS);
    TimestampedKeyValueStore<String, RoutingRule> rules = context.getStateStore(StoreNames.ROUTING_RULES);
    this.decider = new AppealDecider(
        new Router(lastResortDepartmentId), new GlobalReferenceData(departments, rules));
  }

  @Override
  public void process(Record<String, AppealCommand> record) {
    AppealCommand command = record.value();
    if (command == null) {
      log.warn("Skipped an empty command record for key {}", record.key());
      return;
    }
    AppealState before = record.key() == null ? null : states.get(record.key());
    Decision decision = command.getAppealId().equals(record.key())
        ? decider.decide(command, before, clock.instant())
        : Decision.refused(CommandOutcome.INVALID_COMMAND, "Record key must be the appeal id");
    AppealState after = before;
    for (AppealEvent event : decision.events()) {
      after = AppealEvolution.apply(after, event);
    }
    if (decision.isAccepted()) {
      states.put(record.key(), after);
      queues.update(before, after);
    }
    context.forward(record.withValue(new AppealOutcome(command, decision, before, after)));
  }
}
