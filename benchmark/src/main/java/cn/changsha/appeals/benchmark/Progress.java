package cn.changsha.appeals.benchmark;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Says every five seconds how far a long step has got, so a run of an hour is never silent. */
final class Progress implements AutoCloseable {

  private final ScheduledExecutorService ticker;

  Progress(String name, Supplier<String> status) {
    long begin = System.nanoTime();
    ticker = Executors.newSingleThreadScheduledExecutor(Threads.daemon(name + "-progress"));
    ticker.scheduleAtFixedRate(() -> System.out.printf("  [%s] %5.0f s: %s%n", name, (System.nanoTime() - begin) / 1e9, status.get()),
        5, 5, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
