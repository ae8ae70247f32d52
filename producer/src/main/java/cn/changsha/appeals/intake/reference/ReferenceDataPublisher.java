package cn.changsha.appeals.intake.reference;

import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.schema.Liaison;
import cn.changsha.appeals.schema.RoutingRule;
import cn.changsha.appeals.schema.SlaPolicy;
import cn.changsha.appeals.topics.Topic;
import cn.changsha.appeals.topics.Topics;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Writes departments and routing rules to their compacted topics and waits until the broker has them. */
@Component
public class ReferenceDataPublisher {

  private final KafkaTemplate<String, SpecificRecord> kafka;
  private final DepartmentTopics departmentTopics;

  public ReferenceDataPublisher(KafkaTemplate<String, SpecificRecord> avroKafkaTemplate, DepartmentTopics departmentTopics) {
    this.kafka = avroKafkaTemplate;
    this.departmentTopics = departmentTopics;
  }

  public void publishDepartments(List<Department> departments) {
    departmentTopics.ensure(departments);
    publish(Topics.DEPARTMENTS, departments, Department::getDepartmentId);
  }

  public void publishRules(List<RoutingRule> rules) {
    publish(Topics.ROUTING_RULES, rules, RoutingRule::getRuleId);
  }

  public void publishPolicies(List<SlaPolicy> policies) {
    publish(Topics.SLA_POLICIES, policies, SlaPolicy::getPolicyId);
  }

  public void publishLiaisons(List<Liaison> liaisons) {
    publish(Topics.LIAISONS, liaisons, Liaison::getDepartmentId);
  }

  private <V extends SpecificRecord> void publish(Topic<String, V> topic, List<V> values, Function<V, String> key) {
    await(values.stream()
        .map(v -> kafka.send(topic.name(), key.apply(v), v))
        .toArray(CompletableFuture[]::new));
  }

  public void deleteRule(String ruleId) {
    await(kafka.send(Topics.ROUTING_RULES.name(), ruleId, null));
  }

  private static void await(CompletableFuture<?>... sends) {
    try {
      CompletableFuture.allOf(sends).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while publishing reference data", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not accept the reference data: " + e.getMessage(), e);
    }
  }
}
