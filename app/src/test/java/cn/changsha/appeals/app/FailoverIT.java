package cn.changsha.appeals.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances sharing the work, each with a standby copy of the other's state; one is killed
 * with SIGKILL during load. The survivor must answer every query (each appeal, a queue, the
 * statistics) within {@link #BOUND} of the kill, and the workload must end with nothing lost.
 */
class FailoverIT {

  static final int APPEALS = Integer.getInteger("faults.appeals", 140);
  /**
   * Documented in the README: the session timeout (10 s), the rebalance onto the standby and its
   * catching up, with room for a loaded two-core machine (11.5 s and 19.7 s were measured here).
   */
  static final Duration BOUND = Duration.ofSeconds(45);

  @TempDir Path workDir;

  @Test
  void theSurvivorAnswersEveryQueryWithinTheBoundAndNothingIsLost() throws Exception {
    Tracker.Ports brokerPorts = Tracker.Ports.free();
    String secret = "failover-test-cluster-secret-0123456789";
    try (BrokerProcess broker = new BrokerProcess(workDir.resolve("broker"), brokerPorts.kafka(), brokerPorts.controller()).start();
        ProcessTracker a = instance("a", broker, secret);
        ProcessTracker b = instance("b", broker, secret)) {
      a.start();
      b.start();
      ScriptedWorkload workload = new ScriptedWorkload(a::baseUri, a::keys, "failover");
      CompletableFuture<Void> load = workload.start(APPEALS, 4, Duration.ofMillis(60));
      ProcessTracker.pause(Duration.ofSeconds(8));
      int filedBeforeKill = workload.filed.size();
      Instant killed = Instant.now();
      b.kill();
      Duration unavailable = untilEverythingAnswers(workload, killed);
      boolean ranThrough = !load.isDone();
      load.get();
      System.out.printf("Instance b killed with %d appeals filed; instance a answered every query %d ms after the kill%n",
          filedBeforeKill, unavailable.toMillis());

      assertThat(ranThrough).as("the workload was still running when a took over").isTrue();
      assertThat(unavailable).as("time until the survivor answers every query").isLessThanOrEqualTo(BOUND);
      WorkloadCheck.verify(workload, APPEALS, broker.bootstrapServers());
    }
  }

  private ProcessTracker instance(String name, BrokerProcess broker, String secret) {
    return new ProcessTracker(workDir.resolve(name), Tracker.Ports.free(), "--appeals.standby-replicas=1")
        .with("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())
        .with("APPEALS_SECURITY_CLUSTER_SECRET", secret);
  }

  /** Asks the survivor for every appeal filed so far, a queue and the statistics until all answer. */
  private static Duration untilEverythingAnswers(ScriptedWorkload workload, Instant since) {
    while (Duration.between(since, Instant.now()).compareTo(BOUND.multipliedBy(4)) < 0) {
      boolean all = workload.get("/api/departments/" + ScriptedWorkload.HOME + "/queue").isPresent()
          && workload.get("/api/stats/departments").isPresent()
          && workload.filed.values().stream().allMatch(f -> workload.read(f.appealId()).isPresent());
      if (all) {
        return Duration.between(since, Instant.now());
      }
      ProcessTracker.pause(Duration.ofMillis(250));
    }
    return BOUND.multipliedBy(4);
  }
}
