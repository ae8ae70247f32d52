package cn.changsha.appeals.webhooks;

import cn.changsha.appeals.edge.security.ClusterSecret;
import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.schema.Webhook;
import cn.changsha.appeals.streams.query.ReferenceQueries;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers each event a department hears of to its webhook, if it has one, in order per appeal.
 * A failed call is thrown back to spring-kafka, which tries it again from its retry topics with
 * growing pauses and parks it on the dead-letter topic in the end. An event waits (fails the
 * same way) until the one before it, for the same department and appeal, has been delivered: so
 * a receiver that was down gets everything, in order, when it is back, and a later event can
 * never overtake an earlier one that is still being retried.
 */
@Component
class WebhookDispatcher {

  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Object[] LOCKS = new Object[4096];

  static {
    for (int i = 0; i < LOCKS.length; i++) {
      LOCKS[i] = new Object();
    }
  }

  private final ReferenceQueries reference;
  private final ClusterSecret clusterSecret;
  private final WebhookCursors cursors;
  private final WebhookCall call;
  private final MeterRegistry meters;

  WebhookDispatcher(ReferenceQueries reference, ClusterSecret clusterSecret, WebhookCursors cursors, WebhookCall call,
      MeterRegistry meters) {
    this.reference = reference;
    this.clusterSecret = clusterSecret;
    this.cursors = cursors;
    this.call = call;
    this.meters = meters;
  }

  @KafkaListener(id = "webhooks", groupId = "appeal-webhooks", concurrency = "${appeals.partitions:6}",
      topics = "#{T(cn.changsha.appeals.topics.Topics).WEBHOOK_DELIVERIES.name()}")
  void deliver(ConsumerRecord<String, String> record) throws IOException, InterruptedException {
    JsonNode delivery = JSON.readTree(record.value());
    String departmentId = delivery.path("departmentId").asString();
    String appealId = record.key();
    // The main topic and each retry topic have consumers of their own: one appeal's events for
    // one department are handled one at a time here, so two copies cannot both be sent.
    synchronized (LOCKS[Math.floorMod((departmentId + "|" + appealId).hashCode(), LOCKS.length)]) {
      deliver(record, delivery, departmentId, appealId);
    }
  }

  private void deliver(ConsumerRecord<String, String> record, JsonNode delivery, String departmentId, String appealId)
      throws IOException, InterruptedException {
    long sequence = delivery.path("event").path("sequence").asLong();
    long previous = delivery.path("previousSequence").asLong(0);
    Optional<Webhook> webhook = reference.department(departmentId).map(Department::getWebhook);
    if (webhook.isEmpty() || at(delivery.path("event")).isBefore(webhook.get().getSince())) {
      return; // no webhook (or no longer), or not yet when this happened: nothing to call, nothing to remember
    }
    long served = cursors.delivered(departmentId, appealId);
    if (sequence <= served) {
      return; // delivered before (a replay, or a retry racing an earlier success)
    }
    if (previous > served && !before(webhook.get(), delivery, previous)) {
      throw new WaitingForEarlierEvent(departmentId, appealId, previous);
    }
    String eventId = delivery.path("event").path("eventId").asString();
    try {
      call.post(webhook.get().getUrl(), clusterSecret.unseal(webhook.get().getSealedSecret()), eventId, departmentId, record.value());
    } catch (IOException e) {
      meters.counter("appeals.webhooks.failed", "department", departmentId).increment();
      throw e;
    }
    meters.counter("appeals.webhooks.delivered", "department", departmentId).increment();
    cursors.advance(departmentId, appealId, sequence);
  }

  /** Whether the appeal's event {@code sequence} happened before the department had this webhook: it was never to be sent. */
  private static boolean before(Webhook webhook, JsonNode delivery, long sequence) {
    for (JsonNode event : delivery.path("appeal").path("timeline")) {
      if (event.path("sequence").asLong() == sequence) {
        return at(event).isBefore(webhook.getSince());
      }
    }
    return false;
  }

  private static Instant at(JsonNode event) {
    return OffsetDateTime.parse(event.path("at").asString()).toInstant();
  }

  /** Retried like a failed call: the event before it has not reached the receiver yet. */
  static final class WaitingForEarlierEvent extends IOException {
    static final String PHRASE = "Waiting for event";

    WaitingForEarlierEvent(String departmentId, String appealId, long previous) {
      super(PHRASE + " " + previous + " of appeal " + appealId + " to reach " + departmentId + "'s webhook first");
    }
  }
}
