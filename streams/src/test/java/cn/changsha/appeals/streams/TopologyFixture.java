package cn.changsha.appeals.streams;

import cn.changsha.appeals.schema.Actor;
import cn.changsha.appeals.schema.ActorRole;
import cn.changsha.appeals.schema.AppealCommand;
import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.AppealSubmission;
import cn.changsha.appeals.schema.Channel;
import cn.changsha.appeals.schema.CommandResult;
import cn.changsha.appeals.schema.CommandType;
import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.schema.Enterprise;
import cn.changsha.appeals.schema.Hotspot;
import cn.changsha.appeals.schema.Liaison;
import cn.changsha.appeals.schema.Priority;
import cn.changsha.appeals.schema.RoutingRule;
import cn.changsha.appeals.schema.SlaPolicy;
import cn.changsha.appeals.schema.SlaTarget;
import cn.changsha.appeals.schema.TargetKind;
import cn.changsha.appeals.streams.calendar.BusinessCalendar;
import cn.changsha.appeals.streams.calendar.HolidaySchedule;
import cn.changsha.appeals.streams.calendar.WorkingPeriod;
import cn.changsha.appeals.streams.hotspot.HotspotSettings;
import cn.changsha.appeals.streams.sla.SlaPlanner;
import cn.changsha.appeals.streams.testing.SettableClock;
import cn.changsha.appeals.topics.Topic;
import cn.changsha.appeals.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/** The production topology in a TopologyTestDriver, with a small reference data set and a settable clock. */
final class TopologyFixture implements AutoCloseable {

  static final String LAST_RESORT = "CS-OPT";
  static final Instant START = Instant.parse("2026-03-02T01:00:00Z"); // Monday 09:00 in Changsha

  final SettableClock clock = new SettableClock(START);
  final TopologyTestDriver driver;
  final TestInputTopic<String, AppealCommand> commands;
  final TestInputTopic<String, Department> departments;
  final TestInputTopic<String, RoutingRule> rules;
  final TestInputTopic<String, SlaPolicy> policies;
  final TestInputTopic<String, Liaison> liaisons;
  final TestOutputTopic<String, AppealEvent> alerts;
  final TestOutputTopic<String, Hotspot> hotspots;
  final BusinessCalendar calendar;
  final TestOutputTopic<String, CommandResult> results;
  final TestOutputTopic<String, AppealEvent> events;

  TopologyFixture(Path stateDir) {
    calendar = calendar2026();
    StreamsBuilder builder = new StreamsBuilder();
    new AppealTopology(clock, LAST_RESORT, new SlaPlanner(calendar, 0.75),
        new HotspotSettings(Duration.ofDays(30), 3)).buildInto(builder);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "appeals-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(builder.build(), props, START);
    commands = input(Topics.APPEAL_COMMANDS);
    departments = input(Topics.DEPARTMENTS);
    rules = input(Topics.ROUTING_RULES);
    policies = input(Topics.SLA_POLICIES);
    liaisons = input(Topics.LIAISONS);
    alerts = output(Topics.ALERTS);
    hotspots = output(Topics.HOTSPOTS);
    results = output(Topics.COMMAND_RESULTS);
    events = output(Topics.APPEAL_EVENTS);
    for (String id : List.of("430104-ENV", "430104-MARKET", "430104-BSC", "430103-URBAN", LAST_RESORT)) {
      department(id, true);
    }
    rule("r-env-yuelu", 100, "430104", "ENVIRONMENT", "430104-ENV");
    rule("r-reg-yuelu", 100, "430104", "REGISTRATION", "430104-MARKET");
    rule("r-urban-any", 200, null, "URBAN_MANAGEMENT", "430103-URBAN");
    rule("fallback-430104", 10_000, "430104", null, "430104-BSC");
    rule("meeting-430112", 100, "430112", "MEETING_REQUEST", "430112-BSC");
    department("430112-BSC", true);
    policy("normal", Priority.NORMAL, null, TargetKind.WORKING_DAYS, 1, TargetKind.WORKING_DAYS, 10);
    policy("green-card", Priority.GREEN_CARD, null, TargetKind.WORKING_DAYS, 0, TargetKind.WORKING_DAYS, 5);
    policy("green-card-meeting", Priority.GREEN_CARD, "MEETING_REQUEST", TargetKind.WORKING_DAYS, 0, TargetKind.WORKING_DAYS, 1);
    policy("urgent", Priority.URGENT, null, TargetKind.WORKING_HOURS, 2, TargetKind.WORKING_DAYS, 2);
    liaisons.pipeInput("430112-BSC", new Liaison("430112-BSC", "望城区企业服务中心主要负责人", "望城区分管副区长", "望城区效能中心"));
    liaisons.pipeInput("430104-ENV", new Liaison("430104-ENV", "岳麓区生态环境分局主要负责人", "岳麓区分管副区长", "岳麓区效能中心"));
  }

