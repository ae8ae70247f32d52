package cn.changsha.appeals.webhooks;

import cn.changsha.appeals.query.TopicReading;
import cn.changsha.appeals.streams.view.Times;
import cn.changsha.appeals.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook calls that kept failing, parked on {@code webhook-deliveries-dlt}: what monitors see
 * of them (how many per department, the latest reason) and what an administrator replays once
 * the receiver works again. A parked call that has since been delivered (an earlier replay) is
 * no longer counted, and replaying it again is harmless: the dispatcher passes over what is served.
 */
@Component
class ParkedDeliveries {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration READ_FOR_AT_MOST = Duration.ofSeconds(20);
  /** Where parked records that are not deliveries at all are counted. */
  static final String UNREADABLE = "(unreadable)";

  private final KafkaProperties kafka;
  private final WebhookCursors cursors;
  private final KafkaTemplate<String, String> template;

  ParkedDeliveries(KafkaProperties kafka, WebhookCursors cursors, KafkaTemplate<String, String> webhookTemplate) {
    this.kafka = kafka;
    this.cursors = cursors;
    this.template = webhookTemplate;
  }

  /**
   * @param latestReason why the most recently parked call failed at the receiver (calls parked
   *     only because an earlier one had not arrived say so, and say less: they come second)
   */
  record Parked(String departmentId, int parked, String latestReason, OffsetDateTime latestAt) {}

  /** Per department, the calls parked and not delivered since. */
  List<Parked> byDepartment() {
    Map<String, Parked> all = new TreeMap<>();
    readPending(null, true, (record, departmentId) -> {
      OffsetDateTime at = Times.local(Instant.ofEpochMilli(record.timestamp()));
      Parked before = all.get(departmentId);
      boolean waiting = String.valueOf(reason(record)).contains(WebhookDispatcher.WaitingForEarlierEvent.PHRASE);
      boolean beforeWaiting = before != null && String.valueOf(before.latestReason()).contains(WebhookDispatcher.WaitingForEarlierEvent.PHRASE);
      boolean newer = before == null || (waiting == beforeWaiting ? !at.isBefore(before.latestAt()) : beforeWaiting);
      all.put(departmentId, new Parked(departmentId, before == null ? 1 : before.parked() + 1,
          newer ? reason(record) : before.latestReason(), newer ? at : before.latestAt()));
    });
    return List.copyOf(all.values());
  }

  /** Sends the parked, undelivered calls of one department (or all) back to the delivery topic, in the order they were parked. */
  int replay(String departmentId) {
    List<ConsumerRecord<String, String>> pending = new ArrayList<>();
    readPending(departmentId, false, (record, department) -> pending.add(record));
    for (ConsumerRecord<String, String> record : pending) {
      KafkaWrites.sendAndWait(template, Topics.WEBHOOK_DELIVERIES.name(), record.key(), record.value(), "replay a parked webhook call");
    }
    return pending.size();
  }

  /** @param counting also hand on records that are not deliveries at all, as {@link #UNREADABLE}, to be counted */
  private void readPending(String onlyDepartment, boolean counting,
      java.util.function.BiConsumer<ConsumerRecord<String, String>, String> each) {
    boolean whole = TopicReading.untilNow(kafka, Topics.WEBHOOK_DEAD_LETTERS.name(), new StringDeserializer(), new StringDeserializer(),
        (start, end) -> start, READ_FOR_AT_MOST, record -> {
          if (record.value() == null) {
            return;
          }
          JsonNode delivery;
          try {
            delivery = JSON.readTree(record.value());
          } catch (JacksonException e) {
            // Not a delivery (written by hand, or damaged): counted, so monitors see it, but nothing a replay could send.
            if (onlyDepartment == null && counting) {
              each.accept(record, UNREADABLE);
            }
            return;
          }
          String departmentId = delivery.path("departmentId").asString();
          long sequence = delivery.path("event").path("sequence").asLong();
          if ((onlyDepartment == null || onlyDepartment.equals(departmentId))
              && sequence > cursors.delivered(departmentId, record.key())) {
            each.accept(record, departmentId);
          }
        });
    if (!whole) {
      // A count or a replay of part of the parked calls would look complete; better say so.
      throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The parked webhook calls could not all be read just now; try again");
    }
  }

  /** The retry topics' recoverer names the failure in {@code kafka_exception-message}, after "Listener failed; ". */
  private static String reason(ConsumerRecord<String, String> record) {
    Header header = record.headers().lastHeader(KafkaHeaders.EXCEPTION_MESSAGE);
    if (header == null) {
      header = record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE);
    }
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8).replaceFirst("^Listener failed; ", "");
  }
}
