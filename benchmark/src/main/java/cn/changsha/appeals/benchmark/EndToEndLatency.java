package cn.changsha.appeals.benchmark;

import cn.changsha.appeals.kiosk.AppealDraft;
import cn.changsha.appeals.kiosk.AppealSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 3: a kiosk's wait, from the instant an appeal was due to be sent to its receipt saying
 * where it was routed. The intake answers only once the topology has committed the routing, so the
 * receipt is the end of the work chain; for a sample, the department's queue is also read until the
 * appeal is in it. Offered at fixed rates whatever the answers do (open loop).
 */
final class EndToEndLatency {

  private static final Duration QUEUE_WAIT = Duration.ofSeconds(15);
  private static final double QUEUE_SAMPLES_PER_SECOND = 2;

  private final Settings settings;
  private final Api api;
  private final Commands commands;
  private final KnownAppeals known;
  private final Kafka kafka;

  EndToEndLatency(Settings settings, Api api, Commands commands, KnownAppeals known, Kafka kafka) {
    this.kafka = kafka;
    this.settings = settings;
    this.api = api;
    this.commands = commands;
    this.known = known;
  }

  Section run() throws Exception {
    Section section = new Section(Scenario.LATENCY);
    section.line("`POST /api/appeals` as the kiosk, each with its own `Idempotency-Key`, the kiosk simulator's appeals; "
        + "latency from the intended send instant to the `202` receipt with `routed: true` (the intake waits for the "
        + "topology's committed answer). Warm-up of " + Durations.format(settings.warmup()) + " at the same rate, not counted; "
        + "then " + Durations.format(settings.duration()) + " counted. At most " + settings.maxInFlight() + " requests "
        + "outstanding; a request waiting for a slot is timed from its intended instant all the same. A receipt with "
        + "`routed: false` (no answer within the product's 10 s command timeout) counts as an error. About "
        + (int) QUEUE_SAMPLES_PER_SECOND + " appeals a second were also looked for in their department's queue "
        + "(`GET /api/departments/{id}/queue?limit=10000` as the monitor, every 50 ms until found), timed from the same instant. "
        + "Each rate starts once the topology has worked off the commands the previous one left.");
    section.line("");
    section.line("| offered | achieved | p50 | p99 | p99.9 | max | errors | in the queue: n | p50 | p99 | max |");
    section.line("|---|---|---|---|---|---|---|---|---|---|---|");
    AppealSimulator simulator = new AppealSimulator(settings.seed() + 2);
    for (int rate : settings.rates()) {
      System.out.printf("  offered rate %,d appeals/s%n", rate);
      Histogram inQueue = new Histogram(3);
      AtomicLong queueMisses = new AtomicLong();
      ExecutorService pollers = Executors.newFixedThreadPool(2, Threads.daemon("queue-poll"));
      List<CompletableFuture<?>> polls = new ArrayList<>();
      long sampleEvery = Math.max(50, Math.round(rate / QUEUE_SAMPLES_PER_SECOND));
      String stage = "e2e" + rate;
      LatencyResult result = new OpenLoop("POST /api/appeals @" + rate + "/s", rate, settings.warmup(), settings.duration(),
          settings.grace(), settings.maxInFlight()).run(shot -> {
            AppealDraft draft = simulator.next();
            return api.send(api.post("/api/appeals", "kiosk-01", draft, commands.idempotencyKey(stage, shot.index()), Duration.ofSeconds(30)))
                .thenApply(response -> {
                  if (response.statusCode() != 202) {
                    return Outcome.failed("HTTP " + response.statusCode());
                  }
                  JsonNode receipt = Api.JSON.readTree(response.body());
                  if (!receipt.path("routed").asBoolean(false)) {
                    return Outcome.failed("receipt with routed: false");
                  }
                  String appealId = receipt.path("appealId").asString();
                  known.filed(appealId);
                  if (shot.measured() && shot.index() % sampleEvery == 0) {
                    synchronized (polls) {
                      polls.add(CompletableFuture.runAsync(() -> lookInQueue(appealId, receipt.path("departmentId").asString(),
                          shot.intendedNanos(), inQueue, queueMisses), pollers));
                    }
                  }
                  return Outcome.OK;
                });
          });
      synchronized (polls) {
        CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).orTimeout(2, TimeUnit.MINUTES).exceptionally(e -> null).join();
      }
      pollers.shutdownNow();
      // A rate the product could not keep up with leaves commands behind; the next rate starts after them.
      Benchmark.settle(kafka);
      boolean target = rate == 500;
      String sampled = inQueue.getTotalCount()
          + (queueMisses.get() > 0 ? " (+" + queueMisses.get() + " not seen within " + QUEUE_WAIT.toSeconds() + " s)" : "");
      section.line(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |", result.offered(), result.achieved(),
          result.at(50), result.at(99), result.at(99.9), result.max(), result.failures(),
          sampled, p(inQueue, 50), p(inQueue, 99), inQueue.getTotalCount() == 0 ? "n/a" : Latencies.millis(inQueue.getMaxValue())));
      String figure = String.format(Locale.ROOT, "p50 %s, p99 %s, p99.9 %s, max %s; %s achieved; errors %s",
          result.at(50), result.at(99), result.at(99.9), result.max(), result.achieved(), result.failures());
      if (target) {
        section.row("POST → routed receipt at " + result.offered(), figure, "p99 ≤ 300 ms", result.meets(99, Duration.ofMillis(300)));
      } else {
        section.row("POST → routed receipt at " + result.offered(), figure);
      }
    }
    return section;
  }

  private void lookInQueue(String appealId, String departmentId, long intendedNanos, Histogram inQueue, AtomicLong misses) {
    long giveUp = System.nanoTime() + QUEUE_WAIT.toNanos();
    while (System.nanoTime() < giveUp) {
      Api.Response queue = api.call(api.get("/api/departments/" + departmentId + "/queue?limit=10000", "monitor", Duration.ofSeconds(30)));
      if (queue != null && queue.statusCode() == 200 && queue.body().contains(appealId)) {
        synchronized (inQueue) {
          inQueue.recordValue(Math.max(1, (System.nanoTime() - intendedNanos) / 1000));
        }
        return;
      }
      Threads.sleep(Duration.ofMillis(50));
    }
    misses.incrementAndGet();
  }

  private static String p(Histogram histogram, double percentile) {
    return histogram.getTotalCount() == 0 ? "n/a" : Latencies.millis(histogram.getValueAtPercentile(percentile));
  }
}
