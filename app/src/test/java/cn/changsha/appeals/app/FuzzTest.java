package cn.changsha.appeals.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.changsha.appeals.edge.security.ClusterSecret;
import cn.changsha.appeals.kiosk.Receipt;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ten thousand random and mutated requests (bodies, headers, paths, query strings, methods,
 * credentials) to every endpoint: no 5xx, no HTML, no stack trace or file path in any answer; the
 * process stays up; every appeal the intake accepted can be read afterwards.
 */
class FuzzTest {

  static final int REQUESTS = 10_000;
  static final int WORKERS = 4;
  static final long SEED = 20261127L;
  static final JsonMapper json = JsonMapper.builder().build();

  @TempDir Path dataDir;

  record Template(String method, String path, String body, String caller) {}

  record Finding(int status, String method, String uri, String contentType, String body) {}

  @Test
  void noRequestOfAnyShapeGetsAServerErrorAndEveryAcceptedAppealIsKept() throws Exception {
    try (Tracker tracker = Tracker.start(dataDir, Tracker.Ports.free())) {
      Receipt seed = tracker.as("kiosk-01").submit(Drafts.aikerui("模糊测试的种子诉求"));
      Map<String, String> headers = Map.of(
          "kiosk", tracker.key("kiosk-01"), "monitor", tracker.key("monitor"), "admin", tracker.key("admin"),
          "department", tracker.key("430104-ENV"), "peer", tracker.context.getBean(ClusterSecret.class).peerToken());
      List<Template> templates = templates(seed);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

      AtomicInteger sent = new AtomicInteger();
      Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
      List<Finding> findings = new CopyOnWriteArrayList<>();
      Set<String> accepted = ConcurrentHashMap.newKeySet();
      ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        Random random = new Random(SEED + w);
        Mutator mutator = new Mutator(random, seed, headers);
        done.add(workers.submit(() -> {
          while (sent.get() < REQUESTS) {
            Template template = templates.get(random.nextInt(templates.size()));
            HttpRequest request = mutator.request(tracker.baseUri(), template);
            if (request == null) {
              continue; // a mutation the HTTP client itself refuses to send
            }
            sent.incrementAndGet();
            HttpResponse<String> response;
            try {
              response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
              if (headerBytes(request) > TOMCAT_MAX_HEADER_BYTES) {
                // Tomcat refuses an over-long request line or header block with 400 and closes the
                // connection; a client still writing the body then sees the close, not the 400.
                statuses.computeIfAbsent(0, s -> new AtomicInteger()).incrementAndGet();
                continue;
              }
              throw new java.io.IOException(request.method() + " " + request.uri().getRawPath() + ": " + e.getMessage(), e);
            }
            statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            judge(request, response, tracker, findings);
            if (request.method().equals("POST") && request.uri().getPath().equals("/api/appeals") && response.statusCode() == 202) {
              accepted.add(json.readTree(response.body()).path("appealId").asString());
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      workers.shutdown();

      System.out.println("Fuzzed " + sent.get() + " requests; statuses " + new TreeMap<>(statuses) + "; accepted appeals " + accepted.size());
      assertThat(findings).as("answers that are 5xx, HTML or leak internals").isEmpty();
      assertThat(sent.get()).isGreaterThanOrEqualTo(REQUESTS);
      assertThat(accepted).isNotEmpty();
      for (String appealId : accepted) {
        assertThat(tracker.as("monitor").appeal(appealId).path("appealId").asString()).isEqualTo(appealId);
      }
      assertThat(tracker.context.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams().state())
          .isEqualTo(KafkaStreams.State.RUNNING);
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(tracker.baseUri().resolve("/actuator/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
    }
  }

  /** Tomcat's default {@code max-http-request-header-size}: 8 KB for the request line and headers together. */
  static final int TOMCAT_MAX_HEADER_BYTES = 8 * 1024;

  static int headerBytes(HttpRequest request) {
    int bytes = request.method().length() + request.uri().getRawPath().length()
        + (request.uri().getRawQuery() == null ? 0 : request.uri().getRawQuery().length() + 1) + 12;
    for (Map.Entry<String, List<String>> header : request.headers().map().entrySet()) {
      for (String value : header.getValue()) {
        bytes += header.getKey().length() + value.length() + 4;
      }
    }
    // The headers the JDK client adds itself: a request the estimate put just under the limit was
    // over it on the wire (a path of 8,025 characters, refused with a closed connection).
    bytes += ("Host: " + request.uri().getRawAuthority() + "\r\n").length()
        + ("User-Agent: Java-http-client/" + System.getProperty("java.version") + "\r\n").length()
        + "Content-Length: 0000000000\r\n".length();
    return bytes;
  }

  private static void judge(HttpRequest request, HttpResponse<String> response, Tracker tracker, List<Finding> findings) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    String body = response.body();
    boolean serverError = response.statusCode() >= 500;
    // Open311 answers in XML when its path ends in .xml; that is the only XML allowed.
    boolean xml = type.startsWith("text/xml") && request.uri().getPath().startsWith("/open311/");
    boolean html = type.contains("html") || body.stripLeading().startsWith("<") && !xml;
    // A monitor's or admin's health document names the data disk on purpose; nothing else may name a path.
    boolean detailedHealth = request.uri().getPath().startsWith("/actuator/health") && response.statusCode() == 200;
    boolean leaks = body.contains("Exception") || body.contains("\tat ") || body.contains("org.springframework")
        || !detailedHealth && (body.contains(tracker.dataDir().toString()) || body.contains("/work/") || body.contains("/tmp/"));
    boolean unexplained = response.statusCode() >= 400 && !request.method().equals("HEAD") && !type.contains("json") && !xml;
    if ((serverError || html || leaks || unexplained) && findings.size() < 50) {
      findings.add(new Finding(response.statusCode(), request.method(), request.uri().toString(), type,
          body.length() > 300 ? body.substring(0, 300) : body));
    }
  }

  /** A GeoReport v2 form, as a civic app posts it: the mutator takes it apart by its pairs. */
  static final String OPEN311_FORM = "service_code=ENVIRONMENT&attribute%5Bdistrict%5D=430104"
      + "&attribute%5Benterprise_name%5D=%E6%B9%96%E5%8D%97%E8%89%BE%E7%A7%91%E7%91%9E&attribute%5Bcredit_code%5D=91350100M000100Y43"
      + "&attribute%5Bcontact_name%5D=%E6%9D%8E%E7%BB%8F%E7%90%86&attribute%5Bcontact_phone%5D=13800000000"
      + "&description=%E6%A8%A1%E7%B3%8A%E6%B5%8B%E8%AF%95+Open311+%E8%AF%89%E6%B1%82";

  /** One valid request per endpoint, as each role would send it; the mutator works from these. */
  private static List<Template> templates(Receipt seed) {
    String id = seed.appealId();
    String draft = json.writeValueAsString(Drafts.aikerui("模糊测试"));
    List<Template> t = new ArrayList<>(List.of(
        new Template("POST", "/api/appeals", draft, "kiosk"),
        new Template("POST", "/api/appeals", json.writeValueAsString(Drafts.in("430112", "MEETING_REQUEST")), "kiosk"),
        new Template("GET", "/api/appeals/" + id, null, "monitor"),
        new Template("GET", "/api/appeals/" + id, null, "enterprise"),
        new Template("GET", "/api/appeals?trackingNumber=" + seed.trackingNumber(), null, "department"),
        new Template("GET", "/api/departments", null, "kiosk"),
        new Template("GET", "/api/departments/430104-ENV/queue?limit=50", null, "department"),
        new Template("GET", "/api/routing-rules", null, "monitor"),
        new Template("GET", "/api/sla-policies", null, "monitor"),
        new Template("GET", "/api/liaisons", null, "admin"),
        new Template("GET", "/api/sla/preview?submittedAt=2026-09-30T16:00:00%2B08:00&priority=URGENT&category=TAX", null, "kiosk"),
        new Template("GET", "/api/stats/departments", null, "monitor"),
        new Template("GET", "/api/stats/districts", null, "monitor"),
        new Template("GET", "/api/reports/monthly?month=2026-11&minimumToRank=1&format=csv", null, "monitor"),
        new Template("GET", "/api/hotspots", null, "monitor"),
        new Template("GET", "/api/dead-letters?limit=10", null, "monitor"),
        new Template("PUT", "/api/admin/routing-rules/fuzz-rule",
            "{\"order\": 99999, \"district\": \"430104\", \"category\": \"OTHER\", \"departmentId\": \"430104-BSC\", \"description\": \"x\"}", "admin"),
        new Template("DELETE", "/api/admin/routing-rules/fuzz-rule", null, "admin"),
        new Template("PUT", "/api/admin/departments/fuzz-dept",
            "{\"name\": \"模糊测试科\", \"nameEn\": \"Fuzz Desk\", \"district\": \"430104\", \"active\": true}", "admin"),
        new Template("PUT", "/api/admin/sla-policies/fuzz-policy", """
            {"priority": "URGENT", "category": "OTHER", "firstResponse": {"kind": "WORKING_HOURS", "amount": 4},
             "resolution": {"kind": "WORKING_DAYS", "amount": 3}}""", "admin"),
        new Template("PUT", "/api/admin/liaisons/430104-BSC",
            "{\"departmentHead\": \"主任\", \"deputyDistrictHead\": \"副区长\", \"efficiencyCenter\": \"绩效中心\"}", "admin"),
        new Template("GET", "/api/admin/api-keys", null, "admin"),
        new Template("POST", "/api/admin/api-keys", "{\"name\": \"fuzz-kiosk\", \"role\": \"KIOSK\"}", "admin"),
        new Template("DELETE", "/api/admin/api-keys/" + "0".repeat(64), null, "admin"),
        new Template("GET", "/internal/appeals/" + id, null, "peer"),
        new Template("GET", "/internal/figures/DEPARTMENTS", null, "peer"),
        new Template("GET", "/internal/departments/430104-ENV/queue?limit=50", null, "peer"),
        new Template("GET", "/actuator/health", null, "none"),
        new Template("GET", "/actuator/metrics", null, "monitor"),
        new Template("GET", "/open311/v2/services.xml?jurisdiction_id=changsha.gov.cn", null, "none"),
        new Template("GET", "/open311/v2/services/TAX.json", null, "none"),
        new Template("GET", "/open311/v2/requests.json?service_code=TAX,ENVIRONMENT&status=open&start_date=2026-11-01T00:00:00%2B08:00", null, "none"),
        new Template("GET", "/open311/v2/requests.xml?service_request_id=" + seed.trackingNumber(), null, "monitor"),
        new Template("GET", "/open311/v2/requests/" + seed.trackingNumber() + ".json", null, "kiosk"),
        new Template("POST", "/open311/v2/requests.json", OPEN311_FORM, "kiosk"),
        new Template("POST", "/open311/v2/requests.xml", OPEN311_FORM + "&attribute%5Bgreen_card%5D=LY-GC-0416&address_string=x", "kiosk")));
    for (String[] action : new String[][] {{"acknowledge", "{}"}, {"request-info", "{\"question\": \"请补充材料\"}"},
        {"transfer", "{\"toDepartmentId\": \"430104-MARKET\", \"reason\": \"职责调整\"}"}, {"resolve", "{\"resolution\": \"已办结\"}"}}) {
      t.add(new Template("POST", "/api/appeals/" + id + "/" + action[0], action[1], "department"));
    }
    for (String[] action : new String[][] {{"provide-info", "{\"information\": \"已补充\"}"}, {"evaluate", "{\"rating\": 4}"},
        {"reopen", "{\"reason\": \"未解决\"}"}, {"withdraw", "{\"reason\": \"已解决\"}"}}) {
      t.add(new Template("POST", "/api/appeals/" + id + "/" + action[0], action[1], "enterprise"));
    }
    return t;
  }

  /** Turns a template into a request, changed in one or more ways three times out of four. */
  static final class Mutator {
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json;charset=UTF-8", "*/*", "application/*",
        "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", ";;;", "json",
        "application/json;charset=ISO-8859-1", "application/problem+json", "application/merge-patch+json", ""};
    private static final String[] STRANGE = {"", " ", "null", "true", "0", "-1", "1e400", "NaN", "\u0000", "\uD83D\uDE00",
        "\u202E\u0645\u0631\u062D\u0628\u0627", "\u200B", "../../etc/passwd", "%00", "<script>alert(1)</script>", "' OR 1=1 --",
        "${jndi:ldap://x}", "+999999999-12-31T23:59:59+18:00", "-999999999-01-01T00:00:00-18:00", "2026-02-30T25:61:00+08:00",
        "CS0000000000", "00000000-0000-0000-0000-000000000000", "430104-ENV", "ZZ", "\\", "\"", "{}", "[]"};

    private final Random random;
    private final Receipt seed;
    private final Map<String, String> keys;

    Mutator(Random random, Receipt seed, Map<String, String> keys) {
      this.random = random;
      this.seed = seed;
      this.keys = keys;
    }

    HttpRequest request(URI base, Template template) {
      boolean mutate = random.nextInt(4) != 0;
      String method = mutate && random.nextInt(8) == 0 ? pick(METHODS) : template.method();
      String path = mutate && random.nextInt(3) == 0 ? path(template.path()) : template.path();
      byte[] body = template.body() == null ? null : template.body().getBytes(StandardCharsets.UTF_8);
      if (mutate && (body == null ? random.nextInt(6) == 0 : random.nextInt(3) != 0)) {
        body = body(template.body());
      }
      try {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        sign(request, mutate && random.nextInt(6) == 0 ? pick(keys.keySet().toArray(String[]::new)) : template.caller(), mutate);
        if (body != null || random.nextInt(10) == 0) {
          request.header("Content-Type", mutate && random.nextInt(5) == 0 ? pick(CONTENT_TYPES) : isForm(template)
              ? "application/x-www-form-urlencoded; charset=utf-8" : "application/json");
        }
        if (random.nextInt(3) == 0) {
          request.header("Idempotency-Key", mutate && random.nextBoolean() ? pick(STRANGE) + random.nextInt() : "fuzz-" + random.nextLong());
        }
        if (mutate && random.nextInt(8) == 0) {
          request.header("Accept", pick(new String[] {"text/html", "application/xml", "image/png", "*/*", "text/csv", "garbage"}));
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        return request.method(method, publisher).build();
      } catch (IllegalArgumentException refusedByClient) {
        return null;
      }
    }

    private void sign(HttpRequest.Builder request, String caller, boolean mutate) {
      if (mutate && random.nextInt(10) == 0) {
        String garbage = pick(new String[] {"Basic !!!", "Bearer a.b.c", "Bearer " + "x".repeat(5000), "Basic "
            + Base64.getEncoder().encodeToString((seed.trackingNumber() + ":" + pick(STRANGE)).getBytes(StandardCharsets.UTF_8)),
            "Digest foo", "Basic " + Base64.getEncoder().encodeToString("::::".getBytes(StandardCharsets.UTF_8))});
        request.header("Authorization", garbage);
        return;
      }
      if (mutate && random.nextInt(10) == 0) {
        request.header("X-API-Key", pick(new String[] {"ak_", "ak_" + "A".repeat(4000), "' OR 1=1", "ak_" + random.nextLong()}));
        return;
      }
      switch (caller) {
        case "none" -> { }
        case "enterprise" -> request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (seed.trackingNumber() + ":" + seed.receiptSecret()).getBytes(StandardCharsets.UTF_8)));
        case "peer" -> request.header("X-Appeals-Peer", keys.get("peer"));
        default -> request.header("X-API-Key", keys.get(caller));
      }
    }

    private String path(String path) {
      return switch (random.nextInt(7)) {
        case 0 -> path + "/" + encode(pick(STRANGE));
        case 1 -> path.replace(seed.appealId(), encode(pick(STRANGE)));
        case 2 -> path + (path.contains("?") ? "&" : "?") + encode(pick(STRANGE)) + "=" + encode(pick(STRANGE));
        case 3 -> path.replaceAll("=[^&]*", "=" + encode(pick(STRANGE)));
        case 4 -> path + "/" + "a".repeat(random.nextInt(9000));
        case 5 -> path.replace("/api/", pick(new String[] {"/api//", "/API/", "/api/%2e%2e/", "/api/;x=1/", "/api/%zz/", "/error/"}));
        default -> "/" + encode(pick(STRANGE)) + path;
      };
    }

    private static boolean isForm(Template template) {
      return template.body() != null && !template.body().startsWith("{");
    }

    private byte[] body(String template) {
      if (template == null || random.nextInt(5) == 0) {
        return bytes(random.nextInt(8));
      }
      if (!template.startsWith("{")) {
        return form(template);
      }
      JsonNode tree = json.readTree(template);
      for (int i = 1 + random.nextInt(3); i > 0; i--) {
        mutateTree(tree);
      }
      String text = json.writeValueAsString(tree);
      return switch (random.nextInt(6)) {
        case 0 -> truncate(text.getBytes(StandardCharsets.UTF_8));
        case 1 -> flip(text.getBytes(StandardCharsets.UTF_8));
        case 2 -> text.replaceFirst("\\{\"(\\w+)\"", "{\"$1\": 1, \"$1\"").getBytes(StandardCharsets.UTF_8);
        default -> text.getBytes(StandardCharsets.UTF_8);
      };
    }

    /** A form changed pair by pair: dropped, emptied, doubled, given strange or raw values or names, or cut and flipped as bytes. */
    private byte[] form(String template) {
      List<String> pairs = new ArrayList<>(List.of(template.split("&")));
      for (int i = 1 + random.nextInt(3); i > 0 && !pairs.isEmpty(); i--) {
        int at = random.nextInt(pairs.size());
        String name = pairs.get(at).split("=", 2)[0];
        switch (random.nextInt(9)) {
          case 0 -> pairs.remove(at);
          case 1 -> pairs.set(at, name + "=");
          case 2 -> pairs.add(pairs.get(at));
          case 3 -> pairs.set(at, name + "=" + encode(pick(STRANGE)));
          case 4 -> pairs.set(at, name + "=" + pick(STRANGE));
          case 5 -> pairs.set(at, name + "=" + "%E9%95%BF".repeat(random.nextInt(30_000)));
          case 6 -> pairs.add(pick(new String[] {"attribute%5Bx%5D=1", "attribute%5B%5D=1", "attribute%5Bdistrict%5D%5B%5D=430104",
              "attribute[district=1", "api_key=ak_" + random.nextLong(), "jurisdiction_id=" + encode(pick(STRANGE)), "%=%", "=", "&&"}));
          case 7 -> pairs.set(at, encode(pick(STRANGE)) + "=" + encode(pick(STRANGE)));
          default -> pairs.set(at, name + "=%" + pick(new String[] {"", "Z", "ZZ", "C3", "C3%28", "FF", "ED%A0%80"}));
        }
      }
      byte[] bytes = String.join("&", pairs).getBytes(StandardCharsets.UTF_8);
      return switch (random.nextInt(6)) {
        case 0 -> truncate(bytes);
        case 1 -> flip(bytes);
        default -> bytes;
      };
    }

    private void mutateTree(JsonNode node) {
      if (!(node instanceof ObjectNode object) || object.isEmpty()) {
        return;
      }
      List<String> fields = new ArrayList<>(object.propertyNames());
      String field = fields.get(random.nextInt(fields.size()));
      switch (random.nextInt(10)) {
        case 0 -> object.remove(field);
        case 1 -> object.put(field, random.nextInt());
        case 2 -> object.put(field, random.nextDouble() * 10);
        case 3 -> object.put(field, random.nextBoolean());
        case 4 -> object.putNull(field);
        case 5 -> object.put(field, pick(STRANGE));
        case 6 -> object.put(field, "长".repeat(random.nextInt(30_000)));
        case 7 -> object.put("unknown" + random.nextInt(3), "x");
        case 8 -> {
          ArrayNode array = object.putArray(field);
          array.add(1).add("two");
        }
        default -> mutateTree(object.get(field));
      }
    }

    private byte[] bytes(int kind) {
      return switch (kind) {
        case 0 -> new byte[0];
        case 1 -> "null".getBytes(StandardCharsets.UTF_8);
        case 2 -> "[1,2,3]".getBytes(StandardCharsets.UTF_8);
        case 3 -> ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
        case 4 -> "{\"a\":1} {\"b\":2}".getBytes(StandardCharsets.UTF_8);
        case 5 -> new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        case 6 -> ("{\"title\": \"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        default -> {
          byte[] noise = new byte[random.nextInt(2000)];
          random.nextBytes(noise);
          yield noise;
        }
      };
    }

    private byte[] truncate(byte[] body) {
      byte[] cut = new byte[body.length == 0 ? 0 : random.nextInt(body.length)];
      System.arraycopy(body, 0, cut, 0, cut.length);
      return cut;
    }

    private byte[] flip(byte[] body) {
      for (int i = 0; i < 1 + random.nextInt(5) && body.length > 0; i++) {
        body[random.nextInt(body.length)] = (byte) random.nextInt(256);
      }
      return body;
    }

    private String pick(String[] values) {
      return values[random.nextInt(values.length)];
    }

    private static String encode(String value) {
      StringBuilder encoded = new StringBuilder();
      for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
        char c = (char) (b & 0xff);
        encoded.append(Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_' ? String.valueOf(c)
            : String.format("%%%02X", b & 0xff));
      }
      return encoded.toString();
    }
  }
}
