package cn.changsha.appeals.benchmark;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A fixed-rate load that does not wait for answers: request i is due at start + i / rate, and its
 * latency is measured from that intended instant, not from when it actually left. A slow server
 * therefore shows up as latency (the requests it held up are counted late), instead of quietly
 * lowering the rate (coordinated omission).
 *
 * <p>Outstanding requests are capped, so a server that cannot keep up is not buried under
 * thousands of connections; a request waiting for a slot is still timed from its intended
 * instant. Whatever is unanswered when the grace period after the schedule ends is over is
 * abandoned and counted at its age then, a lower bound of its latency.
 */
final class OpenLoop {

  /** One request: its number, the instant it was due (System.nanoTime), and whether it counts (not warm-up). */
  record Shot(long index, long intendedNanos, boolean measured) {}

  private final String name;
  private final double rate;
  private final Duration warmup;
  private final Duration duration;
  private final Duration grace;
  private final int maxInFlight;

  OpenLoop(String name, double rate, Duration warmup, Duration duration, Duration grace, int maxInFlight) {
    this.name = name;
    this.rate = rate;
    this.warmup = warmup;
    this.duration = duration;
    this.grace = grace;
    this.maxInFlight = maxInFlight;
  }

  /**
   * The warm-up runs first at the same rate and is waited out (up to the grace period) before the
   * measured schedule starts afresh: a warm-up the server could not keep up with would otherwise
   * hand its backlog to the measured requests.
   */
  LatencyResult run(Function<Shot, CompletableFuture<Outcome>> call) {
    long warmupShots = 0;
    if (!warmup.isZero()) {
      warmupShots = phase(name + " warm-up", warmup, false, 0, call).intended();
    }
    return phase(name, duration, true, warmupShots, call);
  }

  /** One schedule of requests; they are numbered from {@code firstIndex}, so no two of a run share a number. */
  private LatencyResult phase(String label, Duration length, boolean measured, long firstIndex,
      Function<Shot, CompletableFuture<Outcome>> call) {
    long total = Math.max(1, Math.round(rate * length.toNanos() / 1e9));
    long begin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
    long deadline = intended(begin, total) + grace.toNanos();

    Semaphore slots = new Semaphore(maxInFlight);
    Recorder recorder = new Recorder(3);
    Histogram latency = new Histogram(3);
    Map<Long, Long> outstanding = new ConcurrentHashMap<>();
    Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    LongAdder ok = new LongAdder();
    AtomicLong sent = new AtomicLong();
    AtomicLong lastAnswer = new AtomicLong(begin);
    long abandoned = 0;

    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(Threads.daemon(label + "-progress"));
    ticker.scheduleAtFixedRate(() -> {
      Histogram interval;
      synchronized (latency) {
        interval = recorder.getIntervalHistogram();
        latency.add(interval);
      }
      double at = (System.nanoTime() - begin) / 1e9;
      System.out.printf("  [%s] %5.1f s: sent %,d of %,d, answered %,d, in flight %d; last 5 s p50 %s p99 %s; errors %d%n",
          label, at, sent.get(), total, ok.sum(), maxInFlight - slots.availablePermits(),
          Latencies.millis(interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(50)),
          Latencies.millis(interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(99)),
          errors.values().stream().mapToLong(LongAdder::sum).sum());
    }, 5, 5, TimeUnit.SECONDS);

    long next = 0;
    try {
      for (; next < total; next++) {
        long due = intended(begin, next);
        for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
          LockSupport.parkNanos(due - now);
        }
        if (!slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          break;
        }
        long index = firstIndex + next;
        outstanding.put(index, due);
        sent.incrementAndGet();
        CompletableFuture<Outcome> answer;
        try {
          answer = call.apply(new Shot(index, due, measured));
        } catch (RuntimeException e) {
          answer = CompletableFuture.completedFuture(Outcome.failed(e.getClass().getSimpleName()));
        }
        answer.whenComplete((outcome, error) -> {
          slots.release();
          long done = System.nanoTime();
          if (outstanding.remove(index) == null) {
            return;
          }
          if (error == null && outcome.ok()) {
            recorder.recordValue(Math.max(1, (done - due) / 1000));
            ok.increment();
            lastAnswer.accumulateAndGet(done, Math::max);
          } else {
            String reason = error != null ? Latencies.reason(error) : outcome.error();
            errors.computeIfAbsent(reason, r -> new LongAdder()).increment();
          }
        });
      }
      long unsentAt = System.nanoTime();
      for (long i = next; i < total; i++) {
        recorder.recordValue(Math.max(1, (unsentAt - intended(begin, i)) / 1000));
        abandoned++;
      }
      while (!outstanding.isEmpty() && System.nanoTime() < deadline) {
        Threads.sleep(Duration.ofMillis(20));
      }
      long giveUpAt = System.nanoTime();
      for (Map.Entry<Long, Long> late : outstanding.entrySet()) {
        if (outstanding.remove(late.getKey()) != null) {
          recorder.recordValue(Math.max(1, (giveUpAt - late.getValue()) / 1000));
          abandoned++;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ticker.shutdownNow();
    }
    synchronized (latency) {
      latency.add(recorder.getIntervalHistogram());
    }
    // Requests given up on may still be running on the server; the next load must not share it with them.
    awaitSlots(slots, Duration.ofSeconds(90));

    Map<String, Long> errorCounts = new TreeMap<>();
    errors.forEach((reason, count) -> errorCounts.put(reason, count.sum()));
    double window = Math.max(length.toNanos(), lastAnswer.get() - begin) / 1e9;
    return new LatencyResult(label, rate, length, total, ok.sum(), errorCounts, abandoned, latency, ok.sum() / window);
  }

  private long intended(long begin, long index) {
    return begin + (long) (index * 1e9 / rate);
  }

  private void awaitSlots(Semaphore slots, Duration within) {
    long until = System.nanoTime() + within.toNanos();
    while (slots.availablePermits() < maxInFlight && System.nanoTime() < until) {
      Threads.sleep(Duration.ofMillis(50));
    }
  }
}
