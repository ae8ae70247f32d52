package cn.changsha.appeals.benchmark;

import cn.changsha.appeals.streams.view.Times;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 4: reads with the stores full, each endpoint on its own at a fixed offered rate (open
 * loop), as the monitor, who may read every one of them. One appeal by id is the kiosk's and the
 * enterprise's everyday read; the queue page a department's workbench; the statistics and the
 * monthly report the dashboard's.
 */
final class QueryLatency {

  private record Endpoint(String name, int rate, boolean heavy, Supplier<String> path, Duration target) {}

  private final Settings settings;
  private final Api api;
  private final KnownAppeals known;

  QueryLatency(Settings settings, Api api, KnownAppeals known) {
    this.settings = settings;
    this.api = api;
    this.known = known;
  }

  Section run() {
    Section section = new Section(Scenario.QUERIES);
    if (known.isEmpty()) {
      return section.failed("no appeals known to ask for: the fill (scenario 2) and scenario 3 were skipped");
    }
    Random random = new Random(settings.seed() + 3);
    List<String> departments = new ArrayList<>();
    for (JsonNode department : api.json("/api/departments", "monitor")) {
      departments.add(department.path("departmentId").asString());
    }
    String month = YearMonth.now(Times.CHANGSHA).toString();
    List<Endpoint> endpoints = List.of(
        new Endpoint("GET /api/appeals/{id}", settings.appealReadRate(), false,
            () -> "/api/appeals/" + known.any(random), Duration.ofMillis(10)),
        new Endpoint("GET /api/departments/{id}/queue?limit=50", settings.queueReadRate(), false,
            () -> "/api/departments/" + departments.get(random.nextInt(departments.size())) + "/queue?limit=50", Duration.ofMillis(20)),
        new Endpoint("GET /api/stats/departments", settings.heavyReadRate(), true, () -> "/api/stats/departments", Duration.ofMillis(50)),
        new Endpoint("GET /api/stats/districts", settings.heavyReadRate(), true, () -> "/api/stats/districts", Duration.ofMillis(50)),
        new Endpoint("GET /api/stats/overview", settings.heavyReadRate(), true, () -> "/api/stats/overview", Duration.ofMillis(50)),
        new Endpoint("GET /api/reports/monthly?month=" + month, settings.heavyReadRate(), true,
            () -> "/api/reports/monthly?month=" + month, Duration.ofMillis(50)));

    section.line(String.format(Locale.ROOT, "With %,d appeals in the stores (%s), each endpoint alone at its offered rate for %s after a "
            + "warm-up of %s, as the monitor, on loopback; random known appeal ids and random departments (%d). At most %d requests "
            + "outstanding (%d for the statistics and the report, which are computed per call); one waiting for a slot is timed "
            + "from its intended instant all the same. Anything but `200` is an error.",
        known.count(), settings.smallerThanDefault() ? "fewer than the default run's" : "the fill and the appeals of scenario 3",
        Durations.format(settings.duration()), Durations.format(settings.warmup()), departments.size(),
        settings.maxInFlight(), settings.maxInFlightHeavy()));
    section.line("");
    section.line("| endpoint | one at a time (median of 3) | offered | achieved | p50 | p99 | p99.9 | max | errors | target p99 |");
    section.line("|---|---|---|---|---|---|---|---|---|---|");
    for (Endpoint endpoint : endpoints) {
      System.out.printf("  %s at %,d/s%n", endpoint.name(), endpoint.rate());
      String alone = alone(endpoint);
      LatencyResult result = new OpenLoop(endpoint.name(), endpoint.rate(), settings.warmup(), settings.duration(), settings.grace(),
          endpoint.heavy() ? settings.maxInFlightHeavy() : settings.maxInFlight())
          .run(shot -> api.send(api.get(endpoint.path().get(), "monitor", Duration.ofSeconds(60)))
              .thenApply(response -> response.statusCode() == 200 ? Outcome.OK : Outcome.failed("HTTP " + response.statusCode())));
      boolean met = result.meets(99, endpoint.target());
      section.line(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s | %s | %s | %s | %s | ≤ %d ms %s |", endpoint.name(), alone, result.offered(),
          result.achieved(), result.at(50), result.at(99), result.at(99.9), result.max(), result.failures(),
          endpoint.target().toMillis(), met ? "met" : "**not met**"));
      section.row(endpoint.name() + " at " + result.offered(), String.format(Locale.ROOT, "p50 %s, p99 %s, p99.9 %s; %s achieved; errors %s",
          result.at(50), result.at(99), result.at(99.9), result.achieved(), result.failures()),
          "p99 ≤ " + endpoint.target().toMillis() + " ms", met);
    }
    section.line("");
    section.line("\"One at a time\" is three calls in a row before the load, each waiting for the one before: what a call costs "
        + "on an idle product, beside what it costs under the offered rate.");
    return section;
  }

  /** The median of three calls in a row: the service time with nothing else going on. */
  private String alone(Endpoint endpoint) {
    long[] micros = new long[3];
    for (int i = 0; i < micros.length; i++) {
      long begin = System.nanoTime();
      var response = api.call(api.get(endpoint.path().get(), "monitor", Duration.ofSeconds(60)));
      if (response == null || response.statusCode() != 200) {
        return "failed (" + (response == null ? "no answer" : "HTTP " + response.statusCode()) + ")";
      }
      micros[i] = (System.nanoTime() - begin) / 1000;
    }
    java.util.Arrays.sort(micros);
    return Latencies.millis(micros[micros.length / 2]);
  }
}
