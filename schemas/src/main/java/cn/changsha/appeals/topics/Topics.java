package cn.changsha.appeals.topics;

import cn.changsha.appeals.schema.ApiKey;
import cn.changsha.appeals.schema.AppealCommand;
import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.schema.CommandResult;
import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.schema.Hotspot;
import cn.changsha.appeals.schema.Liaison;
import cn.changsha.appeals.schema.RoutingRule;
import cn.changsha.appeals.schema.SlaPolicy;
import cn.changsha.appeals.schema.serde.AvroSerde;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topics of the system. Every topic is keyed by a string: the appeal id for appeal traffic,
 * the department id or rule id for reference data.
 */
public final class Topics {

  /** Commands from kiosks, departments and enterprises; the only way to change an appeal. */
  public static final Topic<String, AppealCommand> APPEAL_COMMANDS =
      new Topic<>("appeal-commands", Serdes.String(), AvroSerde.of(AppealCommand.class), false);

  /** The log of facts: every accepted change to every appeal. Views are folds of this topic. */
  public static final Topic<String, AppealEvent> APPEAL_EVENTS =
      new Topic<>("appeal-events", Serdes.String(), AvroSerde.of(AppealEvent.class), false);

  /** One answer per command, accepted or refused with a reason; read by whoever sent it. */
  public static final Topic<String, CommandResult> COMMAND_RESULTS =
      new Topic<>("appeal-command-results", Serdes.String(), AvroSerde.of(CommandResult.class), false);

  public static final Topic<String, Department> DEPARTMENTS =
      new Topic<>("ref-departments", Serdes.String(), AvroSerde.of(Department.class), true);

  public static final Topic<String, RoutingRule> ROUTING_RULES =
      new Topic<>("ref-routing-rules", Serdes.String(), AvroSerde.of(RoutingRule.class), true);

  public static final Topic<String, SlaPolicy> SLA_POLICIES =
      new Topic<>("ref-sla-policies", Serdes.String(), AvroSerde.of(SlaPolicy.class), true);

  /** The liaison directory: who is told when a department's appeal is late. */
  public static final Topic<String, Liaison> LIAISONS =
      new Topic<>("ref-liaisons", Serdes.String(), AvroSerde.of(Liaison.class), true);

  /** Machine credentials (API keys), keyed by the SHA-256 of the key; a tombstone revokes one. */
  public static final Topic<String, ApiKey> API_KEYS =
      new Topic<>("sec-api-keys", Serdes.String(), AvroSerde.of(ApiKey.class), true);

  /** SLA warnings, breaches and escalations, also on the event log, here for whoever watches them. */
  public static final Topic<String, AppealEvent> ALERTS =
      new Topic<>("appeal-alerts", Serdes.String(), AvroSerde.of(AppealEvent.class), false);

  /** A hotspot appeared: one category piling up in one district (key: district|category). */
  public static final Topic<String, Hotspot> HOTSPOTS =
      new Topic<>("appeal-hotspots", Serdes.String(), AvroSerde.of(Hotspot.class), false);

  /**
   * Records that could not be read or processed, from any topic the system reads: the original
   * key and value bytes, with the reason, source topic, partition and offset in headers.
   */
  public static final Topic<byte[], byte[]> DEAD_LETTERS =
      new Topic<>("appeal-dead-letters", Serdes.ByteArray(), Serdes.ByteArray(), false);

  /**
   * Every event a department hears of (as on its queue topic, JSON text), keyed by appeal id, for
   * the departments' webhooks; failed calls go on to spring-kafka's retry topics and, at last,
   * to {@link #WEBHOOK_DEAD_LETTERS}.
   */
  public static final Topic<String, String> WEBHOOK_DELIVERIES =
      new Topic<>("webhook-deliveries", Serdes.String(), Serdes.String(), false);

  /** Webhook calls that kept failing, parked until an administrator replays them. */
  public static final Topic<String, String> WEBHOOK_DEAD_LETTERS =
      new Topic<>("webhook-deliveries-dlt", Serdes.String(), Serdes.String(), false);

  /** How far each department's webhook has been served, per appeal (key department|appeal, value the last event sequence). */
  public static final Topic<String, String> WEBHOOK_CURSORS =
      new Topic<>("webhook-cursors", Serdes.String(), Serdes.String(), true);

  /** Prefix of the per-department queue topics; values there are JSON for departments' own systems. */
  public static final String DEPARTMENT_QUEUE_PREFIX = "dept-queue.";

  private static final Pattern DEPARTMENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private Topics() {}

  public static List<Topic<?, ?>> all() {
    return List.of(APPEAL_COMMANDS, APPEAL_EVENTS, COMMAND_RESULTS, ALERTS, HOTSPOTS, DEAD_LETTERS, DEPARTMENTS, ROUTING_RULES,
        SLA_POLICIES, LIAISONS, API_KEYS, WEBHOOK_DELIVERIES, WEBHOOK_DEAD_LETTERS, WEBHOOK_CURSORS);
  }

  public static String departmentQueue(String departmentId) {
    if (!isValidDepartmentId(departmentId)) {
      throw new IllegalArgumentException("Department id must match " + DEPARTMENT_ID + ": " + departmentId);
    }
    return DEPARTMENT_QUEUE_PREFIX + departmentId;
  }

  public static boolean isValidDepartmentId(String departmentId) {
    return departmentId != null && DEPARTMENT_ID.matcher(departmentId).matches();
  }
}
