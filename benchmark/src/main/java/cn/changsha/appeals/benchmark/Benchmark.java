package cn.changsha.appeals.benchmark;

import cn.changsha.appeals.streams.config.AppealStreamsConfiguration;
import cn.changsha.appeals.streams.config.AppealsProperties;
import cn.changsha.appeals.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.bind.Binder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the product ({@code app/target/appeal-tracker.jar}) in a process of its own and measures it
 * in one go, scenario after scenario, on the same in-process broker; writes the figures into
 * {@code docs/PERFORMANCE.md}.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Measures the appeal tracker's speed and scale side by side and writes the results into a Markdown file.",
        "Scenarios: baseline, topology, latency, queries, memory, recovery, deadlines."})
public final class Benchmark implements Callable<Integer> {

  @Option(names = "--appeals", defaultValue = "1000000", description = "Appeals filled into the stores (scenario 2). Default ${DEFAULT-VALUE}.")
  int appeals;

  @Option(names = "--baseline-records", description = "Records the baseline copies. Default: as many as --appeals.")
  Integer baselineRecords;

  @Option(names = "--rates", split = ",", defaultValue = "100,500,2000", description = "Offered intake rates, appeals/s (scenario 3). Default ${DEFAULT-VALUE}.")
  List<Integer> rates;

  @Option(names = "--duration", defaultValue = "30s", converter = Durations.class, description = "Measured time of each open-loop load. Default ${DEFAULT-VALUE}.")
  Duration duration;

  @Option(names = "--warmup", defaultValue = "15s", converter = Durations.class,
      description = "Uncounted warm-up before each load, long enough for the JIT to compile the path under load. Default ${DEFAULT-VALUE}.")
  Duration warmup;

  @Option(names = "--grace", defaultValue = "30s", converter = Durations.class,
      description = "How long after a load's schedule its answers are awaited before they are given up. Default ${DEFAULT-VALUE}.")
  Duration grace;

  @Option(names = "--appeal-read-rate", defaultValue = "2000", description = "GET /api/appeals/{id} per second. Default ${DEFAULT-VALUE}.")
  int appealReadRate;

  @Option(names = "--queue-read-rate", defaultValue = "100", description = "Queue pages per second. Default ${DEFAULT-VALUE}.")
  int queueReadRate;

  @Option(names = "--heavy-read-rate", defaultValue = "20", description = "Statistics and monthly reports per second. Default ${DEFAULT-VALUE}.")
  int heavyReadRate;

  @Option(names = "--max-in-flight", defaultValue = "256", description = "Requests outstanding at most. Default ${DEFAULT-VALUE}.")
  int maxInFlight;

  @Option(names = "--max-in-flight-heavy", defaultValue = "2", description = "Statistics and report requests outstanding at most. Default ${DEFAULT-VALUE}.")
  int maxInFlightHeavy;

  @Option(names = "--probes", defaultValue = "40", description = "Urgent appeals whose deadlines are timed (scenario 6). Default ${DEFAULT-VALUE}.")
  int probes;

  @Option(names = "--skip", split = ",", description = "Scenarios to leave out.")
  Set<Scenario> skip = EnumSet.noneOf(Scenario.class);

  @Option(names = "--only", split = ",", description = "Run only these scenarios.")
  Set<Scenario> only = EnumSet.noneOf(Scenario.class);

  @Option(names = "--app-jar", description = "The product's all-in-one jar. Default: app/target/appeal-tracker.jar of this project.")
  Path appJar;

  @Option(names = "--data-dir", description = "A fresh data directory for the app (emptied first). Default: benchmark/target/bench-data.")
  Path dataDir;

  @Option(names = "--keep-data", description = "Leave the data directory when done (it is deleted by default: it can be tens of GB).")
  boolean keepData;

  @Option(names = "--out", defaultValue = "docs/PERFORMANCE.md", description = "The Markdown file the results go into. Default ${DEFAULT-VALUE}.")
  Path out;

  @Option(names = "--heap", defaultValue = "768m", description = "The app's -Xmx (the README recommends 768m). Default ${DEFAULT-VALUE}.")
  String heap;

  @Option(names = "--malloc-arenas", defaultValue = "2",
      description = "MALLOC_ARENA_MAX for the app, as the README recommends; 0 leaves glibc's default. Default ${DEFAULT-VALUE}.")
  int mallocArenas;

  @Option(names = "--jvm-option", paramLabel = "OPTION",
      description = "A further option for the app's JVM, e.g. -XX:MaxGCPauseMillis=20; repeat for more. None by default.")
  List<String> jvmOptions = new ArrayList<>();

