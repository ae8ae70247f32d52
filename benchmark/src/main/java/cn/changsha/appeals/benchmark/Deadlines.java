package cn.changsha.appeals.benchmark;

import cn.changsha.appeals.kiosk.AppealDraft;
import cn.changsha.appeals.kiosk.AppealSimulator;
import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.schema.EventType;
import cn.changsha.appeals.schema.SlaClock;
import cn.changsha.appeals.schema.SlaClockKind;
import cn.changsha.appeals.streams.calendar.BusinessCalendar;
import cn.changsha.appeals.streams.calendar.HolidaySchedule;
import cn.changsha.appeals.streams.calendar.WorkingPeriod;
import cn.changsha.appeals.streams.config.AppealsProperties;
import cn.changsha.appeals.streams.view.Times;
import cn.changsha.appeals.topics.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Scenario 6: how late a deadline fires while the timer store holds the fill's open deadlines.
 * Real deadlines are hours or days away, so the product runs on its simulated business clock
 * ({@code appeals.clock.start}, {@code appeals.clock.speed}) from the morning of the last working day
 * before the fill: every deadline of the fill lies ahead of that clock and none fires, while urgent
 * appeals filed now (first response due in two working hours) warn and breach within minutes.
 *
 * <p>A warning or breach is late by the real time between the instant its deadline was reached and
 * the moment its event was committed to {@code appeal-alerts} and read by a consumer here. The real
 * instant of a deadline follows from the clock's real origin, which the product writes to
 * {@code <data-dir>/simulated-clock}: origin + (due - start) / speed.
 */
final class Deadlines {

  static final double SPEED = 120;
  private static final Duration SPACING = Duration.ofMillis(500);

  private final Settings settings;
  private final AppProcess app;
  private final Api api;
  private final Kafka kafka;
  private final AppealsProperties appeals;
  private final Commands commands;

  Deadlines(Settings settings, AppProcess app, Api api, Kafka kafka, AppealsProperties appeals, Commands commands) {
    this.settings = settings;
    this.app = app;
    this.api = api;
    this.kafka = kafka;
    this.appeals = appeals;
    this.commands = commands;
  }

