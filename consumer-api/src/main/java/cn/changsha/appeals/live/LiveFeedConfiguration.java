package cn.changsha.appeals.live;

import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.streams.config.AppealsProperties;
import cn.changsha.appeals.streams.config.TailPartitions;
import cn.changsha.appeals.topics.Topics;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * Tails the event log and the alerts for the screens of this instance. Each instance reads every
 * partition from the end, assigned directly rather than through a consumer group: a screen wants
 * what happens from now on, wherever the appeal's partition is processed, and there is nothing to
 * commit or rebalance. A record that cannot be read is skipped here: the topology, which reads the
 * same topics, is what sends it to the dead letters.
 */
@Configuration(proxyBeanMethods = false)
class LiveFeedConfiguration {

  /**
   * Lazy, so it is built when the application starts its lifecycle beans rather than with the
   * other beans: reading the topics' partitions waits for the broker, and an in-process broker is
   * still loading its logs while the beans are built.
   */
  @Bean
  @Lazy
  ConcurrentMessageListenerContainer<String, AppealEvent> liveFeed(KafkaProperties kafka, AppealsProperties appeals, LiveUpdates live) {
    Map<String, Object> props = kafka.buildConsumerProperties();
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // Asking a topic's partitions must not make it: the application makes its topics with their own counts.
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    ConsumerFactory<String, AppealEvent> consumers = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
        new ErrorHandlingDeserializer<>(Topics.APPEAL_EVENTS.valueSerde().deserializer()));
    TopicPartitionOffset[] partitions = Stream.of(Topics.APPEAL_EVENTS, Topics.ALERTS)
        .flatMap(topic -> TailPartitions.of(consumers, topic, appeals.partitions()).stream()).toArray(TopicPartitionOffset[]::new);
    ContainerProperties properties = new ContainerProperties(partitions);
    properties.setMessageListener((MessageListener<String, AppealEvent>) record -> dispatch(record, live));
    var container = new ConcurrentMessageListenerContainer<>(consumers, properties);
    container.setCommonErrorHandler(new CommonLoggingErrorHandler());
    return container;
  }

  private static void dispatch(ConsumerRecord<String, AppealEvent> record, LiveUpdates live) {
    if (record.value() == null) {
      return;
    }
    if (record.topic().equals(Topics.ALERTS.name())) {
      live.alertRaised(record.key(), record.value());
    } else {
      live.eventWritten(record.value());
    }
  }
}
