package cn.changsha.appeals.app;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/** UP while the topologies run (or rebalance); DOWN when Kafka Streams has stopped or failed. */
@Component("kafkaStreams")
class KafkaStreamsHealthIndicator implements HealthIndicator {

  private final StreamsBuilderFactoryBean streams;

  KafkaStreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
  }

  @Override
  public Health health() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      return Health.down().withDetail("state", "NOT_STARTED").build();
    }
    KafkaStreams.State state = kafkaStreams.state();
    Health.Builder health = state.isRunningOrRebalancing() ? Health.up() : Health.down();
    return health.withDetail("state", state.name()).build();
  }
}
