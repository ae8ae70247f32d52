package cn.changsha.appeals.app;

import static cn.changsha.appeals.app.AccessMatrixTest.Who.ADMIN;
import static cn.changsha.appeals.app.AccessMatrixTest.Who.KIOSK;
import static cn.changsha.appeals.app.AccessMatrixTest.Who.MONITOR;
import static cn.changsha.appeals.app.AccessMatrixTest.Who.NONE;
import static cn.changsha.appeals.app.AccessMatrixTest.Who.OTHER_DEPARTMENT;
import static cn.changsha.appeals.app.AccessMatrixTest.Who.OWNER;
import static cn.changsha.appeals.app.AccessMatrixTest.Who.OWN_DEPARTMENT;
import static cn.changsha.appeals.app.AccessMatrixTest.Who.PEER;
import static cn.changsha.appeals.app.AccessMatrixTest.Who.TOKEN_DEPARTMENT;
import static cn.changsha.appeals.app.AccessMatrixTest.Who.TOKEN_MONITOR;
import static org.assertj.core.api.Assertions.assertThat;

import cn.changsha.appeals.edge.security.ClusterSecret;
import cn.changsha.appeals.kiosk.AppealClient;
import cn.changsha.appeals.kiosk.Credential;
import cn.changsha.appeals.kiosk.Receipt;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint called by every kind of caller: with no credential, forged and expired ones, each
 * role by API key and by bearer token, departments and enterprises on their own and on others'
 * appeals. What the access table allows must succeed; everything else must be refused, 401 for
 * no valid credential and 403 for a caller who may not.
 */
class AccessMatrixTest {

  enum Who {
    NONE, FORGED_KEY, EXPIRED_KEY, FORGED_TOKEN, EXPIRED_TOKEN, FORGED_PEER, WRONG_RECEIPT,
    KIOSK, OWN_DEPARTMENT, OTHER_DEPARTMENT, MONITOR, ADMIN, OWNER, OTHER_ENTERPRISE, PEER, TOKEN_MONITOR, TOKEN_DEPARTMENT;

    boolean signedIn() {
      return ordinal() >= KIOSK.ordinal();
    }
  }

  /** One request as a given caller would send it; {@code credential} null means "sign as the caller". */
  record Request(String method, String path, String body, Credential credential, String contentType) {
    Request(String method, String path, String body, Credential credential) {
      this(method, path, body, credential, "application/json");
    }
  }

  record Cell(String endpoint, Who who, int expected, int actual, String body) {}

  static final JsonMapper json = JsonMapper.builder().build();
  static final HttpClient http = HttpClient.newHttpClient();
  static final Set<Who> SIGNED_IN = EnumSet.copyOf(List.of(Who.values()).stream().filter(Who::signedIn).toList());

  @TempDir static Path dataDir;
  static TestIssuer issuer;
  static Tracker tracker;
  static Map<Who, Credential> credentials = new EnumMap<>(Who.class);
  static Receipt appeal;

