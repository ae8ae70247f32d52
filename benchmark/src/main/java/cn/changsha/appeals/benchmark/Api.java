package cn.changsha.appeals.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product's HTTP API as the benchmark calls it: asynchronous, HTTP/1.1 on loopback (what a
 * kiosk or a dashboard behind a proxy sends), signed in with the keys of the first start.
 */
final class Api implements AutoCloseable {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI base;
  private final Map<String, String> keys;
  private final ExecutorService executor = Executors.newFixedThreadPool(4, Threads.daemon("http-client"));
  private final HttpClient http;

  Api(URI base, Map<String, String> keys) {
    this.base = base;
    this.keys = keys;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
        .executor(executor).build();
  }

  HttpRequest get(String pathAndQuery, String as, Duration timeout) {
    return builder(pathAndQuery, as, timeout).GET().build();
  }

  /** A read of plain text, such as the Prometheus scrape, which refuses a caller that accepts only JSON. */
  HttpRequest getText(String pathAndQuery, String as, Duration timeout) {
    return builder(pathAndQuery, as, timeout).setHeader("Accept", "text/plain").GET().build();
  }

  HttpRequest post(String path, String as, Object body, String idempotencyKey, Duration timeout) {
    HttpRequest.Builder builder = builder(path, as, timeout).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
    if (idempotencyKey != null) {
      builder.header("Idempotency-Key", idempotencyKey);
    }
    return builder.build();
  }

  CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A blocking call; {@code null} when there was no answer at all (refused, timed out). */
  HttpResponse<String> call(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  JsonNode json(String pathAndQuery, String as) {
    HttpResponse<String> response = call(get(pathAndQuery, as, Duration.ofMinutes(2)));
    if (response == null || response.statusCode() != 200) {
      throw new IllegalStateException("GET " + pathAndQuery + " answered " + (response == null ? "nothing" : response.statusCode()
          + ": " + response.body()));
    }
    return JSON.readTree(response.body());
  }

  private HttpRequest.Builder builder(String pathAndQuery, String as, Duration timeout) {
    String key = keys.get(as);
    if (key == null) {
      throw new IllegalArgumentException("No API key for " + as + " in the first start's credentials");
    }
    return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(timeout)
        .header("Accept", "application/json").header("X-API-Key", key);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
