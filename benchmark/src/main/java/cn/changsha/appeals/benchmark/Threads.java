package cn.changsha.appeals.benchmark;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/** Small helpers for the benchmark's own threads. */
final class Threads {

  private Threads() {}

  /** Daemon threads: a scenario that fails must not keep the benchmark's JVM alive. */
  static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
