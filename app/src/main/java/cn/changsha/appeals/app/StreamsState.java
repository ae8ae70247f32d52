package cn.changsha.appeals.app;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** Kafka Streams' state, CREATED before the factory has built the client. */
final class StreamsState {

  private StreamsState() {}

  static KafkaStreams.State of(StreamsBuilderFactoryBean streams) {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    return kafkaStreams == null ? KafkaStreams.State.CREATED : kafkaStreams.state();
  }
}
