package cn.changsha.appeals.app;

import cn.changsha.appeals.kiosk.AppealDraft;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A workload whose end is known before it starts: appeal {@code i} follows plan {@code i mod 7}
 * (left routed, acknowledged, resolved, closed, withdrawn, transferred, reopened). Each step is
 * sent until the appeal's timeline shows it, whatever happens to the server meanwhile (refused
 * connections, 503s, answers that never came): a retry is either a duplicate submission (same
 * idempotency key) or a command its state refuses, so it can never add an event.
 */
final class ScriptedWorkload {

  static final String HOME = "430104-ENV";
  static final String ELSEWHERE = "430104-MARKET";
  static final JsonMapper json = JsonMapper.builder().build();

  /** One step: the action, its body, whether the enterprise takes it, and the event that shows it happened. */
  record Step(String action, Map<String, Object> body, boolean byEnterprise, String shownBy) {}

  enum Plan {
    LEFT_ROUTED("ROUTED", HOME),
    ACKNOWLEDGED("ACKNOWLEDGED", HOME, ack()),
    RESOLVED("RESOLVED", HOME, ack(), resolve()),
    CLOSED("CLOSED", HOME, ack(), resolve(), new Step("evaluate", Map.of("rating", 5), true, "EVALUATED")),
    WITHDRAWN("WITHDRAWN", HOME, new Step("withdraw", Map.of("reason", "已自行解决"), true, "WITHDRAWN")),
    TRANSFERRED("ROUTED", ELSEWHERE,
        new Step("transfer", Map.of("toDepartmentId", ELSEWHERE, "reason", "属于市场监管职责"), false, "TRANSFERRED")),
    REOPENED("REOPENED", HOME, ack(), resolve(), new Step("evaluate", Map.of("rating", 1), true, "EVALUATED"));

    final String status;
    final String department;
    final List<Step> steps;

    Plan(String status, String department, Step... steps) {
      this.status = status;
      this.department = department;
      this.steps = List.of(steps);
    }

    /** The life-cycle events the appeal must end with, in order, each once. */
    List<String> events() {
      List<String> events = new ArrayList<>(List.of("SUBMITTED", "ROUTED"));
      for (Step step : steps) {
        events.add(step.shownBy());
        if (step.action().equals("evaluate")) {
          events.add(((Integer) step.body().get("rating")) >= 3 ? "CLOSED" : "REOPENED");
        }
      }
      return events;
    }

    boolean open() {
      return status.equals("ROUTED") || status.equals("ACKNOWLEDGED") || status.equals("REOPENED");
    }

    private static Step ack() {
      return new Step("acknowledge", Map.of(), false, "ACKNOWLEDGED");
    }

    private static Step resolve() {
      return new Step("resolve", Map.of("resolution", "已办结"), false, "RESOLVED");
    }
  }

  /** An appeal of the workload, once filed. */
  record Filed(int index, Plan plan, String appealId, String trackingNumber, String receiptSecret) {}

  private final Supplier<URI> base;
  private final Supplier<Map<String, String>> keys;
  private final String run;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  final Map<Integer, Filed> filed = new ConcurrentHashMap<>();
  final AtomicInteger commandsSent = new AtomicInteger();
  final AtomicInteger failedCalls = new AtomicInteger();

  /** @param keys the API keys by name, read when first needed (the first start writes them) */
  ScriptedWorkload(Supplier<URI> base, Supplier<Map<String, String>> keys, String run) {
    this.base = base;
    this.keys = keys;
    this.run = run;
  }

  static Plan planOf(int index) {
    return Plan.values()[index % Plan.values().length];
  }

  /** {@link #run} in the background, for tests that do something to the system meanwhile. */
  CompletableFuture<Void> start(int count, int workers, Duration pace) {
    return CompletableFuture.runAsync(() -> {
      try {
        run(count, workers, pace);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** Runs appeals 0..count-1 on {@code workers} threads, each pausing {@code pace} between calls. */
  void run(int count, int workers, Duration pace) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      done.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          Filed appeal = submit(i, pace);
          filed.put(i, appeal);
          for (Step step : appeal.plan().steps) {
            while (!shown(appeal, step.shownBy())) {
              act(appeal, step);
              ProcessTracker.pause(pace);
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
  }

  private Filed submit(int index, Duration pace) {
    AppealDraft draft = Drafts.aikerui("故障测试诉求 " + run + "-" + index);
    while (true) {
      Optional<JsonNode> receipt = call(builder("/api/appeals", "kiosk-01", null)
          .header("Content-Type", "application/json").header("Idempotency-Key", "faults-" + run + "-" + index)
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(draft))), 202);
      if (receipt.isPresent()) {
        JsonNode r = receipt.get();
        return new Filed(index, planOf(index), r.path("appealId").asString(), r.path("trackingNumber").asString(),
            r.path("receiptSecret").asString());
      }
      ProcessTracker.pause(pace);
    }
  }

  private void act(Filed appeal, Step step) {
    commandsSent.incrementAndGet();
    call(builder("/api/appeals/" + appeal.appealId() + "/" + step.action(), step.byEnterprise() ? null : HOME, step.byEnterprise() ? appeal : null)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(step.body()))), 200);
  }

  private boolean shown(Filed appeal, String eventType) {
    Optional<JsonNode> state = read(appeal.appealId());
    if (state.isEmpty()) {
      return false;
    }
    for (JsonNode event : state.get().path("timeline")) {
      if (event.path("type").asString().equals(eventType)) {
        return true;
      }
    }
    return false;
  }

  /** The appeal as a monitor reads it, if the server answers now. */
  Optional<JsonNode> read(String appealId) {
    return call(builder("/api/appeals/" + appealId, "monitor", null).GET(), 200);
  }

  Optional<JsonNode> get(String path) {
    return call(builder(path, "monitor", null).GET(), 200);
  }

  private HttpRequest.Builder builder(String path, String keyName, Filed enterprise) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.get().resolve(path)).timeout(Duration.ofSeconds(15));
    if (enterprise != null) {
      String pair = enterprise.trackingNumber() + ":" + enterprise.receiptSecret();
      return request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    return request.header("X-API-Key", keys.get().get(keyName));
  }

  /** The body if the answer has the expected status; empty for anything else, connection failures included. */
  private Optional<JsonNode> call(HttpRequest.Builder request, int expected) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == expected) {
        return Optional.of(json.readTree(response.body()));
      }
      if (response.statusCode() >= 500) {
        failedCalls.incrementAndGet();
      }
      return Optional.empty();
    } catch (IOException e) {
      failedCalls.incrementAndGet();
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
