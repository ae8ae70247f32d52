package cn.changsha.appeals.kiosk;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Java client of the appeal tracker's HTTP API, for kiosks and other intake channels. A submission
 * is retried with the same idempotency key when the answer is lost or the server is briefly
 * unavailable, so a retry never files a second appeal.
 */
public final class AppealClient {

  private static final int ATTEMPTS = 4;

  private final URI base;
  private final Credential credential;
  private final HttpClient http;
  private final JsonMapper json = JsonMapper.builder().build();

  public AppealClient(URI base, Credential credential) {
    this.base = base;
    this.credential = credential;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public Receipt submit(AppealDraft draft) {
    return submit(draft, UUID.randomUUID().toString());
  }

  public Receipt submit(AppealDraft draft, String idempotencyKey) {
    HttpRequest request = post("/api/appeals", draft).header("Idempotency-Key", idempotencyKey).build();
    return json.treeToValue(sendWithRetries(request), Receipt.class);
  }

  public JsonNode appeal(String appealId) {
    return send(get("/api/appeals/" + encode(appealId)));
  }

  public JsonNode appealByTrackingNumber(String trackingNumber) {
    return send(get("/api/appeals?trackingNumber=" + encode(trackingNumber)));
  }

  /** One of acknowledge, request-info, provide-info, transfer, resolve, evaluate, reopen, withdraw. */
  public JsonNode act(String appealId, String action, Map<String, Object> fields) {
    return send(post("/api/appeals/" + encode(appealId) + "/" + encode(action), fields).build());
  }

  /** Any write of the API (admin calls, say), by path, with a JSON body. */
  public JsonNode create(String path, Object body) {
    return send(post(path, body).build());
  }

  public JsonNode put(String path, Object body) {
    return send(builder(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8)).build());
  }

  /** Any read of the API, by path and query. */
  public JsonNode read(String pathAndQuery) {
    return send(get(pathAndQuery));
  }

  public JsonNode departments() {
    return send(get("/api/departments"));
  }

  public JsonNode queue(String departmentId) {
    return send(get("/api/departments/" + encode(departmentId) + "/queue"));
  }

  private JsonNode sendWithRetries(HttpRequest request) {
    AppealClientException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return send(request);
      } catch (AppealClientException e) {
        boolean transient_ = e.status() == 0 || e.status() >= 500;
        if (!transient_) {
          throw e;
        }
        last = e;
        sleep(Duration.ofMillis(250L << attempt));
      }
    }
    throw last;
  }

  private JsonNode send(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AppealClientException(0, "No answer from " + base + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AppealClientException(0, "Interrupted", e);
    }
    if (response.statusCode() >= 400) {
      throw new AppealClientException(response.statusCode(),
          "HTTP " + response.statusCode() + " from " + request.uri().getPath() + ": " + response.body(), null);
    }
    return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
  }

  private HttpRequest get(String path) {
    return builder(path).GET().build();
  }

  private HttpRequest.Builder post(String path, Object body) {
    return builder(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder builder(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json");
    return credential.applyTo(builder);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
