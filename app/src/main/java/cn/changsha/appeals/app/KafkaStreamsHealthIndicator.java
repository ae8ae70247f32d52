package cn.changsha.appeals.app;

import cn.changsha.appeals.streams.config.RestoreProgress;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Kafka Streams' state, read two ways. Readiness (group {@code readiness}): UP only while it is
 * RUNNING; OUT_OF_SERVICE while it starts or moves partitions, when its stores answer 503; DOWN
 * once it has stopped or failed. Liveness (group {@code liveness}): DOWN only when it has failed
 * for good (ERROR), the one state a restart of the process cures; a rebalance is no reason to be
 * restarted. While stores are rebuilt from their changelogs, readiness's details say how far it has got.
 */
@Configuration(proxyBeanMethods = false)
class KafkaStreamsHealthIndicator {

  @Bean("kafkaStreams")
  HealthIndicator kafkaStreamsReadiness(StreamsBuilderFactoryBean streams, RestoreProgress restores) {
    return () -> {
      KafkaStreams.State state = stateOf(streams);
      Health.Builder health = switch (state) {
        case RUNNING -> Health.up();
        case CREATED, REBALANCING -> Health.outOfService();
        default -> Health.down();
      };
      restores.current().ifPresent(restoring -> health.withDetail("rebuildingStores",
          Map.of("restored", restoring.restored(), "about", restoring.about(), "percent", restoring.percent())));
      restores.last().ifPresent(rebuilt -> health.withDetail("lastRebuild", Map.of("finishedAt", rebuilt.finishedAt().toString(),
          "seconds", rebuilt.took().toMillis() / 1000.0, "records", rebuilt.records(), "recordsByStore", rebuilt.recordsByStore())));
      return health.withDetail("state", state.name()).build();
    };
  }

  @Bean("kafkaStreamsAlive")
  HealthIndicator kafkaStreamsLiveness(StreamsBuilderFactoryBean streams) {
    return () -> {
      KafkaStreams.State state = stateOf(streams);
      boolean failed = state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR;
      return (failed ? Health.down() : Health.up()).withDetail("state", state.name()).build();
    };
  }

  /** CREATED until the factory has built the client. */
  private static KafkaStreams.State stateOf(StreamsBuilderFactoryBean streams) {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    return kafkaStreams == null ? KafkaStreams.State.CREATED : kafkaStreams.state();
  }
}
