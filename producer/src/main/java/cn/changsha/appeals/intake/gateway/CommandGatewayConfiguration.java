package cn.changsha.appeals.intake.gateway;

import cn.changsha.appeals.schema.CommandResult;
import cn.changsha.appeals.schema.serde.SpecificRecordSerializer;
import cn.changsha.appeals.streams.config.AppealsProperties;
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
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;

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

  @Bean
  ReplyingKafkaTemplate<String, SpecificRecord, CommandResult> commandTemplate(
      ProducerFactory<String, SpecificRecord> avroProducerFactory, KafkaProperties kafka,
      AppealsProperties appeals, @Value("${server.port:8080}") int port) {
    Map<String, Object> props = kafka.buildConsumerProperties();
    // Each instance reads every answer and keeps the ones it is waiting for.
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "command-results-" + appeals.instanceIdOr(port));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    var consumers = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
        Topics.COMMAND_RESULTS.valueSerde().deserializer());
    var container = new ConcurrentMessageListenerContainer<>(consumers, new ContainerProperties(Topics.COMMAND_RESULTS.name()));
    var template = new ReplyingKafkaTemplate<>(avroProducerFactory, container);
    template.setSharedReplyTopic(true);
    template.setDefaultReplyTimeout(appeals.commandTimeout());
    return template;
  }
}
