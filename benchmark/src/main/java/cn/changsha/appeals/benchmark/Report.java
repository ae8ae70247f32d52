package cn.changsha.appeals.benchmark;

import cn.changsha.appeals.streams.config.AppealsProperties;
import cn.changsha.appeals.streams.view.Times;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Markdown the run leaves behind, between two markers in {@code docs/PERFORMANCE.md}, so that
 * anything written there by hand stays. It always says how big the run was and on what machine: a
 * figure without its settings is not worth keeping.
 */
final class Report {

  static final String START = "<!-- results:start -->";
  static final String END = "<!-- results:end -->";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Settings settings;
  private final Machine machine;
  private final AppealsProperties appeals;
  private final ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);
  private final List<Section> sections = new ArrayList<>();
  private final Set<Scenario> skipped;

  Report(Settings settings, Machine machine, AppealsProperties appeals, Set<Scenario> skipped) {
    this.settings = settings;
    this.machine = machine;
    this.appeals = appeals;
    this.skipped = skipped;
  }

  void add(Section section) {
    sections.add(section);
  }

  String markdown(Duration took) {
    StringBuilder md = new StringBuilder();
    md.append("## Results\n\n");
    md.append(String.format(Locale.ROOT, "_Written by the benchmark (`benchmark/`) on %s Changsha time (%s UTC); the run took %s._%n%n",
        started.withZoneSameInstant(Times.CHANGSHA).format(WHEN), started.format(WHEN), Durations.format(took)));
    if (settings.smallerThanDefault()) {
      md.append(String.format(Locale.ROOT, "> **A small run: %,d appeals, %s per measured load** (the default run fills %,d appeals "
              + "and measures 30 s per load). It shows the benchmark working; its figures are not the product's performance at scale.%n%n",
          settings.appeals(), Durations.format(settings.duration()), Settings.DEFAULT_APPEALS));
    }
    md.append("| | |\n|---|---|\n");
    md.append(String.format(Locale.ROOT, "| machine | %d cores (%s), %s memory, %s |%n", machine.cores(), machine.cpu(), machine.memory(), machine.os()));
    md.append("| JVM | ").append(machine.jvm()).append(" (the benchmark and the app alike) |\n");
    md.append(String.format(Locale.ROOT, "| app | `%s`, its in-process broker; %d partitions, "
            + "exactly_once_v2, commit interval %d ms, replication factor %d; the benchmark shares the machine's cores with it |%n",
        settings.launch(), appeals.partitions(), appeals.commitInterval().toMillis(), appeals.replicationFactor()));
    md.append("| command | `").append(settings.commandLine()).append("` |\n");
    md.append(String.format(Locale.ROOT, "| size | %,d appeals filled (scenario 2); %,d records in the baseline |%n",
        settings.appeals(), settings.baselineRecords()));
    md.append(String.format(Locale.ROOT, "| loads | open loop; intake at %s appeals/s; reads at %,d/s (one appeal), %,d/s (queue page), "
            + "%,d/s (statistics, report); warm-up %s, then %s measured, each; at most %d requests outstanding (%d for statistics) |%n",
        settings.rates().stream().map(r -> String.format(Locale.ROOT, "%,d", r)).collect(Collectors.joining(", ")),
        settings.appealReadRate(), settings.queueReadRate(), settings.heavyReadRate(), Durations.format(settings.warmup()),
        Durations.format(settings.duration()), settings.maxInFlight(), settings.maxInFlightHeavy()));
    if (!skipped.isEmpty()) {
      md.append("| skipped | ").append(skipped.stream().map(s -> s.number + " " + s.title).collect(Collectors.joining(", "))).append(" |\n");
    }
    md.append("\n### Summary\n\n| # | measure | figure | target | |\n|---|---|---|---|---|\n");
    List<Section> ordered = new ArrayList<>(sections);
    ordered.sort(Comparator.comparing(s -> s.scenario.number));
    for (Section section : ordered) {
      if (section.failure() != null) {
        md.append("| ").append(section.scenario.number).append(" | ").append(section.scenario.title)
            .append(" | failed: ").append(cell(section.failure())).append(" | | |\n");
      }
      for (Section.Row row : section.rows) {
        md.append("| ").append(section.scenario.number).append(" | ").append(cell(row.measure())).append(" | ")
            .append(cell(row.figure())).append(" | ").append(cell(row.target())).append(" | ")
            .append(row.met() == null ? "" : row.met() ? "met" : "**not met**").append(" |\n");
      }
    }
    for (Section section : ordered) {
      md.append("\n### ").append(section.scenario.number).append(". ").append(section.scenario.title).append("\n\n");
      if (section.failure() != null) {
        md.append("**Failed:** ").append(section.failure()).append("\n\n");
      }
      md.append(section.detail);
    }
    return md.toString();
  }

  /** Writes the results between the markers of {@code out}, keeping whatever else the file says. */
  void write(Path out, Duration took) throws IOException {
    String results = START + "\n" + markdown(took).strip() + "\n" + END;
    String text;
    if (Files.exists(out)) {
      String existing = Files.readString(out, StandardCharsets.UTF_8);
      int from = existing.indexOf(START);
      int to = existing.indexOf(END);
      text = from >= 0 && to > from
          ? existing.substring(0, from) + results + existing.substring(to + END.length())
          : existing.stripTrailing() + "\n\n" + results + "\n";
    } else {
      text = """
          # Performance

          Speed and scale of the appeal tracker, measured side by side by the `benchmark` module
          (see `benchmark/README.md` for the command and its options). Everything between the two
          markers below is written by the benchmark and replaced by its next run; text outside them
          is kept.

          """ + results + "\n";
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(out, text, StandardCharsets.UTF_8);
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