  Section run() throws IOException {
    Section section = new Section(Scenario.DEADLINES);
    OffsetDateTime start = businessStart();
    System.out.printf("  restarting the app on a business clock from %s at %.0f× real time%n", start, SPEED);
    app.stop();
    Duration restart = app.start("--appeals.clock.start=" + start, "--appeals.clock.speed=" + SPEED);
    Instant origin = realOrigin();

    Map<String, Integer> probes = new ConcurrentHashMap<>();
    Histogram breachLate = new Histogram(3);
    Histogram warningLate = new Histogram(3);
    Histogram breachFired = new Histogram(3);
    AtomicLong breaches = new AtomicLong();
    AtomicLong early = new AtomicLong();
    Instant lastDue = Instant.now();
    var from = kafka.endOffsets(Topics.ALERTS.name());
    try (Kafka.Tail tail = kafka.tail(from, Topics.ALERTS.valueSerde().deserializer(), record -> {
      Instant seen = Instant.now();
      AppealEvent event = record.value();
      if (event == null || !probes.containsKey(event.getAppealId())
          || (event.getType() != EventType.SLA_BREACHED && event.getType() != EventType.SLA_WARNING)) {
        return;
      }
      SlaClock clock = event.getSlaClock() == SlaClockKind.RESOLUTION ? event.getSla().getResolution() : event.getSla().getFirstResponse();
      boolean breach = event.getType() == EventType.SLA_BREACHED;
      Instant due = breach ? clock.getDueAt() : clock.getWarnAt();
      long lateMicros = Duration.between(realInstant(origin, start, due), seen).toNanos() / 1000;
      if (lateMicros < 0) {
        early.incrementAndGet();
      }
      synchronized (breachLate) {
        (breach ? breachLate : warningLate).recordValue(Math.max(1, lateMicros));
        if (breach) {
          breachFired.recordValue(Math.max(1, (long) (Duration.between(due, event.getAt()).toNanos() / 1000 / SPEED)));
          breaches.incrementAndGet();
        }
      }
    })) {
      AppealSimulator simulator = new AppealSimulator(settings.seed() + 6);
      int filed = 0;
      for (int i = 0; i < settings.probes(); i++) {
        AppealDraft draft = simulator.next();
        AppealDraft urgent = new AppealDraft(draft.enterprise(), draft.district(), draft.category(), draft.title(),
            draft.description(), draft.channel(), "URGENT");
        Api.Response answer = api.call(api.post("/api/appeals", "kiosk-01", urgent, commands.idempotencyKey("deadline", i),
            Duration.ofSeconds(30)));
        if (answer != null && answer.statusCode() == 202) {
          var receipt = Api.JSON.readTree(answer.body());
          probes.put(receipt.path("appealId").asString(), i);
          Instant due = OffsetDateTime.parse(receipt.path("firstResponseDue").asString()).toInstant();
          Instant real = realInstant(origin, start, due);
          lastDue = real.isAfter(lastDue) ? real : lastDue;
          filed++;
        }
        Threads.sleep(SPACING);
      }
      Instant giveUp = lastDue.plusSeconds(60);
      int expected = filed;
      System.out.printf("  %d urgent appeals filed; the last breach is due at %s (in %d s)%n", filed, lastDue,
          Duration.between(Instant.now(), lastDue).toSeconds());
      try (Progress progress = new Progress("deadlines", () -> String.format(Locale.ROOT, "%d of %d breaches seen, %d warnings",
          breaches.get(), expected, warningLate.getTotalCount()))) {
        while (breaches.get() < expected && Instant.now().isBefore(giveUp)) {
          Threads.sleep(Duration.ofMillis(200));
        }
      }
      if (tail.failure() != null) {
        throw tail.failure();
      }
    }
    Map<String, Double> punctuation = punctuationMetrics();

    section.line(String.format(Locale.ROOT, "The app was restarted (ready in %s) on its simulated business clock from %s at %.0f× real "
            + "time, so all the fill's deadlines, which come after the fill, lie ahead of it and stay in the `sla-timers` store "
            + "unfired. %d urgent appeals (first response due two working hours after receipt, a warning at 75%%) were then "
            + "filed through `POST /api/appeals`, one every %d ms. Lateness: from the real instant a deadline was reached "
            + "(the clock's real origin from `<data-dir>/simulated-clock`, plus the business time to the deadline divided by the "
            + "speed) to the moment its event was read, committed, from `appeal-alerts` by a consumer in the benchmark. The timer "
            + "check runs every second of real time on each of the %d tasks.",
        Durations.seconds(restart.toMillis() / 1000.0), start, SPEED, settings.probes(), SPACING.toMillis(), appeals.partitions()));
    section.line("");
    section.line("| alert | n | p50 late | p99 late | max late |");
    section.line("|---|---|---|---|---|");
    section.line(String.format(Locale.ROOT, "| SLA_BREACHED | %d | %s | %s | %s |", breachLate.getTotalCount(), p(breachLate, 50), p(breachLate, 99), max(breachLate)));
    section.line(String.format(Locale.ROOT, "| SLA_WARNING | %d | %s | %s | %s |", warningLate.getTotalCount(), p(warningLate, 50), p(warningLate, 99), max(warningLate)));
    section.line("");
    section.line("- of that, the firing itself (the event's business time minus the deadline, divided by the speed): breaches p50 "
        + p(breachFired, 50) + ", max " + max(breachFired) + "; the rest is writing, committing and reading the event");
    if (early.get() > 0) {
      section.line("- " + early.get() + " alerts were read before their computed real instant (counted as 0): clock rounding");
    }
    if (breachLate.getTotalCount() < settings.probes()) {
      section.line("- " + (settings.probes() - breachLate.getTotalCount()) + " breaches were not seen before giving up");
    }
    boolean met = breachLate.getTotalCount() > 0 && breachLate.getTotalCount() >= settings.probes()
        && breachLate.getMaxValue() <= 2_000_000;
    section.row("breach late (deadline reached → SLA_BREACHED committed and read)", String.format(Locale.ROOT,
        "p50 %s, max %s (%d breaches)", p(breachLate, 50), max(breachLate), breachLate.getTotalCount()), "≤ 2 s", met);
    if (punctuation.isEmpty()) {
      section.line("- the cost of a timer check is not measured: the app's Prometheus endpoint had no Kafka Streams punctuation metrics");
      section.row("cost of a timer check", "not measured");
    } else {
      section.line(String.format(Locale.ROOT, "- cost of a timer check, from Kafka Streams' own thread metrics in `/actuator/prometheus` "
              + "after the run (a punctuation of the stream thread runs the timer checks of its tasks that are due, the only "
              + "punctuator of the topology): average %.3f ms, max %.3f ms, %,.0f punctuations since the restart",
          punctuation.getOrDefault("avg", -1.0), punctuation.getOrDefault("max", -1.0), punctuation.getOrDefault("total", -1.0)));
      section.row("cost of a timer check (punctuation of the stream thread)", String.format(Locale.ROOT, "avg %.3f ms, max %.3f ms",
          punctuation.getOrDefault("avg", -1.0), punctuation.getOrDefault("max", -1.0)));
    }
    section.line("- not measured: many deadlines falling due at the same instant (the close of a working day), whose last one "
        + "waits for all before it in one punctuation");
    return section;
  }

