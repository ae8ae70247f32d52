package cn.changsha.appeals.intake.reference;

import cn.changsha.appeals.topics.Topics;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * At the very first start (both reference topics empty) publishes the catalog's departments and
 * routing rules. Runs before Kafka Streams starts, so the global tables hold the defaults before
 * the first appeal is routed. Later starts leave the topics alone: changes made since are kept.
 */
@Component
public class ReferenceDataSeeder implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ReferenceDataSeeder.class);

  private final ReferenceCatalog catalog;
  private final ReferenceDataPublisher publisher;
  private final KafkaProperties kafka;
  private volatile boolean running;

  public ReferenceDataSeeder(ReferenceCatalog catalog, ReferenceDataPublisher publisher, KafkaProperties kafka) {
    this.catalog = catalog;
    this.publisher = publisher;
    this.kafka = kafka;
  }

  @Override
  public void start() {
    // Each kind of reference data is seeded once, when its topic is empty, so a kind added by a
    // later release is seeded on upgrade while what an administrator changed is kept.
    if (isEmpty(Topics.DEPARTMENTS.name()) && isEmpty(Topics.ROUTING_RULES.name())) {
      publisher.publishDepartments(catalog.departments());
      publisher.publishRules(catalog.routingRules());
      log.info("Seeded {} departments and {} routing rules", catalog.departments().size(), catalog.routingRules().size());
    }
    if (isEmpty(Topics.SLA_POLICIES.name())) {
      publisher.publishPolicies(catalog.policies());
      log.info("Seeded {} SLA policies", catalog.policies().size());
    }
    if (isEmpty(Topics.LIAISONS.name())) {
      publisher.publishLiaisons(catalog.liaisons());
      log.info("Seeded {} liaison directory entries", catalog.liaisons().size());
    }
    running = true;
  }

  private boolean isEmpty(String topic) {
    try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka.buildConsumerProperties(),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      return ends.values().stream().allMatch(offset -> offset == 0L);
    }
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the Streams factory bean (Integer.MAX_VALUE - 1000). */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 2000;
  }
}
