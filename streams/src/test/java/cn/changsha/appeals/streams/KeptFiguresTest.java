package cn.changsha.appeals.streams;

import static org.assertj.core.api.Assertions.assertThat;

import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.AppealStatuses;
import cn.changsha.appeals.schema.CommandOutcome;
import cn.changsha.appeals.schema.CommandType;
import cn.changsha.appeals.schema.Priority;
import cn.changsha.appeals.schema.serde.AvroSerde;
import cn.changsha.appeals.streams.lifecycle.DepartmentQueueIndex;
import cn.changsha.appeals.streams.sla.SlaPlanner;
import cn.changsha.appeals.streams.sla.SlaTimerIndex;
import cn.changsha.appeals.streams.stats.AppealFacts;
import cn.changsha.appeals.streams.stats.FigureIndex;
import cn.changsha.appeals.streams.stats.Figures;
import cn.changsha.appeals.streams.stats.OpenAppeals;
import cn.changsha.appeals.streams.stats.Statistics;
import cn.changsha.appeals.streams.stats.TallyRecords;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * The figures and indexes the topology keeps as events happen must be what follows from the appeal
 * states, whatever happens to the appeals: a seeded random workload of submissions, every action,
 * transfers, pauses, ratings, reopenings and timers firing over two months, compared at intervals.
 * Working-time percentiles may differ only as {@code MinuteHistograms} says (exact below 2,048
 * minutes, at most 1/1024 too high above). Submissions fall on whole ten minutes, so ages are exact.
 */
class KeptFiguresTest extends TopologyTestSupport {

  static final ZoneId CHANGSHA = ZoneId.of("Asia/Shanghai");
  static final String[][] WHERE = {
      {"430104", "ENVIRONMENT"}, {"430104", "REGISTRATION"}, {"430104", "TAX"},
      {"430103", "URBAN_MANAGEMENT"}, {"430112", "MEETING_REQUEST"}, {"430111", "OTHER"}};
  static final Priority[] PRIORITIES = {Priority.NORMAL, Priority.NORMAL, Priority.URGENT, Priority.GREEN_CARD};
  static final String[] DEPARTMENTS = {"430104-ENV", "430104-MARKET", "430104-BSC", "430103-URBAN", "430112-BSC", "CS-OPT"};
  static final CommandType[] ACTIONS = {
      CommandType.ACKNOWLEDGE, CommandType.ACKNOWLEDGE, CommandType.REQUEST_INFO, CommandType.PROVIDE_INFO,
      CommandType.TRANSFER, CommandType.RESOLVE, CommandType.RESOLVE, CommandType.EVALUATE, CommandType.EVALUATE,
      CommandType.REOPEN, CommandType.WITHDRAW};

  /** Percentiles kept in histograms: the same, or at most 1/1024 higher. */
  static final BiPredicate<Long, Long> WITHIN_HISTOGRAM_PRECISION =
      (kept, computed) -> kept == null ? computed == null : computed != null && kept >= computed && kept - computed <= computed / 1024;

  final Random random = new Random(20260302);
  final List<String> appeals = new ArrayList<>();

  @Test
  void keptFiguresEqualTheFiguresComputedFromTheAppeals() {
    int[] accepted = {0};
    Instant end = work(1200, (step, now, outcome) -> {
      accepted[0] += outcome == CommandOutcome.ACCEPTED ? 1 : 0;
      if (step % 200 == 0) {
        assertKeptEqualsComputed(now);
      }
    });
    assertThat(accepted[0]).as("the workload moved appeals on").isGreaterThan(200);
    assertThat(YearMonth.from(end.atZone(CHANGSHA))).as("the workload spans months").isAfter(YearMonth.of(2026, 3));
  }