  @Option(names = "--seed", defaultValue = "2019", description = "Seed of the simulated appeals. Default ${DEFAULT-VALUE}.")
  long seed;

  private String[] args = new String[0];

  public static void main(String[] args) {
    Benchmark benchmark = new Benchmark();
    benchmark.args = args;
    CommandLine cli = new CommandLine(benchmark).setCaseInsensitiveEnumValuesAllowed(true);
    System.exit(cli.execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path root = projectRoot();
    Settings settings = new Settings(appeals, baselineRecords == null ? appeals : baselineRecords, List.copyOf(rates), duration, warmup,
        grace, appealReadRate, queueReadRate, heavyReadRate, maxInFlight, maxInFlightHeavy, probes, heap, mallocArenas,
        List.copyOf(jvmOptions),
        appJar != null ? appJar : root.resolve("app/target/appeal-tracker.jar"),
        dataDir != null ? dataDir : root.resolve("benchmark/target/bench-data"), out, seed,
        HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6),
        "java -jar benchmark/target/benchmark.jar" + (args.length == 0 ? "" : " " + String.join(" ", args)));
    if (!Files.isRegularFile(settings.appJar())) {
      System.err.println("No app jar at " + settings.appJar() + ": build it first (mvn -B -ntp -DskipTests package) or give --app-jar");
      return 2;
    }
    Set<Scenario> chosen = new LinkedHashSet<>();
    for (Scenario scenario : Scenario.values()) {
      if ((only.isEmpty() || only.contains(scenario)) && !skip.contains(scenario)) {
        chosen.add(scenario);
      }
    }
    Set<Scenario> left = EnumSet.allOf(Scenario.class);
    left.removeAll(chosen);
    // The product's own defaults, bound as the product binds them: the baseline runs on the same terms.
    AppealsProperties productSettings = new Binder().bindOrCreate("appeals", AppealsProperties.class);
    System.out.println(Estimate.of(settings, chosen));

    Report report = new Report(settings, Machine.describe(), productSettings, left);
    long begin = System.nanoTime();
    Dirs.delete(settings.dataDir());
    Path logs = settings.dataDir().resolveSibling(settings.dataDir().getFileName() + "-logs");
    Dirs.delete(logs);
    Commands commands = new Commands(settings.runId());
    KnownAppeals known = new KnownAppeals(commands);
    try (AppProcess app = new AppProcess(logs, settings)) {
      // Ctrl-C on the benchmark must not leave the app running on its own.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        if (app.alive()) {
          app.kill();
        }
      }));
      System.out.println("Starting the app");
      Duration firstStart = app.start();
      System.out.printf("  ready in %s%n", Durations.format(firstStart));
      Kafka kafka = new Kafka(app.bootstrapServers());
      try (Api api = new Api(app.base(), app.keys())) {
        double baselineRate = 0;
        Memory memory = new Memory(settings, app, api, known);
        for (Scenario scenario : chosen) {
          System.out.printf("%n== %s. %s ==%n", scenario.number, scenario.title);
          long scenarioBegin = System.nanoTime();
          Section section;
          String restarted = null;
          QuietApp.Wait quiet = null;
          try {
            restarted = ensureRunning(app);
            if (scenario == Scenario.QUERIES || scenario == Scenario.MEMORY || scenario == Scenario.RECOVERY) {
              settle(kafka);
            }
            if (scenario == Scenario.QUERIES && chosen.contains(Scenario.MEMORY)) {
              memory.sample("stores filled, before the reads");
            }
            if (scenario == Scenario.LATENCY || scenario == Scenario.QUERIES) {
              quiet = QuietApp.await(app.pid(), Duration.ofMinutes(5));
            }
            section = switch (scenario) {
              case BASELINE -> {
                Baseline.Measured measured = new Baseline(settings, kafka, productSettings,
                    settings.dataDir().resolveSibling("bench-baseline-state")).run();
                baselineRate = measured.recordsPerSecond();
                yield measured.section();
              }
              case TOPOLOGY -> new TopologyThroughput(settings, kafka, commands, known).run(baselineRate);
              case LATENCY -> new EndToEndLatency(settings, api, commands, known, kafka).run();
              case QUERIES -> new QueryLatency(settings, api, known).run();
              case MEMORY -> memory.run();
              case RECOVERY -> new Recovery(settings, app, api, known).run();
              case DEADLINES -> new Deadlines(settings, app, api, kafka, productSettings, commands).run();
            };
          } catch (Exception | Error e) {
            e.printStackTrace(System.out);
            section = new Section(scenario).failed(e.getClass().getSimpleName() + ": " + e.getMessage());
          }
          if (quiet != null) {
            section.line("").line("- Before the load the benchmark " + quiet.describe() + ".");
          }
          if (restarted != null) {
            section.line("").line("- " + restarted);
          }
          report.add(section);
          System.out.printf("  (%s took %s)%n", scenario.title, Durations.format(Duration.ofNanos(System.nanoTime() - scenarioBegin)));
          // Written after every scenario, so a run cut short still leaves what it measured.
          report.write(settings.out(), Duration.ofNanos(System.nanoTime() - begin));
        }
      }
    } finally {
      if (!keepData) {
        Dirs.delete(settings.dataDir());
        Dirs.delete(settings.dataDir().resolveSibling("bench-baseline-state"));
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - begin);
    report.write(settings.out(), took);
    System.out.printf("%nDone in %s; results in %s%n", Durations.format(took), settings.out().toAbsolutePath());
    return 0;
  }

  /** Lets the topology work off whatever commands a load left behind, so the next measurement has the machine to itself. */
  static void settle(Kafka kafka) throws Exception {
    kafka.awaitCaughtUp(AppealStreamsConfiguration.APPLICATION_ID, Topics.APPEAL_COMMANDS.name(), Duration.ofMinutes(15));
  }

  /**
   * A scenario that left the app dead or unanswering (out of memory, say) must not spoil the ones
   * after it: the app is killed and started again on the same data, and the report says so.
   */
  private static String ensureRunning(AppProcess app) {
    if (app.alive() && app.readyWithin(Duration.ofSeconds(60))) {
      return null;
    }
    String why = app.alive() ? "was not ready within 60 s" : "had exited";
    String log = app.log().getFileName().toString();
    System.out.println("  the app " + why + "; restarting it on the same data (see " + app.log() + ")");
    if (app.alive()) {
      app.kill();
    }
    app.start();
    return "Before this scenario the app " + why + " (its log: `" + log + "`) and was killed and started again on the same data.";
  }

  /** The directory holding the project's modules: from here, or above, or above the benchmark's jar. */
  private static Path projectRoot() {
    List<Path> starts = new ArrayList<>();
    starts.add(Path.of("").toAbsolutePath());
    String classPath = System.getProperty("java.class.path", "");
    if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
      starts.add(Path.of(classPath).toAbsolutePath().getParent());
    }
    for (Path start : starts) {
      for (Path dir = start; dir != null; dir = dir.getParent()) {
        if (Files.isRegularFile(dir.resolve("app/pom.xml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
          return dir;
        }
      }
    }
    return Path.of("").toAbsolutePath();
  }

  /** How long the run will take, from rates seen on a two-core machine; printed before anything starts. */
  static final class Estimate {
    private Estimate() {}

    static String of(Settings settings, Set<Scenario> chosen) {
      double seconds = 30; // the first start
      double load = settings.warmup().toSeconds() + settings.duration().toSeconds() + 5;
      if (chosen.contains(Scenario.BASELINE)) {
        seconds += settings.baselineRecords() / 10_000.0 + settings.baselineRecords() / 10_000.0 + 10;
      }
      if (chosen.contains(Scenario.TOPOLOGY)) {
        seconds += 15 + settings.appeals() / 1_200.0 + settings.appeals() * FillPlan.actionsPerAppeal() / 2_500.0;
      }
      if (chosen.contains(Scenario.LATENCY)) {
        // The highest rate is more than the intake takes on two cores: its backlog is worked off after it.
        seconds += settings.rates().size() * (load + 15) + settings.rates().stream().mapToDouble(r -> Math.max(0, r - 500) * load / 500.0).sum();
      }
      if (chosen.contains(Scenario.QUERIES)) {
        // The statistics and the report are computed per call over every appeal: seconds each with a million.
        seconds += 2 * load + 4 * (load + settings.grace().toSeconds() + 30 + 3 * settings.appeals() / 40_000.0);
      }
      if (chosen.contains(Scenario.RECOVERY)) {
        seconds += 60 + 2 * settings.appeals() / 10_000.0;
      }
      if (chosen.contains(Scenario.DEADLINES)) {
        seconds += 200;
      }
      return String.format(Locale.ROOT, "Benchmark run %s: %,d appeals, loads of %s; scenarios %s.%nEstimated time: about %d minutes "
              + "(rough: from rates seen on a two-core machine; the fill of the stores is most of it).",
          settings.runId(), settings.appeals(), Durations.format(settings.duration()),
          chosen.stream().map(s -> s.name().toLowerCase(Locale.ROOT)).toList(), Math.round(seconds / 60));
    }
  }
}
