package cn.changsha.appeals.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.changsha.appeals.kiosk.AppealClient;
import cn.changsha.appeals.kiosk.Receipt;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demonstration clock: the Wangcheng weekend request on a business clock that starts on a
 * Saturday and runs 7,200 times faster than real time (an hour in half a second) is warned,
 * breached and escalated within seconds, with nobody touching the clock; after a restart the
 * clock goes on, it does not jump back.
 */
class FastClockTest {

  @TempDir Path dataDir;

  @Test
  void aNeglectedAppealBreachesLiveAndTheClockSurvivesARestart() {
    Tracker.Ports ports = Tracker.Ports.free();
    // 48 business hours of weekend are 24 real seconds: time enough to start and submit before Monday.
    String[] fast = {"--appeals.clock.start=2026-03-07T00:00+08:00", "--appeals.clock.speed=7200"};
    Receipt neglected;
    try (Tracker tracker = Tracker.start(dataDir, ports, null, fast)) {
      neglected = tracker.as("kiosk-01").submit(SlaEndToEndTest.meetingRequest("约见副区长:快钟演示"));
      assertThat(OffsetDateTime.parse(neglected.submittedAt()).toLocalDate().toString()).as("still the weekend in business time")
          .isIn("2026-03-07", "2026-03-08");
      assertThat(neglected.firstResponseDue()).isEqualTo("2026-03-09T17:30:00+08:00");

      AppealClient monitor = tracker.as("monitor");
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> alerts(monitor, neglected).contains("ESCALATED 望城区分管副区长"));
      assertThat(alerts(monitor, neglected)).startsWith("SLA_WARNING -", "ESCALATED 望城区企业服务中心主要负责人", "SLA_BREACHED -");
    }
    try (Tracker again = Tracker.start(dataDir, ports, null, fast)) {
      Receipt later = again.as("kiosk-01").submit(SlaEndToEndTest.meetingRequest("约见副区长:重启之后"));
      assertThat(OffsetDateTime.parse(later.submittedAt()).toInstant())
          .as("business time went on across the restart").isAfter(OffsetDateTime.parse("2026-03-09T17:30:00+08:00").toInstant());
    }
  }

  private static List<String> alerts(AppealClient monitor, Receipt receipt) {
    List<String> alerts = new ArrayList<>();
    monitor.appeal(receipt.appealId()).path("timeline").forEach(e -> {
      String type = e.path("type").asString();
      if (type.startsWith("SLA_") || type.equals("ESCALATED")) {
        alerts.add(type + " " + e.path("escalatedTo").asString("-"));
      }
    });
    return alerts;
  }
}
