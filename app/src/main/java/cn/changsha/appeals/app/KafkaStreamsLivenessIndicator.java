package cn.changsha.appeals.app;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Part of the liveness group: DOWN only when Kafka Streams has failed for good (ERROR), the one
 * state a restart of the process cures. Rebalancing is not a reason to be restarted.
 */
@Component("kafkaStreamsAlive")
class KafkaStreamsLivenessIndicator implements HealthIndicator {

  private final StreamsBuilderFactoryBean streams;

  KafkaStreamsLivenessIndicator(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
  }

  @Override
  public Health health() {
    KafkaStreams.State state = StreamsState.of(streams);
    boolean failed = state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR;
    return (failed ? Health.down() : Health.up()).withDetail("state", state.name()).build();
  }
}
