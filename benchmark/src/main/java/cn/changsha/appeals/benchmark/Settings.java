package cn.changsha.appeals.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one run was asked to do; printed into the report so a figure is never read without the
 * size and settings that produced it.
 */
record Settings(
    int appeals,
    int baselineRecords,
    List<Integer> rates,
    Duration duration,
    Duration warmup,
    Duration grace,
    int appealReadRate,
    int queueReadRate,
    int heavyReadRate,
    int maxInFlight,
    int maxInFlightHeavy,
    int probes,
    String heap,
    int mallocArenas,
    List<String> jvmOptions,
    Path appJar,
    Path dataDir,
    Path out,
    long seed,
    String runId,
    String commandLine) {

  static final int DEFAULT_APPEALS = 1_000_000;

  /** How the app is started, as an operator would type it. */
  String launch() {
    return (mallocArenas > 0 ? "MALLOC_ARENA_MAX=" + mallocArenas + " " : "") + "java -Xmx" + heap
        + (jvmOptions.isEmpty() ? "" : " " + String.join(" ", jvmOptions)) + " -jar app/target/appeal-tracker.jar";
  }

  boolean smallerThanDefault() {
    return appeals < DEFAULT_APPEALS;
  }
}
