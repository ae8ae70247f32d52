package cn.changsha.appeals.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.changsha.appeals.kiosk.AppealClient;
import cn.changsha.appeals.kiosk.AppealClientException;
import cn.changsha.appeals.kiosk.Receipt;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A department's webhook against a receiver that fails on purpose: every life-cycle event of the
 * department's appeals reaches it once, in order per appeal, signed; calls that keep failing are
 * parked where monitors see them and an administrator's replay delivers them; and a restart of
 * the application in the middle loses nothing; a slow one holds nothing up. Retries here are quick (0.2 s growing to 1 s, five
 * tries) so the test does not wait the production hour.
 */
class WebhooksTest {

  private static final String DEPARTMENT = "430104-ENV";
  private static final String SECRET = "a-webhook-secret-of-32-characters";

  @TempDir Path dataDir;
  private int repeatsOfTheSlowCall;

  @Test
  void everyEventReachesAFailingReceiverOnceInOrderAndParkedCallsAreReplayed() throws Exception {
    Tracker.Ports ports = Tracker.Ports.free();
    try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
      List<Receipt> filed = new ArrayList<>();
      try (Tracker tracker = start(ports)) {
        AppealClient admin = tracker.as("admin");
        refusedUrls(admin);
        // Routed before the webhook is set: that event is not sent, and later ones do not wait for it.
        Receipt early = tracker.as("kiosk-01").submit(Drafts.aikerui("回调设置之前"));
        JsonNode set = admin.put("/api/admin/departments/" + DEPARTMENT + "/webhook", Map.of("url", receiver.url(), "secret", SECRET));
        assertThat(set.toString()).doesNotContain(SECRET).contains("\"secretSet\":true");
        assertThat(admin.read("/api/admin/departments/" + DEPARTMENT + "/webhook").toString()).doesNotContain(SECRET);

        // The receiver refuses its first calls: each is retried, and nothing overtakes it.
        receiver.refuseNext(3);
        AppealClient kiosk = tracker.as("kiosk-01");
        AppealClient env = tracker.as(DEPARTMENT);
        long acknowledged = env.act(early.appealId(), "acknowledge", Map.of()).path("appeal").path("version").asLong();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.acceptedFor(early.appealId()).isEmpty());
        assertThat(WebhookReceiver.sequences(receiver.acceptedFor(early.appealId()))).containsExactly(acknowledged);
        for (int i = 0; i < 3; i++) {
          Receipt receipt = kiosk.submit(Drafts.aikerui("回调测试 " + i));
          filed.add(receipt);
          env.act(receipt.appealId(), "acknowledge", Map.of());
        }
        env.act(filed.get(0).appealId(), "resolve", Map.of("resolution", "已指导企业准备环评材料"));
        tracker.enterprise(filed.get(0)).act(filed.get(0).appealId(), "evaluate", Map.of("rating", 5));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().size() == 1 + 3 * 2 + 3);
        assertThat(receiver.refused()).isGreaterThanOrEqualTo(3);
        assertEveryEventOnceInOrder(tracker, receiver, filed);

