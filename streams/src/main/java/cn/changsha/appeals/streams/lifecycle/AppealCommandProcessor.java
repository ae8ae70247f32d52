package cn.changsha.appeals.streams.lifecycle;

import cn.changsha.appeals.schema.AppealCommand;
import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.CommandOutcome;
import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.schema.Liaison;
import cn.changsha.appeals.schema.RoutingRule;
import cn.changsha.appeals.schema.SlaPolicy;
import cn.changsha.appeals.streams.StoreNames;
import cn.changsha.appeals.streams.routing.GlobalReferenceData;
import cn.changsha.appeals.streams.routing.ReferenceChanges;
import cn.changsha.appeals.streams.routing.Router;
import cn.changsha.appeals.streams.sla.SlaPlanner;
import cn.changsha.appeals.streams.sla.SlaTimer;
import cn.changsha.appeals.streams.sla.SlaTimerIndex;
import cn.changsha.appeals.streams.stats.FigureIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies commands to appeals one at a time, in order per appeal (commands are keyed by appeal
 * id, so one task sees all of an appeal's commands), and fires SLA timers as they come due. Every
 * command produces exactly one outcome; every due timer produces its events.
 *
 * <p>Timers are checked every second on wall-clock time, not stream time: a deadline must fire
 * even when no record arrives on the partition.
 */
public final class AppealCommandProcessor implements Processor<String, AppealCommand, String, AppealOutcome> {

  private static final Logger log = LoggerFactory.getLogger(AppealCommandProcessor.class);
  public static final Duration TIMER_CHECK_INTERVAL = Duration.ofSeconds(1);

  private final Clock clock;
  private final String lastResortDepartmentId;
  private final SlaPlanner planner;
  private final ReferenceChanges referenceChanges;
  private ProcessorContext<String, AppealOutcome> context;
  private KeyValueStore<String, AppealState> states;
  private DepartmentQueueIndex queues;
  private SlaTimerIndex timers;
  private FigureIndex figures;
  private AppealDecider decider;

  public AppealCommandProcessor(Clock clock, String lastResortDepartmentId, SlaPlanner planner, ReferenceChanges referenceChanges) {
    this.referenceChanges = referenceChanges;
    this.clock = clock;
    this.lastResortDepartmentId = lastResortDepartmentId;
    this.planner = planner;
  }

  @Override
  public void init(ProcessorContext<String, AppealOutcome> context) {
    this.context = context;
    this.states = context.getStateStore(StoreNames.APPEAL_STATE);
    this.queues = new DepartmentQueueIndex(context.getStateStore(StoreNames.DEPARTMENT_QUEUE));
    this.timers = new SlaTimerIndex(context.getStateStore(StoreNames.SLA_TIMERS), planner);
    this.figures = new FigureIndex(context.getStateStore(StoreNames.FIGURE_TALLIES),
        context.getStateStore(StoreNames.FIGURE_MINUTES), planner.calendar());
    TimestampedKeyValueStore<String, Department> departments = context.getStateStore(StoreNames.DEPARTMENTS);
    TimestampedKeyValueStore<String, RoutingRule> rules = context.getStateStore(StoreNames.ROUTING_RULES);
    TimestampedKeyValueStore<String, SlaPolicy> policies = context.getStateStore(StoreNames.SLA_POLICIES);
    TimestampedKeyValueStore<String, Liaison> liaisons = context.getStateStore(StoreNames.LIAISONS);
    this.decider = new AppealDecider(new Router(lastResortDepartmentId),
        new GlobalReferenceData(departments, rules, policies, liaisons, referenceChanges), planner);
    context.schedule(TIMER_CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, ignored -> fireDueTimers());
  }

  @Override
  public void process(Record<String, AppealCommand> record) {
    AppealCommand command = record.value();
    if (command == null) {
      log.warn("Skipped an empty command record for key {}", record.key());
      return;
    }
    upgradeIndexes();
    AppealState before = record.key() == null ? null : states.get(record.key());
    Decision decision = command.getAppealId().equals(record.key())
        ? decider.decide(command, before, clock.instant())
        : Decision.refused(CommandOutcome.INVALID_COMMAND, "Record key must be the appeal id");
    AppealState after = apply(record.key(), before, decision);
    context.forward(record.withValue(new AppealOutcome(command, decision, before, after)));
  }

  private void fireDueTimers() {
    upgradeIndexes();
    Instant now = clock.instant();
    for (SlaTimerIndex.Due due : timers.dueBy(now)) {
      AppealState before = states.get(due.appealId());
      Optional<SlaTimer> timer = planner.timers(before).stream()
          .filter(t -> t.clock() == due.clock() && t.step() == due.step() && !t.at().isAfter(now))
          .findFirst();
      timers.remove(due);
      if (timer.isEmpty()) {
        continue; // the appeal moved on since this entry was written
      }
      Decision decision = decider.fire(timer.get(), before, now);
      AppealState after = apply(due.appealId(), before, decision);
      context.forward(new Record<>(due.appealId(), new AppealOutcome(null, decision, before, after), now.toEpochMilli()));
    }
  }

  /** Indexes a version before this one wrote are brought up to date once, before the task changes any appeal. */
  private void upgradeIndexes() {
    figures.includeEarlierAppeals(states);
    queues.orderEarlierEntries(states);
  }

  private AppealState apply(String appealId, AppealState before, Decision decision) {
    AppealState after = before;
    for (AppealEvent event : decision.events()) {
      after = AppealEvolution.apply(after, event);
    }
    if (decision.isAccepted()) {
      states.put(appealId, after);
      queues.update(before, after);
      timers.update(before, after);
      figures.update(before, after);
    }
    return after;
  }
}