  static BusinessCalendar calendar2026() {
    try (var in = TopologyFixture.class.getClassLoader().getResourceAsStream("calendar/2026.json")) {
      return new BusinessCalendar(ZoneId.of("Asia/Shanghai"), WorkingPeriod.parse("09:00-12:00,13:30-17:30"),
          java.util.Map.of(2026, HolidaySchedule.read(in)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  void policy(String id, Priority priority, String category, TargetKind frKind, int fr, TargetKind resKind, int res) {
    policies.pipeInput(id, new SlaPolicy(id, priority, category, new SlaTarget(frKind, fr), new SlaTarget(resKind, res)));
  }

  /** Moves the clock to {@code instant} and lets the wall-clock punctuator run, as a second passing would. */
  void advanceTo(Instant instant) {
    clock.set(instant);
    driver.advanceWallClockTime(Duration.ofSeconds(1));
  }

  void department(String id, boolean active) {
    departments.pipeInput(id, new Department(id, "部门 " + id, "Department " + id,
        id.contains("-") && Character.isDigit(id.charAt(0)) ? id.substring(0, 6) : null, Topics.departmentQueue(id), active, null));
  }

  void rule(String ruleId, int order, String district, String category, String departmentId) {
    rules.pipeInput(ruleId, new RoutingRule(ruleId, order, district, category, departmentId, null));
  }

  /** Submits a fresh appeal and returns its id. */
  String submit(String district, String category) {
    return submit(district, category, Priority.NORMAL);
  }

  String submit(String district, String category, Priority priority) {
    String trackingNumber = AppealIds.trackingNumberFor(UUID.randomUUID().toString());
    String appealId = AppealIds.appealIdFor(trackingNumber);
    send(submitCommand(appealId, trackingNumber, district, category, "fp-" + appealId, priority));
    return appealId;
  }

  AppealCommand submitCommand(String appealId, String trackingNumber, String district, String category, String fingerprint) {
    return submitCommand(appealId, trackingNumber, district, category, fingerprint, Priority.NORMAL);
  }

  AppealCommand submitCommand(String appealId, String trackingNumber, String district, String category, String fingerprint,
      Priority priority) {
    Enterprise enterprise = new Enterprise("湖南艾科瑞生物工程有限公司", "91350100M000100Y43", "张三", "13800000000", null);
    AppealSubmission submission = new AppealSubmission(enterprise, district, category,
        "环评手续咨询", "新建实验室需要办理环评手续,请指导。", Channel.KIOSK, priority, null);
    return base(appealId, CommandType.SUBMIT, new Actor(ActorRole.KIOSK, "kiosk-01", null))
        .setTrackingNumber(trackingNumber).setRequestFingerprint(fingerprint).setSubmission(submission).build();
  }

  static AppealCommand.Builder base(String appealId, CommandType type, Actor actor) {
    return AppealCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setAppealId(appealId)
        .setType(type)
        .setIssuedAt(Instant.EPOCH)
        .setActor(actor);
  }

  /** Sends a command other than SUBMIT, acting as the department (or enterprise) the type implies. */
  CommandResult act(String appealId, CommandType type, Consumer<AppealCommand.Builder> fields) {
    ActorRole role = switch (type) {
      case PROVIDE_INFO, EVALUATE, REOPEN, WITHDRAW -> ActorRole.ENTERPRISE;
      default -> ActorRole.DEPARTMENT;
    };
    AppealState now = state(appealId);
    Actor actor = role == ActorRole.DEPARTMENT
        ? new Actor(role, "dept-user-1", now == null ? null : now.getDepartmentId())
        : new Actor(role, "91350100M000100Y43", null);
    AppealCommand.Builder command = base(appealId, type, actor);
    fields.accept(command);
    return send(command.build());
  }

  CommandResult send(AppealCommand command) {
    commands.pipeInput(command.getAppealId(), command);
    List<CommandResult> answers = results.readValuesToList();
    if (answers.size() != 1) {
      throw new AssertionError("Expected exactly one result per command, got " + answers.size());
    }
    return answers.get(0);
  }

  AppealState state(String appealId) {
    KeyValueStore<String, AppealState> store = driver.getKeyValueStore(StoreNames.APPEAL_STATE);
    return store.get(appealId);
  }

  List<String> queue(String departmentId) {
    KeyValueStore<String, String> store = driver.getKeyValueStore(StoreNames.DEPARTMENT_QUEUE);
    List<String> ids = new ArrayList<>();
    try (var it = store.prefixScan(departmentId + "|", Serdes.String().serializer())) {
      it.forEachRemaining(kv -> ids.add(kv.value));
    }
    return ids;
  }

  List<KeyValue<String, String>> departmentTopic(String departmentId) {
    return driver.createOutputTopic(Topics.departmentQueue(departmentId), new StringDeserializer(), new StringDeserializer())
        .readKeyValuesToList();
  }

  private <K, V> TestInputTopic<K, V> input(Topic<K, V> topic) {
    return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  private <K, V> TestOutputTopic<K, V> output(Topic<K, V> topic) {
    return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  @Override
  public void close() {
    driver.close();
  }
}