        // A slow receiver: it takes the call but answers after the 1 s the call may take. The call
        // is tried again, the receiver drops the repeat by its event id, and nothing is held up.
        receiver.slowNext(1, 2500);
        Receipt slow = kiosk.submit(Drafts.aikerui("回调测试 慢"));
        filed.add(slow);
        env.act(slow.appealId(), "acknowledge", Map.of());
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> receiver.acceptedFor(slow.appealId()).size() == 2);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receiver.repeats() >= 1);
        Thread.sleep(3000);
        repeatsOfTheSlowCall = receiver.repeats();

        // A receiver that keeps failing: its calls are parked, counted per department, with the reason.
        receiver.refuseAll(true);
        Receipt parkedOne = kiosk.submit(Drafts.aikerui("回调测试 停放"));
        filed.add(parkedOne);
        env.act(parkedOne.appealId(), "acknowledge", Map.of());
        AppealClient monitor = tracker.as("monitor");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> parkedCount(monitor) == 2);
        JsonNode parked = monitor.read("/api/webhooks/parked").get(0);
        assertThat(parked.path("departmentId").asString()).isEqualTo(DEPARTMENT);
        assertThat(parked.path("latestReason").asString()).contains("503");

        // Back again: an administrator replays, and the parked events arrive once, in order.
        receiver.refuseAll(false);
        assertThat(admin.create("/api/admin/webhooks/replay?departmentId=" + DEPARTMENT, Map.of()).path("replayed").asInt()).isEqualTo(2);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acceptedFor(parkedOne.appealId()).size() == 2);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> parkedCount(monitor) == 0);
        assertThat(admin.create("/api/admin/webhooks/replay", Map.of()).path("replayed").asInt()).as("nothing left to replay").isZero();

        // The receiver goes down, appeals go on, and the application stops in the middle of retrying.
        receiver.stop();
        for (int i = 0; i < 2; i++) {
          Receipt receipt = kiosk.submit(Drafts.aikerui("回调测试 重启 " + i));
          filed.add(receipt);
          env.act(receipt.appealId(), "acknowledge", Map.of());
        }
        Thread.sleep(1500);
      }
      receiver.start();
      try (Tracker again = start(ports)) {
        // What was being retried when it stopped is delivered after the restart, or parked and then replayed.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
          again.as("admin").create("/api/admin/webhooks/replay", Map.of());
          return receiver.accepted().size() == 1 + 3 * 2 + 3 + 2 + 2 + 2 * 2;
        });
        Thread.sleep(2000); // time for a stray repeat to show
        assertEveryEventOnceInOrder(again, receiver, filed);
        assertThat(dltRetention(again)).isEqualTo("-1");
        assertThat(receiver.repeats()).as("no repeat but the slow call's, through parking, replay and restart").isEqualTo(repeatsOfTheSlowCall);
      }
    }
  }

  private Tracker start(Tracker.Ports ports) {
    return Tracker.start(dataDir, ports, null,
        "--appeals.webhooks.http-hosts=127.0.0.1", "--appeals.webhooks.allow-loopback=true",
        "--appeals.webhooks.delivery.initial-interval=200ms", "--appeals.webhooks.delivery.multiplier=2",
        "--appeals.webhooks.delivery.max-interval=1s", "--appeals.webhooks.delivery.attempts=5",
        "--appeals.webhooks.delivery.timeout=1s", "--appeals.webhooks.settle-time=0s");
  }

  /** The events of each appeal the department held, as its timeline has them, each once, in order, signed. */
  private static void assertEveryEventOnceInOrder(Tracker tracker, WebhookReceiver receiver, List<Receipt> filed) {
    assertThat(receiver.accepted()).allSatisfy(call -> assertThat(call.signatureValid()).as("signed").isTrue());
    Set<String> ids = new LinkedHashSet<>();
    receiver.accepted().forEach(call -> assertThat(ids.add(call.eventId())).as("event " + call.eventId() + " once").isTrue());
    for (Receipt receipt : filed) {
      List<Long> expected = new ArrayList<>();
      tracker.as("monitor").appeal(receipt.appealId()).path("timeline").forEach(e -> {
        if (DEPARTMENT.equals(e.path("departmentId").asString(null)) && !e.path("type").asString().startsWith("SLA_")
            && !e.path("type").asString().equals("ESCALATED")) {
          expected.add(e.path("sequence").asLong());
        }
      });
      assertThat(WebhookReceiver.sequences(receiver.acceptedFor(receipt.appealId())))
          .as("the events of %s, in order", receipt.trackingNumber()).isEqualTo(expected);
    }
  }

  private static void refusedUrls(AppealClient admin) {
    for (String url : List.of("http://169.254.169.254/latest/meta-data", "ftp://example.gov.cn/x", "http://dept.example.gov.cn/hook",
        "https://user:pw@dept.example.gov.cn/hook", "not a url")) {
      assertThatThrownBy(() -> admin.put("/api/admin/departments/" + DEPARTMENT + "/webhook", Map.of("url", url, "secret", SECRET)))
          .as(url).isInstanceOfSatisfying(AppealClientException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
    assertThatThrownBy(() -> admin.put("/api/admin/departments/" + DEPARTMENT + "/webhook",
        Map.of("url", "https://dept.example.gov.cn/hook", "secret", "short")))
        .isInstanceOfSatisfying(AppealClientException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  private static int parkedCount(AppealClient monitor) {
    int count = 0;
    for (JsonNode department : monitor.read("/api/webhooks/parked")) {
      count += department.path("parked").asInt();
    }
    return count;
  }

  private static String dltRetention(Tracker tracker) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, tracker.bootstrapServers()))) {
      ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "webhook-deliveries-dlt");
      return admin.describeConfigs(List.of(topic)).all().get().get(topic).get("retention.ms").value();
    }
  }
}
