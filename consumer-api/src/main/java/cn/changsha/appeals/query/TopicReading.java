package cn.changsha.appeals.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Reads a topic as it stands now, every partition up to the offset it had reached when reading
 * began, without a consumer group (nothing is committed, nobody else's position moves): for
 * showing what is parked on a dead-letter topic, and for replaying it.
 */
public final class TopicReading {

  private TopicReading() {}

  /**
   * @param from where to start in a partition, given its first and its end offset
   * @param atMost how long to read before giving up on the rest (a broker that stalls)
   * @return whether every partition was read to the end; false if reading gave up first
   */
  public static <K, V> boolean untilNow(KafkaProperties kafka, String topic, Deserializer<K> keys, Deserializer<V> values,
      BiFunction<Long, Long, Long> from, Duration atMost, java.util.function.Consumer<ConsumerRecord<K, V>> each) {
    Map<String, Object> props = kafka.buildConsumerProperties();
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    try (Consumer<K, V> consumer = new KafkaConsumer<>(props, keys, values)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
      for (TopicPartition tp : partitions) {
        consumer.seek(tp, Math.max(starts.get(tp), from.apply(starts.get(tp), ends.get(tp))));
      }
      Instant giveUp = Instant.now().plus(atMost);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp)) && Instant.now().isBefore(giveUp)) {
        for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
            each.accept(record);
          }
        }
      }
      return partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
    }
  }
}
