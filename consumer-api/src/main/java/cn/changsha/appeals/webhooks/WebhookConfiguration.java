package cn.changsha.appeals.webhooks;

import cn.changsha.appeals.streams.config.AppealsProperties;
import cn.changsha.appeals.topics.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationBuilder;
import tools.jackson.core.JacksonException;

/**
 * The webhooks' retries are spring-kafka's retry topics: a failed call goes to
 * {@code webhook-deliveries-retry-N}, is tried again after its pause, and after the last try is
 * parked on {@code webhook-deliveries-dlt}. The main topic's consumer is never blocked by a slow
 * or failing receiver; order per appeal is kept by {@link WebhookDispatcher}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookConfiguration {

  @Bean
  KafkaTemplate<String, String> webhookTemplate(KafkaProperties kafka) {
    Map<String, Object> props = kafka.buildProducerProperties();
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(props, new StringSerializer(), new StringSerializer()));
  }

  /**
   * The webhook consumers (the main topic's, each retry level's, the parking topic's) are static
   * members of their groups, as the topology's consumers are. As dynamic members, after a crash they
   * waited out their dead predecessors' sessions (45 s) before delivering anything, and a stop in
   * that time hung for Spring's 30 s on their pending joins. This sets Boot's consumer factory, so
   * it holds for every {@code @KafkaListener} of the application; the other consumers (live feed,
   * command answers, cursors, topic reads) are built apart and assign their partitions themselves.
   */
  @Bean
  DefaultKafkaConsumerFactoryCustomizer staticWebhookMembers(AppealsProperties appeals, @Value("${server.port:8080}") int port) {
    return consumers -> consumers.updateConfigs(appeals.staticMembership(port));
  }

  @Bean
  RetryTopicConfiguration webhookRetries(KafkaTemplate<String, String> webhookTemplate, WebhookSettings settings,
      AppealsProperties appeals) {
    return RetryTopicConfigurationBuilder.newInstance()
        .includeTopic(Topics.WEBHOOK_DELIVERIES.name())
        .exponentialBackoff(settings.initialInterval().toMillis(), settings.multiplier(), settings.maxInterval().toMillis())
        .maxAttempts(settings.attempts())
        .suffixTopicsWithIndexValues()
        // Only failed calls pass through here. One consumer per retry level instead of one per
        // partition: 13 levels of 6 consumers each made Micrometer's Kafka binders the busiest thread.
        .concurrency(settings.retryConsumers())
        .autoCreateTopicsWith(appeals.partitions(), appeals.replicationFactor())
        // A record that is not a delivery at all will not become one by waiting: parked at once.
        .notRetryOn(List.of(JacksonException.class))
        .create(webhookTemplate);
  }
}
