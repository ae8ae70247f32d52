package cn.changsha.appeals.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.changsha.appeals.kiosk.AppealClient;
import cn.changsha.appeals.kiosk.AppealSimulator;
import cn.changsha.appeals.kiosk.Receipt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Stop the whole system and start it again on the same data directory: nothing is lost or repeated. */
class RestartTest {

  @TempDir Path dataDir;

  @Test
  void everyAppealSurvivesARestartAndARetriedKeyStillFilesNothingNew() {
    Tracker.Ports ports = Tracker.Ports.free();
    AppealSimulator simulator = new AppealSimulator(42);
    List<Receipt> receipts = new ArrayList<>();
    Map<String, JsonNode> before = new HashMap<>();
    Map<String, Integer> queues = new HashMap<>();

    try (Tracker tracker = Tracker.start(dataDir, ports)) {
      AppealClient kiosk = tracker.as("kiosk-01");
      AppealClient monitor = tracker.as("monitor");
      for (int i = 0; i < 30; i++) {
        receipts.add(kiosk.submit(simulator.next(), "restart-key-" + i));
      }
      String first = receipts.get(0).appealId();
      tracker.as(receipts.get(0).departmentId()).act(first, "acknowledge", Map.of());
      for (Receipt r : receipts) {
        before.put(r.appealId(), monitor.appeal(r.appealId()));
        queues.merge(r.departmentId(), 0, (a, b) -> a);
      }
      queues.replaceAll((department, zero) -> monitor.queue(department).path("total").asInt());
    }

    try (Tracker tracker = Tracker.start(dataDir, ports)) {
      AppealClient kiosk = tracker.as("kiosk-01");
      AppealClient monitor = tracker.as("monitor");
      for (Receipt r : receipts) {
        assertThat(monitor.appeal(r.appealId())).as(r.trackingNumber()).isEqualTo(before.get(r.appealId()));
      }
      assertThat(monitor.appeal(receipts.get(0).appealId()).path("status").asString()).isEqualTo("ACKNOWLEDGED");

      Receipt retried = kiosk.submit(new AppealSimulator(42).next(), "restart-key-0");
      assertThat(retried).isEqualTo(receipts.get(0));
      queues.forEach((department, total) -> assertThat(monitor.queue(department).path("total").asInt()).as(department).isEqualTo(total));
    }
  }
}
