package cn.changsha.appeals.streams.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.streams.KafkaStreamsMicrometerListener;

/**
 * The failure policy of everything that reads Kafka: unreadable or unprocessable records go to the
 * dead letters; a stream thread that dies of anything else is replaced, not left dead.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterConfiguration.class);

  @Bean
  DeadLetters deadLetters(KafkaProperties kafka, ObjectProvider<MeterRegistry> meters) {
    Map<String, Object> props = kafka.buildProducerProperties();
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    var producers = new DefaultKafkaProducerFactory<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    return new DeadLetters(new KafkaTemplate<>(producers), meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Bean
  StreamsBuilderFactoryBeanConfigurer streamsFailurePolicy(ObjectProvider<MeterRegistry> meters) {
    return factory -> {
      factory.setStreamsUncaughtExceptionHandler(e -> {
        log.error("A stream thread died; starting a new one in its place", e);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
      });
      meters.ifAvailable(registry -> factory.addListener(new KafkaStreamsMicrometerListener(registry)));
    };
  }
}
