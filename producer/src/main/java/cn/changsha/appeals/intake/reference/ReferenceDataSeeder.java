package cn.changsha.appeals.intake.reference;

import cn.changsha.appeals.intake.access.FirstCredentials;
import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.schema.Liaison;
import cn.changsha.appeals.schema.RoutingRule;
import cn.changsha.appeals.schema.SlaPolicy;
import cn.changsha.appeals.topics.Topics;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
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
  private final KafkaAdmin kafkaAdmin;
  private final FirstCredentials firstCredentials;
  private volatile boolean running;

  public ReferenceDataSeeder(ReferenceCatalog catalog, ReferenceDataPublisher publisher, KafkaAdmin kafkaAdmin,
      FirstCredentials firstCredentials) {
    this.catalog = catalog;
    this.publisher = publisher;
    this.kafkaAdmin = kafkaAdmin;
    this.firstCredentials = firstCredentials;
  }

  @Override
  public void start() {
    Set<String> empty = emptyTopics(List.of(Topics.DEPARTMENTS.name(), Topics.ROUTING_RULES.name(),
        Topics.SLA_POLICIES.name(), Topics.LIAISONS.name(), Topics.API_KEYS.name()));
    // Each kind of reference data is seeded once, when its topic is empty, so a kind added by a
    // later release is seeded on upgrade while what an administrator changed is kept.
    if (empty.contains(Topics.DEPARTMENTS.name()) && empty.contains(Topics.ROUTING_RULES.name())) {
      List<Department> departments = catalog.departments();
      List<RoutingRule> rules = catalog.routingRules();
      publisher.publishDepartments(departments);
      publisher.publishRules(rules);
      log.info("Seeded {} departments and {} routing rules", departments.size(), rules.size());
    }
    if (empty.contains(Topics.SLA_POLICIES.name())) {
      List<SlaPolicy> policies = catalog.policies();
      publisher.publishPolicies(policies);
      log.info("Seeded {} SLA policies", policies.size());
    }
    if (empty.contains(Topics.LIAISONS.name())) {
      List<Liaison> liaisons = catalog.liaisons();
      publisher.publishLiaisons(liaisons);
      log.info("Seeded {} liaison directory entries", liaisons.size());
    }
    if (empty.contains(Topics.API_KEYS.name())) {
      firstCredentials.issue(catalog.departments());
    }
    running = true;
  }

  /** Of the given topics, those with nothing in them: one look at their end offsets. */
  private Set<String> emptyTopics(List<String> topics) {
    try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin.describeTopics(topics).allTopicNames().get().values().forEach(topic -> topic.partitions()
          .forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
      Set<String> empty = new HashSet<>(topics);
      admin.listOffsets(latest).all().get().forEach((partition, end) -> {
        if (end.offset() > 0) {
          empty.remove(partition.topic());
        }
      });
      return empty;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while looking at the reference topics", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot read the reference topics' offsets: " + e.getCause().getMessage(), e);
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
