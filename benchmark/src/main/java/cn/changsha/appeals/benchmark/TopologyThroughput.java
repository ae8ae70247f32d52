package cn.changsha.appeals.benchmark;

import cn.changsha.appeals.kiosk.AppealSimulator;
import cn.changsha.appeals.schema.AppealCommand;
import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.schema.EventType;
import cn.changsha.appeals.topics.Topics;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;

/**
 * Scenario 2: the product's topology at full speed. SUBMIT commands go straight onto
 * {@code appeal-commands}, as the intake writes them, and the clock stops when every resulting
 * SUBMITTED and ROUTED event has been committed to {@code appeal-events}. The same step fills the
 * stores for the later scenarios; afterwards most appeals are taken further (acknowledged,
 * resolved, rated) by commands that answer the events as they are read back, so the queues hold
 * what a city's would, not a million untouched appeals.
 */
final class TopologyThroughput {

  private static final Duration STALL = Duration.ofMinutes(3);

  private final Settings settings;
  private final Kafka kafka;
  private final Commands commands;
  private final KnownAppeals known;

  TopologyThroughput(Settings settings, Kafka kafka, Commands commands, KnownAppeals known) {
    this.settings = settings;
    this.kafka = kafka;
    this.commands = commands;
    this.known = known;
  }

  Section run(double baselineRecordsPerSecond) throws Exception {
    Section section = new Section(Scenario.TOPOLOGY);
    int appeals = settings.appeals();
    Map<TopicPartition, Long> start = kafka.endOffsets(Topics.APPEAL_EVENTS.name());
    long offsetsBefore = kafka.offsetsTaken();

    AtomicLong submitted = new AtomicLong();
    AtomicLong routed = new AtomicLong();
    AtomicLong sent = new AtomicLong();
    long begin = System.nanoTime();
    long producerDone;
    long end;
    try (Kafka.Tail tail = kafka.tail(start, Topics.APPEAL_EVENTS.valueSerde().deserializer(), record -> {
      AppealEvent event = record.value();
      if (event != null && commands.appealNumber(FillPlan.STAGE, event.getCommandId()) >= 0) {
        (event.getType() == EventType.SUBMITTED ? submitted : routed).incrementAndGet();
      }
    });
         Progress progress = new Progress("topology", () -> String.format(Locale.ROOT,
             "sent %,d of %,d submissions; events committed: %,d SUBMITTED, %,d ROUTED (%,.0f events/s so far)",
             sent.get(), appeals, submitted.get(), routed.get(), (submitted.get() + routed.get()) / ((System.nanoTime() - begin) / 1e9)))) {
      AppealSimulator simulator = new AppealSimulator(settings.seed() + 1);
      try (KafkaProducer<String, AppealCommand> producer = kafka.producer(Topics.APPEAL_COMMANDS.valueSerde().serializer())) {
        for (int n = 0; n < appeals; n++) {
          AppealCommand command = commands.submit(FillPlan.STAGE, n, simulator.next());
          producer.send(Commands.record(Topics.APPEAL_COMMANDS.name(), command.getAppealId(), command), (metadata, error) -> {
            if (error == null) {
              sent.incrementAndGet();
            }
          });
        }
        producer.flush();
      }
      producerDone = System.nanoTime();
      awaitCount(() -> submitted.get() + routed.get(), 2L * appeals, tail, "SUBMITTED and ROUTED events");
      end = System.nanoTime();
    }
    known.filled(appeals);
    long written = kafka.offsetsTaken() - offsetsBefore;

    double seconds = (end - begin) / 1e9;
    double eventsPerSecond = 2.0 * appeals / seconds;
    double commandsPerSecond = appeals / seconds;
    section.line(String.format(Locale.ROOT,
        "%,d SUBMIT commands (the kiosk simulator's appeals: nine districts, fourteen categories, about one in ten "
            + "with a green card) were written to `appeal-commands` by one producer in the benchmark's JVM (idempotent, acks=all, "
            + "done after %s), while the app's topology read them. Timed from the first send to the moment the last of the "
            + "%,d SUBMITTED and ROUTED events was committed to `appeal-events` (read_committed consumer). Each submission is "
            + "also answered on `appeal-command-results`, written to its department's topic and to `webhook-deliveries`, "
            + "and counted for hotspots; the state, queue and timer stores and their changelogs change with it.",
        appeals, Durations.seconds((producerDone - begin) / 1e9), 2L * appeals));
    section.line("");
    section.line(String.format(Locale.ROOT, "- %,d submissions in %s: **%,.0f lifecycle events/s** (%,.0f submissions/s)",
        appeals, Durations.seconds(seconds), eventsPerSecond, commandsPerSecond));
    section.row("lifecycle events (SUBMITTED + ROUTED)", String.format(Locale.ROOT, "%,.0f events/s (%,.0f submissions/s)",
        eventsPerSecond, commandsPerSecond));
    if (baselineRecordsPerSecond > 0) {
      double ratio = eventsPerSecond / baselineRecordsPerSecond;
      section.row("events/s as a share of the baseline's records/s", String.format(Locale.ROOT, "%.0f%% (submissions: %.0f%%)",
          100 * ratio, 100 * commandsPerSecond / baselineRecordsPerSecond), "≥ 50%", ratio >= 0.5);
      section.line(String.format(Locale.ROOT, "- against the baseline's %,.0f records/s: %.0f%% in lifecycle events, %.0f%% in commands read",
          baselineRecordsPerSecond, 100 * ratio, 100 * commandsPerSecond / baselineRecordsPerSecond));
    } else {
      section.unjudged("share of the baseline", "not compared: the baseline was skipped", "≥ 50%");
    }
    section.line(String.format(Locale.ROOT, "- meanwhile %,d offsets were taken on the topics (the commands, and what the topology "
            + "wrote: events, answers, department and webhook copies, changelogs, repartition records, transaction markers): "
            + "%.1f per submission, %,.0f/s; the baseline takes two per record (its input, written beforehand, and its output)",
        written, (double) written / appeals, written / seconds));
    section.line("- the producer ran in the same two cores while the topology worked, for the first "
        + Durations.seconds((producerDone - begin) / 1e9) + "; the baseline's input was written before its topology started");

    moveOn(section, start);
    return section;
  }

