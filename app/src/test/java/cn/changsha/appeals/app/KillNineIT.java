package cn.changsha.appeals.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The all-in-one jar in a JVM of its own, killed with SIGKILL again and again while a scripted
 * workload runs, the way Kafka tests its own exactly-once guarantee: afterwards every appeal is
 * where its script put it, the queues hold exactly the open ones, and no event is on the log twice.
 *
 * <p>CI runs the short version; {@code -Dfaults.appeals=2000 -Dfaults.kills=10} is the long one
 * (see the README).
 */
class KillNineIT {

  static final int APPEALS = Integer.getInteger("faults.appeals", 420);
  static final int KILLS = Integer.getInteger("faults.kills", 5);

  @TempDir Path workDir;

  @Test
  void nothingIsLostOrDoubledAcrossRepeatedKills() throws Exception {
    ProcessTracker tracker = new ProcessTracker(workDir.resolve("data"), Tracker.Ports.free());
    List<Duration> restarts = new ArrayList<>();
    try (tracker) {
      tracker.start();
      ScriptedWorkload workload = new ScriptedWorkload(tracker::baseUri, tracker::keys, "kill9");
      CompletableFuture<Void> load = workload.start(APPEALS, 4, Duration.ofMillis(40));
      int killedWhileRunning = 0;
      while (killedWhileRunning < KILLS && !load.isDone()) {
        ProcessTracker.pause(Duration.ofSeconds(3));
        if (load.isDone()) {
          break;
        }
        tracker.kill();
        killedWhileRunning++;
        restarts.add(tracker.start());
      }
      load.get();
      System.out.printf("Killed %d times while %d appeals ran (%d command attempts, %d calls unanswered); restarts took %s%n",
          killedWhileRunning, APPEALS, workload.commandsSent.get(), workload.failedCalls.get(), restarts);
      assertThat(killedWhileRunning).as("kills that landed while the workload ran").isGreaterThanOrEqualTo(KILLS);

      WorkloadCheck.verify(workload, APPEALS, tracker.bootstrapServers());

      // Under exactly-once a store is not trusted after a kill: it was rebuilt from its changelog,
      // and readiness's details say so.
      HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(tracker.baseUri().resolve("/actuator/health"))
          .header("X-API-Key", tracker.keys().get("monitor")).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode rebuilt = JsonMapper.builder().build().readTree(health.body())
          .path("components").path("kafkaStreams").path("details").path("lastRebuild");
      assertThat(rebuilt.path("records").asLong()).as(health.body()).isPositive();
      assertThat(rebuilt.path("recordsByStore").path("appeal-state").asLong()).as(health.body()).isPositive();
    }
  }
}
