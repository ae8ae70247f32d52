package cn.changsha.appeals.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Waits, before a latency scenario, until the app is quiet. Its commands are consumed by then
 * ({@code Benchmark.settle}), but work the load before left behind (compactions, the broker's log
 * cleaner, compilation) would be timed with the new load: once, after a fill, the app was still
 * saturated through the reads' warm-up. Quiet is the app's threads using less than
 * {@link #QUIET_SHARE} of one core over {@link #WINDOW}, from the kernel's per-thread CPU times
 * ({@code /proc/<pid>/task}). What it waited for, and which threads were busy, goes into the report.
 */
final class QuietApp {

  static final double QUIET_SHARE = 0.25;
  static final Duration WINDOW = Duration.ofSeconds(5);
  private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

  /** How the wait went: its length, the first window's CPU and busiest threads, and whether it ended quiet. */
  record Wait(Duration waited, double firstShare, String busiest, boolean quiet) {

    String describe() {
      String start = String.format(Locale.ROOT, "at first %.0f %% of a core (busiest threads: %s)", firstShare * 100, busiest);
      return quiet
          ? String.format(Locale.ROOT, "waited %s for the app's CPU to fall under %.0f %% of one core over %d s; %s",
              Durations.format(waited), QUIET_SHARE * 100, WINDOW.toSeconds(), start)
          : String.format(Locale.ROOT, "the app's CPU did not fall under %.0f %% of one core within %s; went on; %s",
              QUIET_SHARE * 100, Durations.format(waited), start);
    }
  }

  private QuietApp() {}

  static Wait await(long pid, Duration atMost) {
    long begin = System.nanoTime();
    Double firstShare = null;
    String busiest = "";
    while (true) {
      Map<String, Long> before = threadTicks(pid);
      Threads.sleep(WINDOW);
      Map<String, Long> after = threadTicks(pid);
      Map<String, Long> used = new HashMap<>();
      after.forEach((thread, ticks) -> used.put(thread, ticks - before.getOrDefault(thread, 0L)));
      double share = used.values().stream().mapToLong(Long::longValue).sum() / TICKS_PER_SECOND / WINDOW.toSeconds();
      String busiestNow = busiest(used);
      if (firstShare == null) {
        firstShare = share;
        busiest = busiestNow;
      }
      Duration waited = Duration.ofNanos(System.nanoTime() - begin);
      System.out.printf(Locale.ROOT, "  [quiet?] %s: the app used %.0f %% of a core (%s)%n", Durations.format(waited), share * 100, busiestNow);
      if (share < QUIET_SHARE || after.isEmpty() || waited.compareTo(atMost) >= 0) {
        return new Wait(waited, firstShare, busiest, share < QUIET_SHARE);
      }
    }
  }

  /** The three threads that used most, by name (Java's thread names, cut to 15 characters by the kernel), with their share. */
  private static String busiest(Map<String, Long> used) {
    Map<String, Long> byName = used.entrySet().stream()
        .collect(Collectors.groupingBy(entry -> entry.getKey().substring(entry.getKey().indexOf(' ') + 1),
            Collectors.summingLong(Map.Entry::getValue)));
    return byName.entrySet().stream().filter(entry -> entry.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
        .map(entry -> String.format(Locale.ROOT, "%s %.0f %%", entry.getKey(), entry.getValue() / TICKS_PER_SECOND / WINDOW.toSeconds() * 100))
        .collect(Collectors.joining(", "));
  }

  /** CPU ticks (user and system) of each live thread, keyed "tid name". */
  private static Map<String, Long> threadTicks(long pid) {
    Map<String, Long> ticks = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          // The name is in parentheses and may hold spaces: the fields after it are counted from its end.
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
          ticks.put(task.getFileName() + " " + name, Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12)));
        } catch (IOException | RuntimeException e) {
          // The thread ended between the listing and the read.
        }
      }
    } catch (IOException e) {
      return Map.of();
    }
    return ticks;
  }
}