  /** Takes most appeals of the fill on through their life cycle, driven by their own events. */
  private void moveOn(Section section, Map<TopicPartition, Long> start) throws Exception {
    int appeals = settings.appeals();
    FillPlan plan = new FillPlan(commands);
    AtomicLong finished = new AtomicLong();
    AtomicLong actions = new AtomicLong();
    AtomicLong newEvents = new AtomicLong();
    long begin = System.nanoTime();
    try (KafkaProducer<String, AppealCommand> producer = kafka.producer(Topics.APPEAL_COMMANDS.valueSerde().serializer());
         Kafka.Tail tail = kafka.tail(start, Topics.APPEAL_EVENTS.valueSerde().deserializer(), record -> {
           AppealEvent event = record.value();
           long n = event == null ? -1 : commands.appealNumber(FillPlan.STAGE, event.getCommandId());
           if (n < 0) {
             return;
           }
           if (event.getType() != EventType.SUBMITTED && event.getType() != EventType.ROUTED) {
             newEvents.incrementAndGet();
           }
           if (FillPlan.finishes(n, event)) {
             finished.incrementAndGet();
           }
           plan.next(n, event).ifPresent(command -> {
             producer.send(Commands.record(Topics.APPEAL_COMMANDS.name(), command.getAppealId(), command));
             actions.incrementAndGet();
           });
         });
         Progress progress = new Progress("life cycle", () -> String.format(Locale.ROOT,
             "%,d actions sent, %,d events back, %,d of %,d appeals where their plan ends", actions.get(), newEvents.get(),
             finished.get(), appeals))) {
      awaitCount(finished::get, appeals, tail, "appeals at the end of their plan");
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    section.line("");
    section.line("Then the appeals were taken on by commands answering their own events as they were read back (department "
        + "actions as the routed department, ratings as the enterprise): " + FillPlan.describe() + ".");
    section.line(String.format(Locale.ROOT, "- %,d actions in %s: %,.0f commands/s, %,.0f lifecycle events/s "
            + "(read back, answered and written concurrently, so not comparable with the submissions above)",
        actions.get(), Durations.seconds(seconds), actions.get() / seconds, newEvents.get() / seconds));
    section.row("fill of the stores (then " + String.format(Locale.ROOT, "%,d", appeals) + " appeals)",
        String.format(Locale.ROOT, "%,d actions after the submissions, %,.0f commands/s", actions.get(), actions.get() / seconds));
  }

  private static void awaitCount(LongSupplier count, long expected, Kafka.Tail tail, String what) {
    long last = -1;
    long lastChange = System.nanoTime();
    while (count.getAsLong() < expected) {
      if (tail.failure() != null) {
        throw tail.failure();
      }
      long now = count.getAsLong();
      if (now != last) {
        last = now;
        lastChange = System.nanoTime();
      } else if (System.nanoTime() - lastChange > STALL.toNanos()) {
        throw new IllegalStateException(String.format(Locale.ROOT, "stalled at %,d of %,d %s for %s", now, expected, what, STALL));
      }
      Threads.sleep(Duration.ofMillis(20));
    }
  }
}
