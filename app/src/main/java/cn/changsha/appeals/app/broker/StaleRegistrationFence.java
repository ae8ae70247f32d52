package cn.changsha.appeals.app.broker;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a crash, the metadata log still says the broker is up: the controller holds that
 * registration alive until its session runs out, then fences it, and every partition loses its
 * leader for a moment. If the broker is already starting by then, its transaction coordinator has
 * loaded a commit that was being written when the process died, and Kafka 4.4 takes the partitions
 * without a leader for deleted: it records the transaction as committed without writing the commit
 * markers. Those partitions then stay open to read-committed readers for good, and Kafka Streams
 * never finishes restoring (KillNineIT hung this way about once in 25 restarts).
 *
 * <p>So before the broker starts, the controller runs alone on the same log until it has fenced
 * the previous registration; the broker then registers at once and takes its partitions back in one
 * step, with nothing left for the coordinator to misread.
 */
final class StaleRegistrationFence {

  private static final Logger log = LoggerFactory.getLogger(StaleRegistrationFence.class);
  private static final Duration WITHIN = Duration.ofSeconds(15);
  /** Kafka's CleanShutdownFileHandler writes it on a clean shutdown and deletes it at start. */
  private static final String CLEAN_SHUTDOWN_FILE = ".kafka_cleanshutdown";

  private StaleRegistrationFence() {
  }

  /** True when the log was not closed by a clean shutdown, i.e. the last broker may still be registered. */
  static boolean needed(Path logDir) {
    return !Files.exists(logDir.resolve(CLEAN_SHUTDOWN_FILE));
  }

  static void fence(Map<String, Object> combined, String controllerListener, int controllerPort) {
    Instant begin = Instant.now();
    Map<String, Object> controllerOnly = new HashMap<>(combined);
    controllerOnly.put("process.roles", "controller");
    controllerOnly.put("listeners", controllerListener + "://localhost:" + controllerPort);
    controllerOnly.remove("advertised.listeners");
    controllerOnly.remove("inter.broker.listener.name");
    // Nothing heartbeats in this phase, so the shortest session fences soonest.
    controllerOnly.put("broker.heartbeat.interval.ms", "100");
    controllerOnly.put("broker.session.timeout.ms", "500");
    KafkaRaftServer controller = new KafkaRaftServer(new KafkaConfig(controllerOnly, false), Time.SYSTEM);
    controller.startup();
    try {
      if (awaitFenced()) {
        log.info("The broker had not stopped cleanly: its previous registration was fenced before it started ({} ms)",
            Duration.between(begin, Instant.now()).toMillis());
      } else {
        log.warn("The controller reported no fenced broker within {}; starting the broker anyway", WITHIN);
      }
    } finally {
      controller.shutdown();
      controller.awaitShutdown();
    }
  }

  /**
   * Reads the controller's own gauges (kafka.controller:type=KafkaController), which it computes
   * from the metadata it has replayed: fenced once no broker is active and one is fenced.
   */
  private static boolean awaitFenced() {
    MBeanServer beans = ManagementFactory.getPlatformMBeanServer();
    Instant deadline = Instant.now().plus(WITHIN);
    while (Instant.now().isBefore(deadline)) {
      if (gauge(beans, "ActiveBrokerCount") == 0 && gauge(beans, "FencedBrokerCount") > 0) {
        return true;
      }
      sleep(Duration.ofMillis(50));
    }
    return false;
  }

  private static long gauge(MBeanServer beans, String name) {
    try {
      return ((Number) beans.getAttribute(new ObjectName("kafka.controller:type=KafkaController,name=" + name), "Value")).longValue();
    } catch (JMException notYetRegistered) {
      return -1;
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while fencing the broker's previous registration", e);
    }
  }
}
