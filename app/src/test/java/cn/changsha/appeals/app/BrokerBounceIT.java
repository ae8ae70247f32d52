package cn.changsha.appeals.app;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracker pointed at a broker in another process, and the broker stopped (once cleanly, once
 * with SIGKILL) and started again while a scripted workload runs. Clients retry with their
 * idempotency keys; afterwards nothing is lost or doubled. While the broker is away the instance
 * says it is not ready (Kafka Streams alone would still call itself RUNNING).
 */
class BrokerBounceIT {

  static final int APPEALS = Integer.getInteger("faults.appeals", 140);

  @TempDir Path workDir;

  @Test
  void nothingIsLostOrDoubledWhenTheBrokerGoesAwayAndComesBack() throws Exception {
    Tracker.Ports ports = Tracker.Ports.free();
    try (BrokerProcess broker = new BrokerProcess(workDir.resolve("broker"), ports.kafka(), ports.controller()).start();
        ProcessTracker tracker = new ProcessTracker(workDir.resolve("tracker"), Tracker.Ports.free())
            .with("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())) {
      tracker.start();
      ScriptedWorkload workload = new ScriptedWorkload(tracker::baseUri, tracker::keys, "bounce");
      CompletableFuture<Void> load = workload.start(APPEALS, 4, Duration.ofMillis(40));

      ProcessTracker.pause(Duration.ofSeconds(5));
      broker.stop();
      ProcessTracker.pause(Duration.ofSeconds(6));
      int readyWithoutBroker = readiness(tracker);
      ProcessTracker.pause(Duration.ofSeconds(4));
      broker.start();
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> readiness(tracker) == 200);
      Assertions.assertThat(readyWithoutBroker).as("readiness while the broker is away").isEqualTo(503);
      broker.kill();
      ProcessTracker.pause(Duration.ofSeconds(10));
      broker.start();
      boolean ranThrough = !load.isDone();
      load.get();
      System.out.printf("Broker stopped and killed while %d appeals ran (%d command attempts, %d calls unanswered)%n",
          APPEALS, workload.commandsSent.get(), workload.failedCalls.get());
      Assertions.assertThat(ranThrough).as("the workload was still running when the broker came back").isTrue();

      WorkloadCheck.verify(workload, APPEALS, broker.bootstrapServers());
    }
  }

  private static int readiness(ProcessTracker tracker) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(tracker.baseUri().resolve("/actuator/health/readiness"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
