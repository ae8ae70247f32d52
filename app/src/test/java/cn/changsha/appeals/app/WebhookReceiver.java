package cn.changsha.appeals.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A department's system as a webhook sees it: an HTTP server on loopback that checks each call's
 * signature, keeps what it accepted, and can be told to refuse calls for a while (answering 503),
 * to refuse the next few, or to be stopped and started again on the same port.
 */
final class WebhookReceiver implements AutoCloseable {

  record Call(String eventId, String appealId, long sequence, String type, boolean signatureValid) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String secret;
  private final int port;
  private final List<Call> accepted = new ArrayList<>();
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicInteger refuseNext = new AtomicInteger();
  private final AtomicInteger slowNext = new AtomicInteger();
  private final AtomicInteger repeats = new AtomicInteger();
  private volatile long slowMillis;
  private volatile boolean refuseAll;
  private HttpServer server;

  WebhookReceiver(String secret) {
    this.secret = secret;
    this.port = Tracker.Ports.free().http();
    start();
  }

  String url() {
    return "http://127.0.0.1:" + port + "/appeals";
  }

  void start() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/appeals", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      boolean refuse = refuseAll || refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
      if (refuse) {
        refused.incrementAndGet();
        exchange.sendResponseHeaders(503, -1);
        exchange.close();
        return;
      }
      String signature = exchange.getRequestHeaders().getFirst("X-Appeals-Signature");
      JsonNode delivery = JSON.readTree(body);
      String eventId = exchange.getRequestHeaders().getFirst("X-Appeals-Event-Id");
      synchronized (accepted) {
        // As the receivers are asked to: a repeat of an event already taken is dropped by its id.
        if (accepted.stream().anyMatch(call -> call.eventId().equals(eventId))) {
          repeats.incrementAndGet();
        } else {
          accepted.add(new Call(eventId, delivery.path("appeal").path("appealId").asString(),
              delivery.path("event").path("sequence").asLong(), delivery.path("event").path("type").asString(),
              valid(signature, new String(body, StandardCharsets.UTF_8))));
        }
      }
      if (slowNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        try {
          Thread.sleep(slowMillis); // took it, but answers too late
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
  }

  void stop() {
    server.stop(0);
  }

  void refuseAll(boolean refuse) {
    this.refuseAll = refuse;
  }

  void refuseNext(int calls) {
    refuseNext.set(calls);
  }

  /** The next {@code calls} calls are taken but answered only after {@code millis}. */
  void slowNext(int calls, long millis) {
    this.slowMillis = millis;
    slowNext.set(calls);
  }

  int repeats() {
    return repeats.get();
  }

  int refused() {
    return refused.get();
  }

  List<Call> accepted() {
    synchronized (accepted) {
      return List.copyOf(accepted);
    }
  }

  List<Call> acceptedFor(String appealId) {
    return accepted().stream().filter(c -> c.appealId().equals(appealId)).toList();
  }

  /** t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">, within five minutes of now. */
  private boolean valid(String header, String body) {
    if (header == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
      return false;
    }
    String t = header.substring(2, header.indexOf(','));
    if (Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t)) > 300) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
      return header.endsWith("v1=" + expected);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    stop();
  }

  static List<Long> sequences(List<Call> calls) {
    List<Long> sequences = new ArrayList<>();
    calls.forEach(c -> sequences.add(c.sequence()));
    return sequences;
  }
}
