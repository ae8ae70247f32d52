package cn.changsha.appeals.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.changsha.appeals.kiosk.AppealClient;
import cn.changsha.appeals.kiosk.AppealDraft;
import cn.changsha.appeals.kiosk.Receipt;
import cn.changsha.appeals.streams.testing.SettableClock;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wangcheng's rapid response end to end, on the real broker with the clock in the test's hands:
 * asked on Sunday, answered by the close of Monday, met by the close of Tuesday; if nobody acts,
 * warned, breached and escalated to the deputy district head within seconds, with nothing else
 * arriving, and a restart in the middle repeats and loses nothing.
 */
class SlaEndToEndTest {

  static final ZoneId CHANGSHA = ZoneId.of("Asia/Shanghai");
  static final JsonMapper json = JsonMapper.builder().build();

  @TempDir Path dataDir;

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(CHANGSHA).toInstant();
  }

  static AppealDraft meetingRequest(String title) {
    return new AppealDraft(
        new AppealDraft.Enterprise("湖南望城食品有限公司", "91350100M000100Y43", "周总", "13900000000", "LY-GC-0001"),
        "430112", "MEETING_REQUEST", title, "扩产项目涉及用地和环评,希望约见分管副区长现场协调。", "KIOSK");
  }

  @Test
  void theSundayRequestIsAnsweredOnTimeOrEscalatesToTheDeputyDistrictHead() throws Exception {
    SettableClock clock = new SettableClock(at("2026-03-01T10:00"));
    Tracker.Ports ports = Tracker.Ports.free();
    Receipt handled;
    Receipt neglected;

    try (Tracker tracker = Tracker.start(dataDir, ports, clock)) {
      AppealClient kiosk = tracker.as("kiosk-01");
      AppealClient monitor = tracker.as("monitor");
      handled = kiosk.submit(meetingRequest("约见副区长:用地协调"));
      neglected = kiosk.submit(meetingRequest("约见副区长:环评协调"));
      assertThat(handled.departmentId()).isEqualTo("430112-BSC");
      assertThat(handled.priority()).isEqualTo("GREEN_CARD");
      assertThat(handled.firstResponseDue()).isEqualTo("2026-03-02T17:30:00+08:00");
      assertThat(handled.resolutionDue()).isEqualTo("2026-03-03T17:30:00+08:00");

      AppealClient center = tracker.as("430112-BSC");
      clock.set(at("2026-03-02T10:00"));
      center.act(handled.appealId(), "acknowledge", Map.of());
      clock.set(at("2026-03-02T17:31"));

      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slaSteps(monitor, neglected).size() == 4);
      assertThat(slaSteps(monitor, neglected)).containsExactly(
          "SLA_WARNING FIRST_RESPONSE -", "ESCALATED FIRST_RESPONSE 望城区企业服务中心主要负责人",
          "SLA_BREACHED FIRST_RESPONSE -", "ESCALATED FIRST_RESPONSE 望城区分管副区长");
      assertThat(monitor.appeal(neglected.appealId()).path("sla").path("firstResponse").path("state").asString()).isEqualTo("BREACHED");

      // The centre's queue: the breached appeal on top though filed second; the handled one on its resolution clock.
      JsonNode queue = center.queue("430112-BSC");
      List<String> order = new ArrayList<>();
      queue.path("appeals").forEach(a -> order.add(a.path("appealId").asString()));
      assertThat(order).containsExactly(neglected.appealId(), handled.appealId());
      JsonNode breached = queue.path("appeals").get(0);
      assertThat(breached.path("urgency").asString()).isEqualTo("BREACHED");
      assertThat(breached.path("dueClock").asString()).isEqualTo("FIRST_RESPONSE");
      assertThat(breached.path("nextDueAt").asString()).isEqualTo("2026-03-02T17:30:00+08:00");
      assertThat(breached.path("warnAt").asString())
          .isEqualTo(monitor.appeal(neglected.appealId()).path("sla").path("firstResponse").path("warnAt").asString());
      JsonNode onTrack = queue.path("appeals").get(1);
      assertThat(onTrack.path("urgency").asString()).isEqualTo("ON_TRACK");
      assertThat(onTrack.path("dueClock").asString()).isEqualTo("RESOLUTION");
      assertThat(onTrack.path("nextDueAt").asString()).isEqualTo("2026-03-03T17:30:00+08:00");
      assertThat(onTrack.path("warnAt").asString())
          .isEqualTo(monitor.appeal(handled.appealId()).path("sla").path("resolution").path("warnAt").asString());

      clock.set(at("2026-03-03T15:00"));
      center.act(handled.appealId(), "resolve", Map.of("resolution", "分管副区长已到企业现场办公,用地问题已协调"));
    }

    clock.set(at("2026-03-03T17:31"));
    try (Tracker tracker = Tracker.start(dataDir, ports, clock)) {
      AppealClient kiosk = tracker.as("monitor");
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slaSteps(kiosk, neglected).size() == 9);
      Thread.sleep(2000); // a few more timer checks: nothing may fire twice
      assertThat(slaSteps(kiosk, neglected)).containsExactly(
          "SLA_WARNING FIRST_RESPONSE -", "ESCALATED FIRST_RESPONSE 望城区企业服务中心主要负责人",
          "SLA_BREACHED FIRST_RESPONSE -", "ESCALATED FIRST_RESPONSE 望城区分管副区长",
          "SLA_WARNING RESOLUTION -", "ESCALATED RESOLUTION 望城区企业服务中心主要负责人",
          "ESCALATED FIRST_RESPONSE 望城区绩效评估中心",
          "SLA_BREACHED RESOLUTION -", "ESCALATED RESOLUTION 望城区分管副区长");

      JsonNode ok = kiosk.appeal(handled.appealId());
      assertThat(slaSteps(kiosk, handled)).isEmpty();
      assertThat(ok.path("sla").path("firstResponse").path("state").asString()).isEqualTo("MET");
      assertThat(ok.path("sla").path("resolution").path("state").asString()).isEqualTo("MET");

      // The monitors' view of the same two appeals, counted from their timelines by hand.
      HttpClient http = HttpClient.newHttpClient();
      JsonNode stats = get(http, tracker, "/api/stats/departments");
      JsonNode center = null;
      for (JsonNode department : stats) {
        if (department.path("group").asString().equals("430112-BSC")) {
          center = department;
        }
      }
      assertThat(center).isNotNull();
      assertThat(center.path("received").asInt()).isEqualTo(2);
      assertThat(center.path("firstResponseOnTimePct").asDouble()).isEqualTo(50.0);
      assertThat(center.path("resolutionOnTimePct").asDouble()).isEqualTo(50.0);
      assertThat(center.path("warnings").asInt()).isEqualTo(2);
      assertThat(center.path("breaches").asInt()).isEqualTo(2);
      assertThat(center.path("escalations").asInt()).isEqualTo(5);
      assertThat(center.path("firstResponseMedianMinutes").asLong()).as("Monday 09:00 to 10:00").isEqualTo(60);

      HttpResponse<String> csv = http.send(tracker.request("monitor",
          "/api/reports/monthly?month=2026-03&minimumToRank=1&format=csv").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(csv.statusCode()).isEqualTo(200);
      assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
      assertThat(csv.body()).contains("2026-03,1,430112-BSC,望城区企业服务中心,2,1,1,50.0,50.0")
          .contains(neglected.trackingNumber());

      JsonNode hotspots = get(http, tracker, "/api/hotspots");
      assertThat(hotspots.get(0).path("district").asString()).isEqualTo("430112");
      assertThat(hotspots.get(0).path("count").asInt()).as("both within 30 days of the clock").isEqualTo(2);
      assertThat(hotspots.get(0).path("flagged").asBoolean()).isFalse();
    }
  }

  private static JsonNode get(HttpClient http, Tracker tracker, String path) throws Exception {
    HttpResponse<String> response = http.send(tracker.request("monitor", path).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  @Test
  void thePreviewPromisesTimesOnThe2026Calendar() throws Exception {
    SettableClock clock = new SettableClock(at("2026-09-01T10:00"));
    try (Tracker tracker = Tracker.start(dataDir, Tracker.Ports.free(), clock)) {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> put = http.send(tracker.request("admin", "/api/admin/sla-policies/urgent-legal")
          .header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString("""
              {"priority": "URGENT", "category": "LEGAL",
               "firstResponse": {"kind": "WORKING_HOURS", "amount": 7},
               "resolution": {"kind": "WORKING_DAYS", "amount": 1}}""")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

      JsonNode nationalDay = preview(http, tracker, "2026-09-30T16:00:00%2B08:00", "URGENT", "LEGAL");
      assertThat(nationalDay.path("firstResponseDue").asString()).isEqualTo("2026-10-08T16:00:00+08:00");
      assertThat(nationalDay.path("resolutionDue").asString()).isEqualTo("2026-10-08T17:30:00+08:00");

      JsonNode makeUpSaturday = preview(http, tracker, "2026-10-09T15:00:00%2B08:00", "URGENT", "LEGAL");
      assertThat(makeUpSaturday.path("resolutionDue").asString()).isEqualTo("2026-10-10T17:30:00+08:00");

      JsonNode sunday = preview(http, tracker, "2026-03-01T10:00:00%2B08:00", "GREEN_CARD", "MEETING_REQUEST");
      assertThat(sunday.path("policyId").asString()).isEqualTo("green-card-meeting");
      assertThat(sunday.path("firstResponseDue").asString()).isEqualTo("2026-03-02T17:30:00+08:00");
      assertThat(sunday.path("resolutionDue").asString()).isEqualTo("2026-03-03T17:30:00+08:00");

      HttpResponse<String> bad = http.send(tracker.request("kiosk-01", "/api/sla/preview?submittedAt=yesterday").build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("ISO-8601");
    }
  }

  private static JsonNode preview(HttpClient http, Tracker tracker, String submittedAt, String priority, String category) throws Exception {
    HttpResponse<String> response = http.send(tracker.request("kiosk-01",
        "/api/sla/preview?submittedAt=" + submittedAt + "&priority=" + priority + "&category=" + category).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private static List<String> slaSteps(AppealClient client, Receipt receipt) {
    List<String> steps = new ArrayList<>();
    for (JsonNode event : client.appeal(receipt.appealId()).path("timeline")) {
      String type = event.path("type").asString();
      if (type.startsWith("SLA_") || type.equals("ESCALATED")) {
        steps.add(type + " " + event.path("slaClock").asString() + " " + event.path("escalatedTo").asString("-"));
      }
    }
    return steps;
  }
}
