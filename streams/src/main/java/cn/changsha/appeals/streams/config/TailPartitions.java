package cn.changsha.appeals.streams.config;

import cn.changsha.appeals.topics.Topic;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.TimeoutException;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.TopicPartitionOffset;

/**
 * Every partition of a topic, read from its end, for a reader that assigns partitions itself
 * instead of joining a consumer group: it wants what happens from now on, in this instance, with
 * no rebalance to wait for after a restart.
 */
public final class TailPartitions {

  private TailPartitions() {}

  /**
   * The topic's actual partitions; when it does not exist yet (a first start, it will be made
   * with the configured count) or the broker cannot say just now, the configured count.
   */
  public static List<TopicPartitionOffset> of(ConsumerFactory<?, ?> consumers, Topic<?, ?> topic, int configured) {
    int count;
    try (Consumer<?, ?> consumer = consumers.createConsumer()) {
      List<PartitionInfo> partitions = consumer.partitionsFor(topic.name());
      count = partitions == null || partitions.isEmpty() ? configured : partitions.size();
    } catch (TimeoutException e) {
      count = configured;
    }
    return IntStream.range(0, count)
        .mapToObj(p -> new TopicPartitionOffset(topic.name(), p, TopicPartitionOffset.SeekPosition.END)).toList();
  }
}