  @BeforeAll
  static void start() throws Exception {
    issuer = new TestIssuer();
    tracker = Tracker.start(dataDir, Tracker.Ports.free(), null, issuer.setting());
    appeal = tracker.as("kiosk-01").submit(Drafts.aikerui("权限矩阵测试"));
    Receipt another = tracker.as("kiosk-01").submit(Drafts.aikerui("另一家企业的诉求"));

    JsonNode shortLived = tracker.as("admin").create("/api/admin/api-keys", Map.of("name", "short-lived", "role", "MONITOR",
        "expiresAt", OffsetDateTime.now().plusSeconds(2).toString()));
    Map<String, Object> monitorClaims = Map.of("appeals_role", "MONITOR", "preferred_username", "li.jiancha");
    credentials.put(NONE, Credential.none());
    credentials.put(Who.FORGED_KEY, Credential.apiKey("ak_" + UUID.randomUUID()));
    credentials.put(Who.EXPIRED_KEY, Credential.apiKey(shortLived.path("key").asString()));
    credentials.put(Who.FORGED_TOKEN, Credential.bearer(TestIssuer.forged(monitorClaims)));
    credentials.put(Who.EXPIRED_TOKEN, Credential.bearer(issuer.token(monitorClaims, Duration.ofMinutes(-5))));
    credentials.put(Who.FORGED_PEER, request -> request.header("X-Appeals-Peer", "not-the-token"));
    credentials.put(Who.WRONG_RECEIPT, Credential.receipt(appeal.trackingNumber(), "AAAA-BBBB-CCCC-DDDD"));
    credentials.put(KIOSK, Credential.apiKey(tracker.key("kiosk-01")));
    credentials.put(OWN_DEPARTMENT, Credential.apiKey(tracker.key("430104-ENV")));
    credentials.put(OTHER_DEPARTMENT, Credential.apiKey(tracker.key("430104-TAX")));
    credentials.put(MONITOR, Credential.apiKey(tracker.key("monitor")));
    credentials.put(ADMIN, Credential.apiKey(tracker.key("admin")));
    credentials.put(OWNER, appeal.enterpriseCredential());
    credentials.put(Who.OTHER_ENTERPRISE, another.enterpriseCredential());
    credentials.put(PEER, request -> request.header("X-Appeals-Peer", tracker.context.getBean(ClusterSecret.class).peerToken()));
    credentials.put(TOKEN_MONITOR, Credential.bearer(issuer.token(monitorClaims, Duration.ofHours(1))));
    credentials.put(TOKEN_DEPARTMENT, Credential.bearer(issuer.token(
        Map.of("appeals_role", "DEPARTMENT", "department_id", "430104-ENV", "preferred_username", "zhang.wei"), Duration.ofHours(1))));
    Thread.sleep(2500); // until the short-lived key has expired
  }

  @AfterAll
  static void stop() {
    tracker.close();
    issuer.close();
  }

  @Test
  void everyEndpointAnswersEveryCallerAsTheAccessTableSays() throws Exception {
    List<Cell> wrong = new ArrayList<>();
    int cells = 0;
    for (Endpoint endpoint : endpoints()) {
      for (Who who : Who.values()) {
        Request request = endpoint.request().apply(who);
        Answer response = send(request, who);
        boolean allowed = endpoint.allowed().contains(who);
        int expected = allowed ? 200 : who.signedIn() || endpoint.open311() ? 403 : 401;
        boolean ok = allowed ? response.statusCode() / 100 == 2 : response.statusCode() == expected;
        if (!ok) {
          wrong.add(new Cell(endpoint.name(), who, expected, response.statusCode(), response.body()));
        }
        cells++;
      }
    }
    assertThat(wrong).as("cells answered against the access table").isEmpty();
    assertThat(cells).isEqualTo(endpoints().size() * Who.values().length);
  }

  @Test
  void monitorsSeeTheContactMaskedAndTheHoldingDepartmentSeesItWhole() {
    JsonNode masked = client(MONITOR).appeal(appeal.appealId()).path("enterprise");
    JsonNode whole = client(OWN_DEPARTMENT).appeal(appeal.appealId()).path("enterprise");

    assertThat(masked.path("contactName").asString()).isEqualTo("李**");
    assertThat(masked.path("contactPhone").asString()).isEqualTo("138****0000");
    assertThat(whole.path("contactName").asString()).isEqualTo("李经理");
    assertThat(whole.path("contactPhone").asString()).isEqualTo("13800000000");
  }

  @Test
  void theActorOnEveryEventIsTheSignedInCallerWhateverAHeaderSays() throws Exception {
    Receipt receipt = tracker.as("kiosk-01").submit(Drafts.aikerui("谁在操作"));
    Answer acknowledged = send(new Request("POST", "/api/appeals/" + receipt.appealId() + "/acknowledge", null,
        credentials.get(TOKEN_DEPARTMENT)), TOKEN_DEPARTMENT, "X-Actor-Id", "somebody-else");
    assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);