  /**
   * The timer and queue indexes are written as differences (what an event changed), so they must
   * still hold exactly what each appeal's state calls for, whatever sequence of events led there.
   */
  @Test
  void timerAndQueueIndexesHoldExactlyWhatTheStatesCallFor() {
    SlaPlanner planner = new SlaPlanner(fx.calendar, 0.75);
    int[] checks = {0};
    work(1200, (step, now, outcome) -> {
      if (step % 50 == 0) {
        List<AppealState> states = states();
        assertThat(keys(StoreNames.SLA_TIMERS)).as("timers at step %d", step).isEqualTo(states.stream()
            .flatMap(s -> planner.timers(s).stream().map(t -> SlaTimerIndex.key(t, s.getAppealId())))
            .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(keys(StoreNames.DEPARTMENT_QUEUE)).as("queue at step %d", step).isEqualTo(states.stream()
            .filter(s -> s.getDepartmentId() != null && AppealStatuses.OPEN.contains(s.getStatus()))
            .map(DepartmentQueueIndex::key)
            .collect(Collectors.toCollection(TreeSet::new)));
        checks[0]++;
      }
    });
    assertThat(checks[0]).isEqualTo(24);
    assertThat(keys(StoreNames.SLA_TIMERS)).as("some timers still to fire at the end").isNotEmpty();
  }

  /** The keys of an index, without its markers ({@code #...}). */
  private TreeSet<String> keys(String storeName) {
    KeyValueStore<String, String> store = fx.driver.getKeyValueStore(storeName);
    TreeSet<String> keys = new TreeSet<>();
    try (var it = store.all()) {
      it.forEachRemaining(kv -> {
        if (!kv.key.startsWith("#")) {
          keys.add(kv.key);
        }
      });
    }
    return keys;
  }

  /** What the test looks at after each step: the step's number, the clock, and the outcome of an action (null for a submission). */
  interface AfterStep {
    void accept(int step, Instant now, CommandOutcome outcome);
  }

  /** Steps of 0 to 120 minutes on whole ten minutes, timers firing; three in ten file an appeal, the rest act on one. */
  private Instant work(int steps, AfterStep afterStep) {
    Instant now = fx.clock.instant();
    for (int step = 1; step <= steps; step++) {
      now = now.plus(Duration.ofMinutes(10L * random.nextInt(13)));
      fx.advanceTo(now);
      CommandOutcome outcome = null;
      if (appeals.isEmpty() || random.nextInt(10) < 3) {
        String[] where = WHERE[random.nextInt(WHERE.length)];
        appeals.add(fx.submit(where[0], where[1], PRIORITIES[random.nextInt(PRIORITIES.length)]));
      } else {
        outcome = act(appeals.get(random.nextInt(appeals.size())));
      }
      afterStep.accept(step, now, outcome);
    }
    return now;
  }

  @Test
  void appealsHeldBeforeFiguresWereKeptAreCountedOnceOnUpgrade() {
    Instant now = work(300, (step, at, outcome) -> { });
    // The stores of a task upgraded from a version without figures: its appeals, and no figures yet.
    MockProcessorContext<String, String> context = new MockProcessorContext<>();
    KeyValueStore<String, AppealState> states = inMemory(StoreNames.APPEAL_STATE, AvroSerde.of(AppealState.class), context);
    KeyValueStore<String, Map<String, Long>> tallies = inMemory(StoreNames.FIGURE_TALLIES, TallyRecords.SERDE, context);
    KeyValueStore<String, byte[]> minutes = inMemory(StoreNames.FIGURE_MINUTES, Serdes.ByteArray(), context);
    states().forEach(s -> states.put(s.getAppealId(), s));
    FigureIndex upgraded = new FigureIndex(tallies, minutes, fx.calendar);

    upgraded.includeEarlierAppeals(states);
    upgraded.includeEarlierAppeals(states);

    for (Figures.View view : List.of(Figures.View.departments(), Figures.View.districts(), Figures.View.month(YearMonth.of(2026, 3)),
        Figures.View.overview(now, CHANGSHA))) {
      Figures fromUpgrade = Figures.read(tallies, minutes, view);
      Figures keptAll = kept(view);
      assertThat(fromUpgrade.tallies()).isNotEmpty().isEqualTo(keptAll.tallies());
      assertThat(fromUpgrade.minutes().keySet()).isEqualTo(keptAll.minutes().keySet());
      fromUpgrade.minutes().keySet().forEach(k -> assertThat(fromUpgrade.histogram(k)).isEqualTo(keptAll.histogram(k)));
    }
  }

  private static <V> KeyValueStore<String, V> inMemory(String name, Serde<V> values, MockProcessorContext<String, String> context) {
    KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
        .withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    return store;
  }

  private CommandOutcome act(String appealId) {
    CommandType type = ACTIONS[random.nextInt(ACTIONS.length)];
    return fx.act(appealId, type, c -> {
      switch (type) {
        case REQUEST_INFO -> c.setQuestion("请补充材料");
        case PROVIDE_INFO -> c.setInformation("已补充");
        case TRANSFER -> c.setToDepartmentId(DEPARTMENTS[random.nextInt(DEPARTMENTS.length)]).setReason("职责调整");
        case RESOLVE -> c.setResolution("已办结");
        case EVALUATE -> c.setRating(1 + random.nextInt(5));
        case REOPEN, WITHDRAW -> c.setReason("企业申请");
        default -> { }
      }
    }).getOutcome();
  }

  private void assertKeptEqualsComputed(Instant now) {
    Statistics statistics = new Statistics(fx.calendar, fx.clock);
    List<AppealState> states = states();
    List<AppealFacts> facts = statistics.facts(states);

    assertThat(statistics.byDepartment(kept(Figures.View.departments())))
        .usingRecursiveFieldByFieldElementComparator(sameFigures()).isEqualTo(statistics.byDepartment(facts));
    assertThat(statistics.byDistrict(kept(Figures.View.districts())))
        .usingRecursiveFieldByFieldElementComparator(sameFigures()).isEqualTo(statistics.byDistrict(facts));
    for (YearMonth month = YearMonth.of(2026, 3); !month.isAfter(YearMonth.from(now.atZone(CHANGSHA))); month = month.plusMonths(1)) {
      assertThat(statistics.monthly(month, kept(Figures.View.month(month)), 3, id -> "部门 " + id))
          .usingRecursiveComparison(sameFigures()).as("report of %s", month)
          .isEqualTo(statistics.monthly(month, facts, 3, id -> "部门 " + id));
    }
    Figures overview = kept(Figures.View.overview(now, CHANGSHA));
    assertThat(statistics.onTimePct(overview)).isEqualTo(statistics.onTimePct(facts));
    assertThat(OpenAppeals.of(overview, now, CHANGSHA)).isEqualTo(OpenAppeals.of(states, now, CHANGSHA));
  }

  private static org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration sameFigures() {
    return org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
        .withEqualsForFieldsMatchingRegexes(WITHIN_HISTOGRAM_PRECISION, ".*(Median|P90)Minutes")
        .build();
  }

  private Figures kept(Figures.View view) {
    KeyValueStore<String, Map<String, Long>> tallies = fx.driver.getKeyValueStore(StoreNames.FIGURE_TALLIES);
    KeyValueStore<String, byte[]> minutes = fx.driver.getKeyValueStore(StoreNames.FIGURE_MINUTES);
    return Figures.read(tallies, minutes, view);
  }

  private List<AppealState> states() {
    KeyValueStore<String, AppealState> store = fx.driver.getKeyValueStore(StoreNames.APPEAL_STATE);
    List<AppealState> states = new ArrayList<>();
    try (var it = store.all()) {
      it.forEachRemaining(kv -> states.add(kv.value));
    }
    return states;
  }
}
