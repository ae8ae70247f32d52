package cn.changsha.appeals.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine the figures were taken on, as the report states it. */
record Machine(int cores, String cpu, long memoryKb, String os, String jvm) {

  static Machine describe() {
    return new Machine(Runtime.getRuntime().availableProcessors(), procField("/proc/cpuinfo", "model name"),
        parseKb(procField("/proc/meminfo", "MemTotal")),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
  }

  String memory() {
    return memoryKb <= 0 ? "unknown" : String.format(Locale.ROOT, "%.1f GiB", memoryKb / 1024.0 / 1024.0);
  }

  private static String procField(String file, String field) {
    try {
      for (String line : Files.readAllLines(Path.of(file))) {
        if (line.startsWith(field)) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException e) {
      return "unknown";
    }
    return "unknown";
  }

  private static long parseKb(String text) {
    try {
      return Long.parseLong(text.replace("kB", "").strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
