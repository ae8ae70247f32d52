package cn.changsha.appeals.streams.deadletter;

import cn.changsha.appeals.topics.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Where every record that cannot be read or processed goes: {@code appeal-dead-letters}, with the
 * original bytes and spring-kafka's standard headers (source topic, partition, offset, exception).
 * One instance serves Kafka Streams' handlers and the plain consumers alike, so every dead letter
 * is counted in one metric and looks the same to whoever reads the topic.
 *
 * <p>The publish is not part of a Streams transaction: after a crash a record may be dead-lettered
 * twice. Readers tell the copies apart by source topic, partition and offset.
 */
public final class DeadLetters implements ConsumerRecordRecoverer {

  /** Which stage refused the record, as the {@code stage} tag of the metric. */
  public enum Stage { DESERIALIZATION, PROCESSING }

  public static final String METRIC = "appeals.dead.letters";
  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

  private final DeadLetterPublishingRecoverer publisher;
  private final MeterRegistry meters;

  public DeadLetters(KafkaOperations<byte[], byte[]> template, MeterRegistry meters) {
    this.publisher = new DeadLetterPublishingRecoverer(template,
        (record, e) -> new TopicPartition(Topics.DEAD_LETTERS.name(), -1));
    this.meters = meters;
  }

  /** A record that could not be deserialized (the stage Kafka Streams' handler and the consumers report). */
  @Override
  public void accept(ConsumerRecord<?, ?> record, Exception cause) {
    accept(record, cause, Stage.DESERIALIZATION);
  }

  public void accept(ConsumerRecord<?, ?> record, Exception cause, Stage stage) {
    publisher.accept(record, cause);
    counter(record.topic(), stage).increment();
    // Position and reason only: the payload may hold an enterprise's contact details.
    log.warn("Dead-lettered a record of {}-{} at offset {} ({}): {}", record.topic(), record.partition(), record.offset(),
        stage, cause.toString());
  }

  private Counter counter(String topic, Stage stage) {
    return Counter.builder(METRIC).description("Records moved to " + Topics.DEAD_LETTERS.name())
        .tag("source.topic", topic).tag("stage", stage.name().toLowerCase()).register(meters);
  }
}
