package cn.changsha.appeals.app;

import cn.changsha.appeals.app.broker.InProcessKafkaBroker;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Whether the brokers answer: the in-process one, or the cluster's. Kafka Streams keeps RUNNING for
 * a while after its broker has gone (it retries), so its state alone would call an instance ready
 * that cannot take a single command. Part of readiness; two seconds at most per probe.
 */
@Component("kafkaBroker")
class KafkaBrokerHealthIndicator implements HealthIndicator, AutoCloseable {

  private final KafkaAdmin kafkaAdmin;
  private final boolean inProcess;
  private Admin admin;

  KafkaBrokerHealthIndicator(KafkaAdmin kafkaAdmin, ObjectProvider<InProcessKafkaBroker> broker) {
    this.kafkaAdmin = kafkaAdmin;
    this.inProcess = broker.getIfAvailable() != null;
  }

  @Override
  public Health health() {
    Health.Builder health;
    try {
      DescribeClusterResult cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(2_000));
      Collection<Node> nodes = cluster.nodes().get(2, TimeUnit.SECONDS);
      health = Health.up().withDetail("brokers", nodes.size());
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      health = Health.down().withDetail("error", "no broker answered within 2 s");
    }
    return health.withDetail("inProcess", inProcess).build();
  }

  private synchronized Admin admin() {
    if (admin == null) {
      admin = Admin.create(kafkaAdmin.getConfigurationProperties());
    }
    return admin;
  }

  @Override
  public synchronized void close() {
    if (admin != null) {
      admin.close();
    }
  }
}
