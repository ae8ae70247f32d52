package cn.changsha.appeals.benchmark;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product's HTTP API as the benchmark calls it: asynchronous, HTTP/1.1 on loopback (what a
 * kiosk or a dashboard behind a proxy sends), signed in with the keys of the first start.
 *
 * <p>Apache's asynchronous client on one I/O thread rather than the JDK's: the load generator
 * shares the two cores with the product, and the JDK's client spent 0.4-0.6 ms of CPU per read
 * against this one's 0.2 ms (PERFORMANCE.md, round eight), time the product's reads then waited for.
 */
final class Api implements AutoCloseable {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** More than any open loop keeps outstanding, so that no request waits for a connection of the pool. */
  private static final int CONNECTIONS = 1024;

  /** What came back: the status and the body as text. */
  record Response(int statusCode, String body) {}

  private final URI base;
  private final Map<String, String> keys;
  private final CloseableHttpAsyncClient http;

  Api(URI base, Map<String, String> keys) {
    this.base = base;
    this.keys = keys;
    this.http = HttpAsyncClients.custom()
        .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
            .setMaxConnTotal(CONNECTIONS).setMaxConnPerRoute(CONNECTIONS)
            .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5)).build())
            .build())
        .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build())
        .disableAutomaticRetries()
        .build();
    http.start();
  }

  SimpleHttpRequest get(String pathAndQuery, String as, Duration timeout) {
    return builder(SimpleRequestBuilder.get(), pathAndQuery, as, timeout).build();
  }

  /** A read of plain text, such as the Prometheus scrape, which refuses a caller that accepts only JSON. */
  SimpleHttpRequest getText(String pathAndQuery, String as, Duration timeout) {
    return builder(SimpleRequestBuilder.get(), pathAndQuery, as, timeout).setHeader("Accept", "text/plain").build();
  }

  SimpleHttpRequest post(String path, String as, Object body, String idempotencyKey, Duration timeout) {
    SimpleRequestBuilder builder = builder(SimpleRequestBuilder.post(), path, as, timeout)
        .setBody(JSON.writeValueAsString(body), ContentType.APPLICATION_JSON);
    if (idempotencyKey != null) {
      builder.addHeader("Idempotency-Key", idempotencyKey);
    }
    return builder.build();
  }

  CompletableFuture<Response> send(SimpleHttpRequest request) {
    CompletableFuture<Response> answer = new CompletableFuture<>();
    http.execute(request, new FutureCallback<>() {
      @Override
      public void completed(SimpleHttpResponse response) {
        answer.complete(new Response(response.getCode(), text(response)));
      }

      @Override
      public void failed(Exception e) {
        answer.completeExceptionally(e);
      }

      @Override
      public void cancelled() {
        answer.completeExceptionally(new CancellationException("request cancelled"));
      }
    });
    return answer;
  }

  /** A blocking call; {@code null} when there was no answer at all (refused, timed out). */
  Response call(SimpleHttpRequest request) {
    try {
      return send(request).get();
    } catch (ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  JsonNode json(String pathAndQuery, String as) {
    Response response = call(get(pathAndQuery, as, Duration.ofMinutes(2)));
    if (response == null || response.statusCode() != 200) {
      throw new IllegalStateException("GET " + pathAndQuery + " answered " + (response == null ? "nothing" : response.statusCode()
          + ": " + response.body()));
    }
    return JSON.readTree(response.body());
  }

  private SimpleRequestBuilder builder(SimpleRequestBuilder builder, String pathAndQuery, String as, Duration timeout) {
    String key = keys.get(as);
    if (key == null) {
      throw new IllegalArgumentException("No API key for " + as + " in the first start's credentials");
    }
    return builder.setUri(base.resolve(pathAndQuery))
        .setRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timeout)).build())
        .addHeader("Accept", "application/json").addHeader("X-API-Key", key);
  }

  /** The body as the product writes it, UTF-8, whatever the content type says or leaves out. */
  private static String text(SimpleHttpResponse response) {
    byte[] body = response.getBodyBytes();
    return body == null ? "" : new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    http.close(CloseMode.IMMEDIATE);
  }
}
