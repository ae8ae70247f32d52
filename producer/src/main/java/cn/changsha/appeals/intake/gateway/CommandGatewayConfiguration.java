package cn.changsha.appeals.intake.gateway;

import cn.changsha.appeals.schema.CommandResult;
import cn.changsha.appeals.schema.serde.SpecificRecordSerializer;
import cn.changsha.appeals.streams.config.AppealsProperties;
import cn.changsha.appeals.streams.config.TailPartitions;
import cn.changsha.appeals.streams.deadletter.DeadLetters;
import cn.changsha.appeals.topics.Topics;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/** Kafka clients of the write side: an idempotent Avro producer and the request/reply gateway for commands. */
@Configuration(proxyBeanMethods = false)
public class CommandGatewayConfiguration {

  @Bean
  ProducerFactory<String, SpecificRecord> avroProducerFactory(KafkaProperties kafka) {
    Map<String, Object> props = kafka.buildProducerProperties();
    // A retried send must never write a command twice, and an acknowledged one must survive a broker loss.
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new DefaultKafkaProducerFactory<>(props, new StringSerializer(), new SpecificRecordSerializer());
  }

  @Bean
  KafkaTemplate<String, SpecificRecord> avroKafkaTemplate(ProducerFactory<String, SpecificRecord> avroProducerFactory) {
    return new KafkaTemplate<>(avroProducerFactory);
  }

  /**
   * Lazy, so it is built when the application starts its lifecycle beans rather than with the
   * other beans: reading the answer topic's partitions waits for the broker, and an in-process
   * broker is still loading its logs while the beans are built.
   */
  @Bean
  @Lazy
  ReplyingKafkaTemplate<String, SpecificRecord, CommandResult> commandTemplate(
      ProducerFactory<String, SpecificRecord> avroProducerFactory, KafkaProperties kafka,
      AppealsProperties appeals, DeadLetters deadLetters, @Value("${server.port:8080}") int port) {
    Map<String, Object> props = kafka.buildConsumerProperties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "command-results-" + appeals.instanceIdOr(port));
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    // An unreadable answer must not stop the gateway: it is handed on as a failed record and
    // moved to the dead letters before the template sees the batch.
    var consumers = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
        new ErrorHandlingDeserializer<>(Topics.COMMAND_RESULTS.valueSerde().deserializer()));
    // Every instance reads every answer from the end, with partitions assigned directly rather
    // than through a consumer group: no rebalance to wait for after a restart or a crash.
    var container = new ConcurrentMessageListenerContainer<>(consumers, new ContainerProperties(
        TailPartitions.of(consumers, Topics.COMMAND_RESULTS, appeals.partitions()).toArray(TopicPartitionOffset[]::new)));
    container.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
    container.setBatchInterceptor(new UnreadableAnswers<>(deadLetters));
    var template = new ReplyingKafkaTemplate<>(avroProducerFactory, container);
    template.setSharedReplyTopic(true);
    template.setDefaultReplyTimeout(appeals.commandTimeout());
    return template;
  }
}
