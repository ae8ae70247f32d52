package cn.changsha.appeals.webhooks;

import cn.changsha.appeals.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * How far each department's webhook has been served, appeal by appeal: the sequence of the last
 * event delivered. Only departments with a webhook have cursors. Kept on a
 * compacted topic, read in full before any delivery starts and then followed, so a restart or
 * another instance goes on from where delivery got to: nothing is sent twice that was
 * acknowledged, and nothing is skipped.
 */
@Component
class WebhookCursors implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WebhookCursors.class);

  /** Before the webhook listeners start (their phase is later), after the topics are made (before any phase). */
  static final int PHASE = Integer.MAX_VALUE - 1000;

  private final Map<String, Long> delivered = new ConcurrentHashMap<>();
  private final KafkaTemplate<String, String> template;
  private final Map<String, Object> consumerProperties;
  private volatile Consumer<String, String> follower;
  private volatile boolean running;

  WebhookCursors(KafkaProperties kafka, KafkaTemplate<String, String> webhookTemplate) {
    this.template = webhookTemplate;
    this.consumerProperties = kafka.buildConsumerProperties();
    consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
    consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerProperties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
  }

  /** Reads every cursor there is before returning, then follows the topic for other instances' deliveries. */
  @Override
  public void start() {
    Consumer<String, String> consumer = new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new StringDeserializer());
    try {
      List<TopicPartition> partitions = List.of(new TopicPartition(Topics.WEBHOOK_CURSORS.name(), 0));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(60));
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(this::remember);
      }
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
    follower = consumer;
    running = true;
    Thread following = new Thread(this::follow, "webhook-cursors");
    following.setDaemon(true);
    following.start();
  }

  @Override
  public void stop() {
    running = false;
    if (follower != null) {
      follower.wakeup();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  /** The last event sequence delivered to this department's webhook for this appeal; 0 if none. */
  long delivered(String departmentId, String appealId) {
    return delivered.getOrDefault(key(departmentId, appealId), 0L);
  }

  /** Records that events up to {@code sequence} are served, durably, before the delivery counts as done. */
  void advance(String departmentId, String appealId, long sequence) {
    String key = key(departmentId, appealId);
    KafkaWrites.sendAndWait(template, Topics.WEBHOOK_CURSORS.name(), key, Long.toString(sequence), "record the webhook delivery of " + key);
    delivered.merge(key, sequence, Math::max); // only once it is kept: a retry of this event must not pass it over
  }

  private void follow() {
    try {
      while (running) {
        try {
          follower.poll(Duration.ofMillis(500)).forEach(this::remember);
        } catch (WakeupException e) {
          throw e;
        } catch (RuntimeException e) {
          // A broker that went away: keep following, or this instance would stop hearing of the others' deliveries.
          log.warn("Reading webhook cursors failed ({}); trying again", e.toString());
        }
      }
    } catch (WakeupException e) {
      // stopping
    } finally {
      follower.close();
    }
  }

  private void remember(ConsumerRecord<String, String> record) {
    if (record.value() != null) {
      try {
        delivered.merge(record.key(), Long.parseLong(record.value()), Math::max);
      } catch (NumberFormatException e) {
        // not ours: the topic is written only here
      }
    }
  }

  private static String key(String departmentId, String appealId) {
    return departmentId + "|" + appealId;
  }

}
