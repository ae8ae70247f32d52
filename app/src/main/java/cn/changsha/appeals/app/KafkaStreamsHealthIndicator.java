package cn.changsha.appeals.app;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Ready only while the topologies run: UP when Kafka Streams is RUNNING; OUT_OF_SERVICE while it
 * starts or moves partitions (its stores answer 503 then); DOWN once it has stopped or failed.
 * Part of the readiness group, so a load balancer sends no traffic until reads can be answered.
 */
@Component("kafkaStreams")
class KafkaStreamsHealthIndicator implements HealthIndicator {

  private final StreamsBuilderFactoryBean streams;

  KafkaStreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
  }

  @Override
  public Health health() {
    KafkaStreams.State state = StreamsState.of(streams);
    Health.Builder health = switch (state) {
      case RUNNING -> Health.up();
      case CREATED, REBALANCING -> Health.outOfService();
      default -> Health.down();
    };
    return health.withDetail("state", state.name()).build();
  }
}
