package cn.changsha.appeals.benchmark;

import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;

/**
 * Scenario 5: how long the product is unavailable after {@code kill -9}, from the kill to the
 * first good answer for a known appeal and for the statistics (which read every appeal), once with
 * the Streams state left on disk and once with it wiped, so the stores are restored from their
 * changelog topics in the broker's log (which is kept).
 */
final class Recovery {

  private static final Duration GIVE_UP = Duration.ofMinutes(30);

  private record Timing(double ready, double appeal, double statistics) {
    double worst() {
      return Math.max(appeal, statistics);
    }
  }

  private final Settings settings;
  private final AppProcess app;
  private final Api api;
  private final KnownAppeals known;

  Recovery(Settings settings, AppProcess app, Api api, KnownAppeals known) {
    this.settings = settings;
    this.app = app;
    this.api = api;
    this.known = known;
  }

  Section run() {
    Section section = new Section(Scenario.RECOVERY);
    if (known.isEmpty()) {
      return section.failed("no appeal known to ask for: the fill (scenario 2) and scenario 3 were skipped");
    }
    String appealId = known.any(new Random(settings.seed() + 5));
    Api.Response before = api.call(api.get("/api/appeals/" + appealId, "monitor", Duration.ofSeconds(30)));
    if (before == null || before.statusCode() != 200) {
      return section.failed("appeal " + appealId + " was not readable before the kill: " + (before == null ? "no answer" : before.statusCode()));
    }
    Timing kept = measure(false, appealId);
    Timing wiped = measure(true, appealId);
    section.line(String.format(Locale.ROOT, "The app's JVM killed with SIGKILL (`Process.destroyForcibly`) while idle, with %,d appeals in "
        + "its stores, and started again at once on the same data directory; timed from the kill to the first `200` for "
        + "`GET /api/appeals/{id}` of a known appeal and for `GET /api/stats/departments` (polled every 100 ms, as the monitor). "
        + "The in-process broker dies with the app and restarts with it. Then the same with `<data-dir>/streams` deleted before "
        + "the restart (the broker's log kept), so every store is restored from its changelog.", known.count()));
    section.line("");
    section.line("| restart | ready (readiness 200) | appeal answered | statistics answered | target |");
    section.line("|---|---|---|---|---|");
    row(section, "state kept", kept, 20);
    row(section, "state wiped, restored from changelogs", wiped, 60);
    for (Timing timing : new Timing[] {kept, wiped}) {
      if (Math.min(timing.appeal(), timing.statistics()) < timing.ready() - 0.5) {
        section.line("");
        section.line("- an answer of `200` came before readiness did (" + Durations.seconds(Math.min(timing.appeal(), timing.statistics()))
            + " against " + Durations.seconds(timing.ready()) + "): whether it was complete, and not read from stores still being "
            + "restored, is not checked here");
        break;
      }
    }
    return section;
  }

  private void row(Section section, String what, Timing timing, int targetSeconds) {
    boolean met = timing.worst() <= targetSeconds;
    section.line(String.format(Locale.ROOT, "| %s | %s | %s | %s | ≤ %d s %s |", what, Durations.seconds(timing.ready()),
        Durations.seconds(timing.appeal()), Durations.seconds(timing.statistics()), targetSeconds, met ? "met" : "**not met**"));
    section.row("kill -9 → answers again, " + what, String.format(Locale.ROOT, "appeal %s, statistics %s (ready %s)",
        Durations.seconds(timing.appeal()), Durations.seconds(timing.statistics()), Durations.seconds(timing.ready())),
        "≤ " + targetSeconds + " s", met);
  }

  private Timing measure(boolean wipe, String appealId) {
    System.out.printf("  kill -9 (pid %d), then restart%s%n", app.pid(), wipe ? " with the Streams state wiped" : "");
    long killedAt = System.nanoTime();
    app.kill();
    if (wipe) {
      Dirs.delete(app.dataDir().resolve("streams"));
    }
    app.launch();
    // Three pollers of their own: the common pool has a single thread on two cores and would take them in turn.
    ExecutorService pollers = Executors.newFixedThreadPool(3, Threads.daemon("recovery-poll"));
    CompletableFuture<Double> ready = CompletableFuture.supplyAsync(() -> until(killedAt, app::ready), pollers);
    CompletableFuture<Double> appeal = CompletableFuture.supplyAsync(() ->
        until(killedAt, () -> ok(api.get("/api/appeals/" + appealId, "monitor", Duration.ofSeconds(30)))), pollers);
    CompletableFuture<Double> statistics = CompletableFuture.supplyAsync(() ->
        until(killedAt, () -> ok(api.get("/api/stats/departments", "monitor", Duration.ofMinutes(2)))), pollers);
    try (Progress progress = new Progress(wipe ? "recovery, wiped" : "recovery, kept", () -> "ready " + done(ready)
        + ", appeal " + done(appeal) + ", statistics " + done(statistics))) {
      Timing timing = new Timing(ready.join(), appeal.join(), statistics.join());
      System.out.printf("  ready after %s, appeal after %s, statistics after %s%n", Durations.seconds(timing.ready()),
          Durations.seconds(timing.appeal()), Durations.seconds(timing.statistics()));
      return timing;
    } finally {
      pollers.shutdownNow();
    }
  }

  private static String done(CompletableFuture<Double> step) {
    return step.isDone() && !step.isCompletedExceptionally() ? Durations.seconds(step.join()) : "not yet";
  }

  private boolean ok(SimpleHttpRequest request) {
    Api.Response response = api.call(request);
    return response != null && response.statusCode() == 200;
  }

  private double until(long since, java.util.function.BooleanSupplier good) {
    long giveUp = since + GIVE_UP.toNanos();
    while (!good.getAsBoolean()) {
      if (System.nanoTime() > giveUp) {
        throw new IllegalStateException("no good answer within " + GIVE_UP);
      }
      if (!app.alive()) {
        throw new IllegalStateException("the app exited while recovering; see " + app.log());
      }
      Threads.sleep(Duration.ofMillis(100));
    }
    return (System.nanoTime() - since) / 1e9;
  }
}