    List<String> actors = new ArrayList<>();
    client(OWN_DEPARTMENT).appeal(receipt.appealId()).path("timeline").forEach(e ->
        actors.add(e.path("actor").path("role").asString() + ":" + e.path("actor").path("id").asString()));
    assertThat(actors).containsExactly("KIOSK:kiosk-01", "SYSTEM:router", "DEPARTMENT:zhang.wei");
  }

  @Test
  void anEnterprisesBodylessChangeIsRefusedSoNoOtherSiteCanMakeItsBrowserSendOne() throws Exception {
    Receipt receipt = tracker.as("kiosk-01").submit(Drafts.aikerui("跨站请求测试"));
    HttpRequest.Builder bare = receipt.enterpriseCredential().applyTo(
        HttpRequest.newBuilder(tracker.baseUri().resolve("/api/appeals/" + receipt.appealId() + "/withdraw")));
    assertThat(http.send(bare.POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(415);
    assertThat(client(OWN_DEPARTMENT).appeal(receipt.appealId()).path("status").asString()).isEqualTo("ROUTED");
    assertThat(tracker.enterprise(receipt).act(receipt.appealId(), "withdraw", Map.of()).path("outcome").asString()).isEqualTo("ACCEPTED");
  }

  /** @param open311 refused the GeoReport v2 way: 403 whatever the caller, as the standard has it for a missing or wrong key */
  record Endpoint(String name, Set<Who> allowed, Function<Who, Request> request, boolean open311) {
    Endpoint(String name, Set<Who> allowed, Function<Who, Request> request) {
      this(name, allowed, request, false);
    }
  }

  private static List<Endpoint> endpoints() {
    String id = appeal.appealId();
    String draft = json.writeValueAsString(Drafts.aikerui("矩阵中的新诉求"));
    Set<Who> staff = EnumSet.of(KIOSK, OWN_DEPARTMENT, OTHER_DEPARTMENT, MONITOR, ADMIN, TOKEN_MONITOR, TOKEN_DEPARTMENT);
    Set<Who> readers = EnumSet.of(OWN_DEPARTMENT, MONITOR, OWNER, TOKEN_MONITOR, TOKEN_DEPARTMENT);
    Set<Who> reference = EnumSet.of(OWN_DEPARTMENT, OTHER_DEPARTMENT, MONITOR, ADMIN, TOKEN_MONITOR, TOKEN_DEPARTMENT);
    Set<Who> monitors = EnumSet.of(MONITOR, TOKEN_MONITOR);
    Set<Who> names = EnumSet.copyOf(staff);
    names.addAll(EnumSet.of(OWNER, Who.OTHER_ENTERPRISE));
    Set<Who> ownQueue = EnumSet.of(OWN_DEPARTMENT, MONITOR, TOKEN_MONITOR, TOKEN_DEPARTMENT);
    Set<Who> everyone = EnumSet.copyOf(SIGNED_IN);
    everyone.add(NONE);
    List<Endpoint> list = new ArrayList<>(List.of(
        get("health", everyone, "/actuator/health"),
        get("readiness", everyone, "/actuator/health/readiness"),
        get("api docs", everyone, "/v3/api-docs"),
        get("metrics", EnumSet.of(MONITOR, ADMIN, TOKEN_MONITOR), "/actuator/metrics"),
        new Endpoint("submit", EnumSet.of(KIOSK), who -> new Request("POST", "/api/appeals", draft, null)),
        get("preview", staff, "/api/sla/preview?submittedAt=2026-09-30T16:00:00%2B08:00"),
        get("appeal", readers, "/api/appeals/" + id),
        get("by tracking number", readers, "/api/appeals?trackingNumber=" + appeal.trackingNumber()),
        get("departments", names, "/api/departments"),
        get("catalog", names, "/api/catalog"),
        get("own queue", ownQueue, "/api/departments/430104-ENV/queue"),
        get("own queue, live", ownQueue, "/api/live/departments/430104-ENV"),
        get("dashboard, live", monitors, "/api/live/dashboard"),
        get("overview", monitors, "/api/stats/overview"),
        get("routing rules", reference, "/api/routing-rules"),
        get("SLA policies", reference, "/api/sla-policies"),
        get("liaisons", reference, "/api/liaisons"),
        get("department statistics", monitors, "/api/stats/departments"),
        get("district statistics", monitors, "/api/stats/districts"),
        get("monthly report", monitors, "/api/reports/monthly?month=2026-11"),
        get("hotspots", monitors, "/api/hotspots"),
        get("dead letters", monitors, "/api/dead-letters"),
        admin("PUT", "/api/admin/routing-rules/matrix-rule",
            "{\"order\": 99999, \"district\": \"430104\", \"category\": \"OTHER\", \"departmentId\": \"430104-BSC\"}"),
        admin("PUT", "/api/admin/departments/matrix-dept",
            "{\"name\": \"矩阵测试科\", \"nameEn\": \"Matrix Desk\", \"district\": \"430104\", \"active\": true}"),
        admin("PUT", "/api/admin/sla-policies/matrix-policy", """
            {"priority": "URGENT", "category": "OTHER", "firstResponse": {"kind": "WORKING_HOURS", "amount": 4},
             "resolution": {"kind": "WORKING_DAYS", "amount": 3}}"""),
        admin("PUT", "/api/admin/liaisons/430104-BSC",
            "{\"departmentHead\": \"岳麓区企业服务中心主任\", \"deputyDistrictHead\": \"岳麓区分管副区长\", \"efficiencyCenter\": \"岳麓区绩效评估中心\"}"),
        admin("GET", "/api/admin/api-keys", null),
        admin("PUT", "/api/admin/departments/430104-BSC/webhook",
            "{\"url\": \"https://10.20.30.40/appeals\", \"secret\": \"matrix-webhook-secret-0123456789\"}"),
        admin("GET", "/api/admin/departments/430104-BSC/webhook", null),
        admin("POST", "/api/admin/webhooks/replay", "{}"),
        get("parked webhook calls", EnumSet.of(MONITOR, ADMIN, TOKEN_MONITOR), "/api/webhooks/parked"),
        admin("POST", "/api/admin/api-keys", "{\"name\": \"matrix-kiosk\", \"role\": \"KIOSK\"}"),
        new Endpoint("delete routing rule", EnumSet.of(ADMIN), who -> {
          if (who == ADMIN) {
            client(ADMIN).put("/api/admin/routing-rules/matrix-doomed",
                Map.of("order", 99998, "district", "430104", "category", "OTHER", "departmentId", "430104-BSC"));
          }
          return new Request("DELETE", "/api/admin/routing-rules/matrix-doomed", null, null);
        }),
        new Endpoint("revoke API key", EnumSet.of(ADMIN), who -> {
          String keyId = who == ADMIN
              ? client(ADMIN).create("/api/admin/api-keys", Map.of("name", "doomed", "role", "KIOSK")).path("holder").path("keyId").asString()
              : "0".repeat(64);
          return new Request("DELETE", "/api/admin/api-keys/" + keyId, null, null);
        }),
        get("peer: appeal", EnumSet.of(PEER), "/internal/appeals/" + id),
        get("peer: receipt", EnumSet.of(PEER), "/internal/appeals/" + id + "/receipt"),
        get("peer: figures of departments", EnumSet.of(PEER), "/internal/figures/DEPARTMENTS"),
        get("peer: figures of a month", EnumSet.of(PEER), "/internal/figures/MONTH?month=2026-11"),
        get("peer: figures of the dashboard", EnumSet.of(PEER), "/internal/figures/OVERVIEW"),
        get("peer: queue", EnumSet.of(PEER), "/internal/departments/430104-ENV/queue?limit=50"),
        get("peer: hotspots", EnumSet.of(PEER), "/internal/hotspots"),
        get("peer: matching appeals", EnumSet.of(PEER),
            "/internal/appeals?from=2026-01-01T00:00:00Z&to=2099-01-01T00:00:00Z&categories=ENVIRONMENT&limit=10")));
    list.addAll(open311());
    list.addAll(departmentActions());
    list.addAll(enterpriseActions());
    return list;
  }

  /**
   * The screens' sign-in: the session is an HttpOnly, SameSite=Strict cookie; the API reads it, but
   * a change made on its strength needs the page's CSRF token; API keys never start a session; a
   * wrong key is refused on the form; and a session ends when its key is revoked, as does the key.
   */
  @Test
  void aScreenSessionIsAStrictCookieThatNeedsTheFormTokenAndEndsWithItsKey() throws Exception {
    JsonNode made = client(ADMIN).create("/api/admin/api-keys", Map.of("name", "screen-monitor", "role", "MONITOR"));
    String key = made.path("key").asString();

    HttpResponse<String> form = http.send(HttpRequest.newBuilder(tracker.baseUri().resolve("/screens/sign-in")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
    String anonymous = cookie(form);
    String token = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");

    HttpResponse<String> refused = signIn(anonymous, token, "key=" + "ak_" + "x".repeat(43));
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("密钥无效").doesNotContain("ak_xxx");

    HttpResponse<String> signedIn = signIn(anonymous, token, "key=" + key);
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/screens/");
    String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).startsWith("APPEALS_SESSION=").contains("HttpOnly").contains("SameSite=Strict");
    String session = setCookie.substring(0, setCookie.indexOf(';'));
    assertThat(session).as("a new session id after sign-in").isNotEqualTo(anonymous);

    HttpResponse<String> page = http.send(withCookie("/screens/dashboard", session).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("时限监控");
    assertThat(http.send(withCookie("/api/stats/overview", session).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);
    String pageToken = page.body().replaceAll("(?s).*data-csrf-token=\"([^\"]+)\".*", "$1");
    HttpResponse<String> forged = http.send(withCookie("/api/appeals/" + appeal.appealId() + "/acknowledge", session)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).as("a change without the page's token").isEqualTo(403);
    assertThat(forged.body()).contains("CSRF");
    HttpResponse<String> withToken = http.send(withCookie("/api/appeals/" + appeal.appealId() + "/acknowledge", session)
        .header("Content-Type", "application/json").header("X-CSRF-TOKEN", pageToken)
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(withToken.statusCode()).as("past CSRF, a monitor still may not act").isEqualTo(403);
    assertThat(withToken.body()).doesNotContain("CSRF");

    HttpResponse<String> byKey = http.send(HttpRequest.newBuilder(tracker.baseUri().resolve("/api/stats/overview"))
        .header("X-API-Key", key).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(byKey.statusCode()).isEqualTo(200);
    assertThat(byKey.headers().firstValue("Set-Cookie")).as("an API key starts no session").isEmpty();
    assertThat(http.send(HttpRequest.newBuilder(tracker.baseUri().resolve("/screens/dashboard")).header("X-API-Key", key).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).as("screens take only their own sign-in").isEqualTo(302);

    assertThat(send(new Request("DELETE", "/api/admin/api-keys/" + made.path("holder").path("keyId").asString(), null, null), ADMIN)
        .statusCode()).isEqualTo(204);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
        http.send(withCookie("/api/stats/overview", session).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 401);
    assertThat(http.send(HttpRequest.newBuilder(tracker.baseUri().resolve("/api/stats/overview")).header("X-API-Key", key).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).as("the key itself, used (and so kept in memory) before").isEqualTo(401);
    HttpResponse<String> after = http.send(withCookie("/screens/dashboard", session).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(after.statusCode()).isEqualTo(302);
    assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/screens/sign-in");
  }

  private static HttpResponse<String> signIn(String cookie, String token, String fields) throws Exception {
    return http.send(withCookie("/screens/sign-in", cookie).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(fields + "&_csrf=" + token)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder withCookie(String path, String cookie) {
    return HttpRequest.newBuilder(tracker.baseUri().resolve(path)).header("Cookie", cookie);
  }

  private static String cookie(HttpResponse<?> response) {
    String set = response.headers().firstValue("Set-Cookie").orElseThrow();
    return set.substring(0, set.indexOf(';'));
  }

  /**
   * GeoReport v2: reads are public (what they show depends on the reader, see Open311Test), but a
   * credential that does not hold is refused there too; filing takes an intake channel's key. A
   * peer's token means nothing on these paths, so a forged one is no credential at all.
   */
  private static List<Endpoint> open311() {
    Set<Who> anyoneButFalseCredentials = EnumSet.allOf(Who.class);
    anyoneButFalseCredentials.removeAll(EnumSet.of(Who.FORGED_KEY, Who.EXPIRED_KEY, Who.FORGED_TOKEN, Who.EXPIRED_TOKEN,
        Who.WRONG_RECEIPT));
    String form = "service_code=TAX&attribute%5Bdistrict%5D=430104&attribute%5Benterprise_name%5D=" + urlEncoded("湖南艾科瑞生物工程有限公司")
        + "&attribute%5Bcredit_code%5D=91350100M000100Y43&attribute%5Bcontact_name%5D=" + urlEncoded("李经理")
        + "&attribute%5Bcontact_phone%5D=13800000000&description=" + urlEncoded("矩阵中经 Open311 提交的诉求");
    List<Endpoint> open311 = new ArrayList<>();
    for (String path : List.of("/open311/v2/discovery.json", "/open311/v2/services.xml", "/open311/v2/services/TAX.json",
        "/open311/v2/requests.json", "/open311/v2/requests/" + appeal.trackingNumber() + ".xml")) {
      open311.add(new Endpoint("open311 " + path, anyoneButFalseCredentials, who -> new Request("GET", path, null, null), true));
    }
    open311.add(new Endpoint("open311 POST requests", EnumSet.of(KIOSK),
        who -> new Request("POST", "/open311/v2/requests.json", form, null, "application/x-www-form-urlencoded"), true));
    return open311;
  }

  private static String urlEncoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Allowed callers act on an appeal of their own made ready for the action; the rest try the shared one. */
  private static List<Endpoint> departmentActions() {
    Set<Who> holders = EnumSet.of(OWN_DEPARTMENT, TOKEN_DEPARTMENT);
    return List.of(
        action("acknowledge", holders, "ROUTED", "{}"),
        action("request-info", holders, "ROUTED", "{\"question\": \"请补充营业执照复印件\"}"),
        action("transfer", holders, "ROUTED", "{\"toDepartmentId\": \"430104-MARKET\", \"reason\": \"属于市场监管职责\"}"),
        action("resolve", holders, "ACKNOWLEDGED", "{\"resolution\": \"已指导企业准备材料\"}"));
  }

  private static List<Endpoint> enterpriseActions() {
    Set<Who> owner = EnumSet.of(OWNER);
    return List.of(
        action("provide-info", owner, "AWAITING_INFO", "{\"information\": \"已补充\"}"),
        action("evaluate", owner, "RESOLVED", "{\"rating\": 4, \"comment\": \"满意\"}"),
        action("reopen", owner, "RESOLVED", "{\"reason\": \"问题仍未解决\"}"),
        action("withdraw", owner, "ROUTED", "{\"reason\": \"已自行解决\"}"));
  }

  private static Endpoint action(String action, Set<Who> allowed, String state, String body) {
    return new Endpoint(action, allowed, who -> {
      if (!allowed.contains(who)) {
        return new Request("POST", "/api/appeals/" + appeal.appealId() + "/" + action, body, null);
      }
      Receipt fresh = appealIn(state);
      Credential as = who == OWNER ? fresh.enterpriseCredential() : null;
      return new Request("POST", "/api/appeals/" + fresh.appealId() + "/" + action, body, as);
    });
  }

  private static Receipt appealIn(String state) {
    Receipt receipt = tracker.as("kiosk-01").submit(Drafts.aikerui("矩阵:" + state));
    AppealClient department = client(OWN_DEPARTMENT);
    switch (state) {
      case "ACKNOWLEDGED" -> department.act(receipt.appealId(), "acknowledge", Map.of());
      case "AWAITING_INFO" -> department.act(receipt.appealId(), "request-info", Map.of("question", "请补充材料"));
      case "RESOLVED" -> {
        department.act(receipt.appealId(), "acknowledge", Map.of());
        department.act(receipt.appealId(), "resolve", Map.of("resolution", "已办结"));
      }
      default -> { }
    }
    return receipt;
  }

  private static Endpoint get(String name, Set<Who> allowed, String path) {
    return new Endpoint(name, allowed, who -> new Request("GET", path, null, null));
  }

  private static Endpoint admin(String method, String path, String body) {
    return new Endpoint(method + " " + path, EnumSet.of(ADMIN), who -> new Request(method, path, body, null));
  }

  private static AppealClient client(Who who) {
    return new AppealClient(tracker.baseUri(), credentials.get(who));
  }

  /** An answer's status and body; a live stream's body is not waited for (it does not end). */
  record Answer(int statusCode, String body) {}

  private static Answer send(Request request, Who who, String... headers) throws Exception {
    HttpRequest.Builder builder = HttpRequest.newBuilder(tracker.baseUri().resolve(request.path())).timeout(Duration.ofSeconds(30));
    builder = (request.credential() != null ? request.credential() : credentials.get(who)).applyTo(builder);
    if (headers.length > 0) {
      builder.headers(headers);
    }
    if (request.body() != null) {
      builder.header("Content-Type", request.contentType()).header("Idempotency-Key", UUID.randomUUID().toString());
    }
    HttpRequest.BodyPublisher body = request.body() == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(request.body());
    HttpResponse<InputStream> response = http.send(builder.method(request.method(), body).build(), HttpResponse.BodyHandlers.ofInputStream());
    boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
    try (InputStream in = response.body()) {
      return new Answer(response.statusCode(), stream ? "(a live stream)" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