  /**
   * 09:10 on the last working day before today in Changsha: ahead of every deadline of appeals filed
   * today, and inside working hours, so each urgent appeal filed after the restart gets a deadline of
   * its own (one filed before 09:00 would count from 09:00, all at the same instant).
   */
  private OffsetDateTime businessStart() throws IOException {
    Map<Integer, HolidaySchedule> schedules = new TreeMap<>();
    for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/*.json")) {
      try (InputStream in = file.getInputStream()) {
        HolidaySchedule schedule = HolidaySchedule.read(in);
        schedules.put(schedule.year(), schedule);
      }
    }
    BusinessCalendar calendar = new BusinessCalendar(Times.CHANGSHA, WorkingPeriod.parse(appeals.calendar().workingPeriods()), schedules);
    LocalDate day = LocalDate.now(Times.CHANGSHA).minusDays(1);
    while (!calendar.isWorkingDay(day)) {
      day = day.minusDays(1);
    }
    return day.atTime(9, 10).atZone(Times.CHANGSHA).toOffsetDateTime();
  }

  private Instant realOrigin() {
    try {
      List<String> lines = Files.readAllLines(app.dataDir().resolve("simulated-clock"));
      return Instant.parse(lines.get(1).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("the app did not write its simulated clock's origin", e);
    }
  }

  private static Instant realInstant(Instant origin, OffsetDateTime start, Instant business) {
    long businessNanos = Duration.between(start.toInstant(), business).toNanos();
    return origin.plusNanos((long) (businessNanos / SPEED));
  }

  /** Kafka Streams' thread-level punctuation latency, from the app's Prometheus text: avg, max (ms) and total. */
  private Map<String, Double> punctuationMetrics() {
    Map<String, Double> found = new TreeMap<>();
    Api.Response scrape = api.call(api.getText("/actuator/prometheus", "monitor", Duration.ofSeconds(30)));
    if (scrape == null || scrape.statusCode() != 200) {
      return found;
    }
    for (String line : scrape.body().split("\n")) {
      String[] parts = line.split(" ");
      if (line.startsWith("#") || parts.length < 2) {
        continue;
      }
      String name = line.contains("{") ? line.substring(0, line.indexOf('{')) : parts[0];
      String which = switch (name) {
        case "kafka_stream_thread_punctuate_latency_avg" -> "avg";
        case "kafka_stream_thread_punctuate_latency_max" -> "max";
        case "kafka_stream_thread_punctuate_total" -> "total";
        default -> null;
      };
      if (which != null) {
        double value = Double.parseDouble(parts[parts.length - 1]);
        if (!Double.isNaN(value)) {
          found.merge(which, value, Math::max);
        }
      }
    }
    return found;
  }

  private static String p(Histogram histogram, double percentile) {
    return histogram.getTotalCount() == 0 ? "n/a" : Latencies.millis(histogram.getValueAtPercentile(percentile));
  }

  private static String max(Histogram histogram) {
    return histogram.getTotalCount() == 0 ? "n/a" : Latencies.millis(histogram.getMaxValue());
  }
}
