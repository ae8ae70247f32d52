package cn.changsha.appeals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Everything in one process: intake, the topologies, the query API and, unless
 * KAFKA_BOOTSTRAP_SERVERS names a cluster, a Kafka broker of its own.
 */
@SpringBootApplication
public class AppealTrackerApplication {

  public static void main(String[] args) {
    SpringApplication.run(AppealTrackerApplication.class, args);
  }
}
