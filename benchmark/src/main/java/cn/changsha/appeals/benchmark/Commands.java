package cn.changsha.appeals.benchmark;

import cn.changsha.appeals.kiosk.AppealDraft;
import cn.changsha.appeals.schema.Actor;
import cn.changsha.appeals.schema.ActorRole;
import cn.changsha.appeals.schema.AppealCommand;
import cn.changsha.appeals.schema.AppealSubmission;
import cn.changsha.appeals.schema.Channel;
import cn.changsha.appeals.schema.CommandType;
import cn.changsha.appeals.schema.Enterprise;
import cn.changsha.appeals.schema.Priority;
import cn.changsha.appeals.streams.AppealIds;
import cn.changsha.appeals.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Appeal commands as the product's intake writes them (a SUBMIT per appeal, keyed by appeal id,
 * the tracking number derived from an idempotency key and the appeal id from the tracking
 * number), and the department's and enterprise's actions after it. The command id carries which
 * appeal of the run it is about and which step, so whoever reads the events back knows what comes
 * next without keeping a table of a million appeals.
 */
final class Commands {

  static final Actor KIOSK = new Actor(ActorRole.KIOSK, "kiosk-01", null);
  private static final byte[] REPLY_TOPIC = Topics.COMMAND_RESULTS.name().getBytes(StandardCharsets.UTF_8);
  private static final String PREFIX = "bench:";

  private final String runId;

  Commands(String runId) {
    this.runId = runId;
  }

  String idempotencyKey(String stage, long n) {
    return "bench-" + runId + "-" + stage + "-" + n;
  }

  String trackingNumber(String stage, long n) {
    return AppealIds.trackingNumberFor(idempotencyKey(stage, n));
  }

  String appealId(String stage, long n) {
    return AppealIds.appealIdFor(trackingNumber(stage, n));
  }

  AppealCommand submit(String stage, long n, AppealDraft draft) {
    String trackingNumber = trackingNumber(stage, n);
    Priority priority = "URGENT".equals(draft.priority()) ? Priority.URGENT
        : draft.enterprise().greenCard() != null ? Priority.GREEN_CARD : Priority.NORMAL;
    AppealDraft.Enterprise e = draft.enterprise();
    AppealSubmission submission = AppealSubmission.newBuilder()
        .setEnterprise(new Enterprise(e.name(), e.creditCode(), e.contactName(), e.contactPhone(), e.greenCard()))
        .setDistrict(draft.district())
        .setCategory(draft.category())
        .setTitle(draft.title())
        .setDescription(draft.description())
        .setChannel(Channel.valueOf(draft.channel()))
        .setPriority(priority)
        // The intake keeps only a SHA-256 of the receipt secret; one of the same length keeps the record's size real.
        .setReceiptSecretHash(AppealIds.fingerprint("receipt:" + trackingNumber))
        .build();
    return AppealCommand.newBuilder()
        .setCommandId(commandId(stage, n, "submit"))
        .setAppealId(AppealIds.appealIdFor(trackingNumber))
        .setType(CommandType.SUBMIT)
        .setIssuedAt(Instant.now())
        .setActor(KIOSK)
        .setTrackingNumber(trackingNumber)
        .setRequestFingerprint(AppealIds.fingerprint(String.join("\u0001", e.name(), e.creditCode(), draft.district(),
            draft.category(), draft.title(), draft.description(), draft.channel(), priority.name())))
        .setSubmission(submission)
        .build();
  }

  AppealCommand.Builder action(String stage, long n, CommandType type, Actor actor) {
    return AppealCommand.newBuilder()
        .setCommandId(commandId(stage, n, type.name().toLowerCase()))
        .setAppealId(appealId(stage, n))
        .setType(type)
        .setIssuedAt(Instant.now())
        .setActor(actor);
  }

  /**
   * The command as the intake's request/reply gateway sends it, with a correlation id and the reply
   * topic in its headers. The topology carries them onto its answer; without them every instance's
   * gateway would log each answer it reads as an error, which costs the product time it would not
   * spend in service.
   */
  static <V> ProducerRecord<String, V> record(String topic, String appealId, V value) {
    ProducerRecord<String, V> record = new ProducerRecord<>(topic, appealId, value);
    UUID correlation = UUID.randomUUID();
    record.headers().add("kafka_correlationId", ByteBuffer.allocate(16)
        .putLong(correlation.getMostSignificantBits()).putLong(correlation.getLeastSignificantBits()).array());
    record.headers().add("kafka_replyTopic", REPLY_TOPIC);
    return record;
  }

  static Actor department(String departmentId) {
    return new Actor(ActorRole.DEPARTMENT, departmentId, departmentId);
  }

  Actor enterprise(String stage, long n) {
    return new Actor(ActorRole.ENTERPRISE, trackingNumber(stage, n), null);
  }

  private String commandId(String stage, long n, String step) {
    return PREFIX + runId + ":" + stage + ":" + n + ":" + step;
  }

  /** Which appeal of this run, and of which stage, a command id (carried on its events) names; -1 if none of ours. */
  long appealNumber(String stage, String commandId) {
    String ours = PREFIX + runId + ":" + stage + ":";
    if (commandId == null || !commandId.startsWith(ours)) {
      return -1;
    }
    int end = commandId.indexOf(':', ours.length());
    return Long.parseLong(commandId.substring(ours.length(), end));
  }
}
