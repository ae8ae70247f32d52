package cn.changsha.appeals.streams;

import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.schema.HotspotWindow;
import cn.changsha.appeals.schema.Liaison;
import cn.changsha.appeals.schema.EventType;
import cn.changsha.appeals.schema.serde.AvroSerde;
import cn.changsha.appeals.streams.hotspot.HotspotDetector;
import cn.changsha.appeals.streams.hotspot.HotspotSettings;
import cn.changsha.appeals.streams.lifecycle.AppealCommandProcessor;
import cn.changsha.appeals.streams.lifecycle.AppealOutcome;
import cn.changsha.appeals.streams.routing.ReferenceChanges;
import cn.changsha.appeals.streams.sla.SlaPlanner;
import cn.changsha.appeals.streams.stats.TallyRecords;
import cn.changsha.appeals.streams.view.DepartmentQueueRecord;
import cn.changsha.appeals.topics.Topic;
import cn.changsha.appeals.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.springframework.kafka.support.serializer.JacksonJsonSerde;

/**
 * The work chain, top to bottom: each command is checked
 * against its appeal, routed and given its promised times on submission, and SLA timers fire as
 * they come due; every command is answered; accepted changes are recorded on the event log;
 * warnings, breaches and escalations are also raised as alerts; each department's topic receives
 * what happens to its appeals; submissions are counted by district and category to find hotspots.
 * Departments, routing rules, SLA policies and the liaison directory are global tables every
 * instance reads in full.
 */
public final class AppealTopology {

  private static final Set<EventType> ALERT_TYPES = EnumSet.of(EventType.SLA_WARNING, EventType.SLA_BREACHED, EventType.ESCALATED);

  private final Clock clock;
  private final String lastResortDepartmentId;
  private final SlaPlanner planner;
  private final HotspotSettings hotspots;
  private final MeterRegistry meters;
  private final ReferenceChanges referenceChanges;

  public AppealTopology(Clock clock, String lastResortDepartmentId, SlaPlanner planner, HotspotSettings hotspots) {
    this(clock, lastResortDepartmentId, planner, hotspots, new SimpleMeterRegistry());
  }

  /** @param meters counts the events this instance's tasks write, by type: {@code appeals.events} */
  public AppealTopology(Clock clock, String lastResortDepartmentId, SlaPlanner planner, HotspotSettings hotspots,
      MeterRegistry meters) {
    this(clock, lastResortDepartmentId, planner, hotspots, meters, new ReferenceChanges());
  }

  /** @param referenceChanges counts what the global stores take, for whoever keeps reference data decoded */
  public AppealTopology(Clock clock, String lastResortDepartmentId, SlaPlanner planner, HotspotSettings hotspots,
      MeterRegistry meters, ReferenceChanges referenceChanges) {
    this.referenceChanges = referenceChanges;
    this.meters = meters;
    this.clock = clock;
    this.lastResortDepartmentId = lastResortDepartmentId;
    this.planner = planner;
    this.hotspots = hotspots;
  }

  /**
   * Sub-topologies are numbered in the order they are built, and task ids, state directories and
   * (with static membership) remembered assignments follow those numbers. The reference tables,
   * read by name at run time, therefore come after the appeal stream, and anything new goes at
   * the end, so an upgrade never renumbers a running task.
   */
  public void buildInto(StreamsBuilder builder) {
    KStream<String, AppealOutcome> outcomes = createAppealStream(builder);
    answerEveryCommand(outcomes);
    KStream<String, AppealEvent> events = recordEvents(outcomes);
    raiseAlerts(events);
    feedDepartmentQueues(outcomes);
    watchForHotspots(builder, events);
    createReferenceTables(builder);
  }

  void createReferenceTables(StreamsBuilder builder) {
    builder.globalTable(Topics.DEPARTMENTS.name(), consumed(Topics.DEPARTMENTS),
        Materialized.<String, Department, KeyValueStore<Bytes, byte[]>>as(StoreNames.DEPARTMENTS));
    // Rules, policies and API keys as global stores of our own writing, which count the changes (see ReferenceChanges).
    builder.addGlobalStore(globalStore(StoreNames.ROUTING_RULES, Topics.ROUTING_RULES), Topics.ROUTING_RULES.name(),
        consumed(Topics.ROUTING_RULES), () -> referenceChanges.rulesWriter(StoreNames.ROUTING_RULES));
    builder.addGlobalStore(globalStore(StoreNames.SLA_POLICIES, Topics.SLA_POLICIES), Topics.SLA_POLICIES.name(),
        consumed(Topics.SLA_POLICIES), () -> referenceChanges.policiesWriter(StoreNames.SLA_POLICIES));
    builder.globalTable(Topics.LIAISONS.name(), consumed(Topics.LIAISONS),
        Materialized.<String, Liaison, KeyValueStore<Bytes, byte[]>>as(StoreNames.LIAISONS));
    // Not reference data of the work chain, but read the same way: every instance checks API keys locally.
    builder.addGlobalStore(globalStore(StoreNames.API_KEYS, Topics.API_KEYS), Topics.API_KEYS.name(),
        consumed(Topics.API_KEYS), () -> referenceChanges.apiKeysWriter(StoreNames.API_KEYS));
  }

