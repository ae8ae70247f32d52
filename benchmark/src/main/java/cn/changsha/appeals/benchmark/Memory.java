package cn.changsha.appeals.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 7: what the product holds in memory with its stores loaded: the process's resident set
 * from the kernel (heap, RocksDB's caches and memtables, the broker, thread stacks, code), beside
 * the heap it was given. Taken once the stores are filled and again after the read load, which is
 * when the statistics have had every appeal in memory. Also the disk behind it.
 */
final class Memory {

  private static final long TARGET_KB = 1_500L * 1024;

  private record Sample(String when, long pid, long rssKb, long peakKb, double heapUsed, double heapCommitted, long appeals) {}

  private final Settings settings;
  private final AppProcess app;
  private final Api api;
  private final KnownAppeals known;
  private final List<Sample> samples = new ArrayList<>();

  Memory(Settings settings, AppProcess app, Api api, KnownAppeals known) {
    this.settings = settings;
    this.app = app;
    this.api = api;
    this.known = known;
  }

  void sample(String when) {
    if (!app.alive()) {
      return;
    }
    Sample sample = new Sample(when, app.pid(), app.procStatusKb("VmRSS"), app.procStatusKb("VmHWM"), metric("jvm.memory.used"),
        metric("jvm.memory.committed"), known.count());
    samples.add(sample);
    System.out.printf("  memory %s: VmRSS %s, heap used %s%n", when, mib(sample.rssKb()), mib((long) (sample.heapUsed() / 1024)));
  }

  Section run() {
    sample("after the reads of scenario 4");
    Section section = new Section(Scenario.MEMORY);
    if (samples.isEmpty()) {
      return section.failed("the app was not running");
    }
    Sample worst = samples.stream().max((a, b) -> Long.compare(a.rssKb(), b.rssKb())).orElseThrow();
    section.row(String.format(Locale.ROOT, "resident set (VmRSS), %,d appeals, heap -Xmx%s", worst.appeals(), settings.heap()),
        mib(worst.rssKb()) + ", " + worst.when(), "≤ 1.5 GB", worst.rssKb() > 0 && worst.rssKb() <= TARGET_KB);
    section.line("Read from `/proc/<pid>/status` of the app's JVM (started as `" + settings.launch() + "`, everything else default); "
        + "heap from the app's `/actuator/metrics` (`jvm.memory.used`, `jvm.memory.committed`, area heap).");
    section.line("");
    section.line("| when | appeals | VmRSS | VmHWM (most since start) | heap used | heap committed |");
    section.line("|---|---|---|---|---|---|");
    for (Sample sample : samples) {
      section.line(String.format(Locale.ROOT, "| %s (pid %d) | %,d | %s | %s | %s | %s |", sample.when(), sample.pid(), sample.appeals(),
          mib(sample.rssKb()), mib(sample.peakKb()), mib((long) (sample.heapUsed() / 1024)), mib((long) (sample.heapCommitted() / 1024))));
    }
    section.line("");
    section.line("- on disk: the broker's log (`<data-dir>/kafka`) " + gib(size(app.dataDir().resolve("kafka")))
        + ", the Streams state (`<data-dir>/streams`) " + gib(size(app.dataDir().resolve("streams"))));
    return section;
  }

  private double metric(String name) {
    try {
      JsonNode answer = api.json("/actuator/metrics/" + name + "?tag=area:heap", "monitor");
      return answer.path("measurements").path(0).path("value").asDouble(-1);
    } catch (RuntimeException e) {
      return -1;
    }
  }

  static String mib(long kb) {
    return kb < 0 ? "n/a" : String.format(Locale.ROOT, "%,.0f MiB", kb / 1024.0);
  }

  static String gib(long bytes) {
    if (bytes < 0) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
  }

  /**
   * Bytes on disk, as {@code du} counts them: Kafka's index files are sparse, 10 MB each by their
   * length, and summing lengths would report gigabytes that were never written.
   */
  static long size(Path dir) {
    if (!Files.exists(dir)) {
      return 0;
    }
    try {
      Process du = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
      String out = new String(du.getInputStream().readAllBytes()).strip();
      du.waitFor();
      return Long.parseLong(out.split("\\s+")[0]) * 1024;
    } catch (IOException | RuntimeException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
