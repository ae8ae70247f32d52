package cn.changsha.appeals.intake.reference;

import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.streams.config.AppealsProperties;
import java.util.Collection;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Creates each department's queue topic before the department is published: the topology writes
 * to a department's topic as soon as it can route there, and the cluster does not create topics
 * on demand.
 */
@Component
public class DepartmentTopics {

  private final KafkaAdmin admin;
  private final AppealsProperties appeals;

  public DepartmentTopics(KafkaAdmin admin, AppealsProperties appeals) {
    this.admin = admin;
    this.appeals = appeals;
  }

  public void ensure(Collection<Department> departments) {
    admin.createOrModifyTopics(departments.stream()
        .map(d -> TopicBuilder.name(d.getQueueTopic()).partitions(1).replicas(appeals.replicationFactor()).build())
        .toArray(NewTopic[]::new));
  }
}