  /** Like a global table's store: timestamped, its topic its changelog. */
  private static <V> StoreBuilder<TimestampedKeyValueStore<String, V>> globalStore(String name, Topic<String, V> topic) {
    return Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(name), Serdes.String(), topic.valueSerde())
        .withLoggingDisabled();
  }

  KStream<String, AppealOutcome> createAppealStream(StreamsBuilder builder) {
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.APPEAL_STATE), Serdes.String(), AvroSerde.of(AppealState.class)));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.DEPARTMENT_QUEUE), Serdes.String(), Serdes.String()));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.SLA_TIMERS), Serdes.String(), Serdes.String()));
    // Cached: the same few tallies change with almost every command, and the cache writes each to
    // the changelog once per commit rather than once per change.
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.FIGURE_TALLIES), Serdes.String(), TallyRecords.SERDE).withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.FIGURE_MINUTES), Serdes.String(), Serdes.ByteArray()).withCachingEnabled());
    return builder.stream(Topics.APPEAL_COMMANDS.name(), consumed(Topics.APPEAL_COMMANDS))
        .process(() -> new AppealCommandProcessor(clock, lastResortDepartmentId, planner, referenceChanges),
            StoreNames.APPEAL_STATE, StoreNames.DEPARTMENT_QUEUE, StoreNames.SLA_TIMERS,
            StoreNames.FIGURE_TALLIES, StoreNames.FIGURE_MINUTES);
  }

  static void answerEveryCommand(KStream<String, AppealOutcome> outcomes) {
    outcomes.filter((appealId, outcome) -> outcome.answersACommand())
        .mapValues(AppealOutcome::result).to(Topics.COMMAND_RESULTS.name(), produced(Topics.COMMAND_RESULTS));
  }

  /**
   * The log of facts, and a count of them by type for the metrics (appeals received are SUBMITTED,
   * routed ROUTED, warnings SLA_WARNING, and so on). A task replayed after a crash counts its
   * events again; exactly-once holds for the topics, not for these counters.
   */
  KStream<String, AppealEvent> recordEvents(KStream<String, AppealOutcome> outcomes) {
    KStream<String, AppealEvent> events = outcomes.flatMapValues(outcome -> outcome.decision().events())
        .peek((appealId, event) -> meters.counter("appeals.events", "type", event.getType().name()).increment());
    events.to(Topics.APPEAL_EVENTS.name(), produced(Topics.APPEAL_EVENTS));
    return events;
  }

  static void raiseAlerts(KStream<String, AppealEvent> events) {
    events.filter((appealId, event) -> ALERT_TYPES.contains(event.getType()))
        .to(Topics.ALERTS.name(), produced(Topics.ALERTS));
  }

  /** Submissions regrouped by district and category, counted over a sliding window. */
  void watchForHotspots(StreamsBuilder builder, KStream<String, AppealEvent> events) {
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.HOTSPOT_WINDOWS), Serdes.String(), AvroSerde.of(HotspotWindow.class))
        .withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.HOTSPOT_RECEIPTS), Serdes.String(), Serdes.ByteArray()));
    events.filter((appealId, event) -> event.getType() == EventType.SUBMITTED)
        .selectKey((appealId, event) -> HotspotSettings.key(event.getSubmission().getDistrict(), event.getSubmission().getCategory()))
        .repartition(Repartitioned.with(Serdes.String(), Topics.APPEAL_EVENTS.valueSerde()).withName("hotspot-candidates"))
        .process(() -> new HotspotDetector(hotspots), StoreNames.HOTSPOT_WINDOWS, StoreNames.HOTSPOT_RECEIPTS)
        .to(Topics.HOTSPOTS.name(), produced(Topics.HOTSPOTS));
  }

  /**
   * Each department's own topic, and the same records, keyed by appeal, for the departments'
   * webhooks; each record is written as JSON once for both.
   */
  static void feedDepartmentQueues(KStream<String, AppealOutcome> outcomes) {
    Serializer<DepartmentQueueRecord> json = new JacksonJsonSerde<>(DepartmentQueueRecord.class).noTypeInfo().serializer();
    KStream<String, AddressedJson> entries = outcomes.flatMapValues(AppealTopology::departmentEntries)
        .mapValues(entry -> new AddressedJson(entry.departmentId(), json.serialize(null, entry)));
    Produced<String, AddressedJson> asJson = Produced.with(Serdes.String(), AddressedJson.SERDE);
    entries.to((appealId, entry, context) -> Topics.departmentQueue(entry.departmentId()), asJson);
    entries.to(Topics.WEBHOOK_DELIVERIES.name(), asJson);
  }

  /** A department queue record, already JSON, and the department whose topic it goes to. */
  record AddressedJson(String departmentId, byte[] json) {
    static final Serde<AddressedJson> SERDE = Serdes.serdeFrom(
        (topic, value) -> value == null ? null : value.json(),
        (topic, bytes) -> {
          throw new UnsupportedOperationException("written only");
        });
  }

  private static List<DepartmentQueueRecord> departmentEntries(AppealOutcome outcome) {
    List<DepartmentQueueRecord> entries = new ArrayList<>();
    for (AppealEvent event : outcome.decision().events()) {
      Stream.of(event.getDepartmentId(), event.getFromDepartmentId()).filter(Objects::nonNull).distinct()
          .filter(department -> DepartmentQueueRecord.concerns(department, event))
          .forEach(department -> entries.add(DepartmentQueueRecord.of(department, event, outcome.after())));
    }
    return entries;
  }

  private static <K, V> Consumed<K, V> consumed(Topic<K, V> topic) {
    return Consumed.with(topic.keySerde(), topic.valueSerde());
  }

  private static <K, V> Produced<K, V> produced(Topic<K, V> topic) {
    return Produced.with(topic.keySerde(), topic.valueSerde());
  }
}
