package cn.changsha.appeals.streams.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far the rebuilding of the state stores has got. Before the instance answers queries, each
 * store reads back its changelog from the offset it last recorded: after a crash a short tail, but
 * for a lost or new state directory all of it, a minute or so at a million appeals, all of it
 * spent not ready. Reported in the log as it goes and in readiness's details, so whoever waits
 * sees what it is doing and how much is left.
 */
public final class RestoreProgress implements StateRestoreListener {

  private static final Logger log = LoggerFactory.getLogger(RestoreProgress.class);
  private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

  /** One changelog partition being read back. Its offsets include transaction markers, so "about". */
  private record Restoring(long offsets, AtomicLong restored) {}

  /** What is being restored now: records restored of about how many, over how many store partitions. */
  public record Snapshot(long restored, long about, int partitions) {
    public int percent() {
      return about == 0 ? 100 : (int) Math.min(100, restored * 100 / about);
    }
  }

  /**
   * Every rebuild since this instance started, summed: a restart rebuilds its tasks in one wave or
   * several, and a later rebalance may add more. When the latest finished, the time spent in all,
   * and the records restored into each store.
   */
  public record Rebuilt(Instant finishedAt, Duration took, Map<String, Long> recordsByStore) {
    public long records() {
      return recordsByStore.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private final Clock clock;
  private final Map<TopicPartition, Restoring> running = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> restoredByStore = new ConcurrentHashMap<>();
  private Instant waveBegan;
  private Duration spent = Duration.ZERO;
  private volatile Instant lastReport = Instant.MIN;
  private volatile Rebuilt last;

  public RestoreProgress(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
    synchronized (this) {
      if (running.isEmpty() && waveBegan == null) {
        waveBegan = clock.instant();
      }
      running.put(partition, new Restoring(Math.max(0, endingOffset - startingOffset), new AtomicLong()));
    }
  }

  @Override
  public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long restored) {
    Restoring restoring = running.get(partition);
    if (restoring != null) {
      restoring.restored().addAndGet(restored);
    }
    restoredByStore.computeIfAbsent(store, s -> new AtomicLong()).addAndGet(restored);
    Instant now = clock.instant();
    if (now.isAfter(lastReport.plus(REPORT_EVERY))) {
      lastReport = now;
      current().ifPresent(s -> log.info("Rebuilding state stores from their changelogs: {} of about {} records ({}%), {} store partitions",
          s.restored(), s.about(), s.percent(), s.partitions()));
    }
  }

  @Override
  public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
    finished(partition);
  }

  @Override
  public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
    finished(partition);
  }

  /** The restore under way, if one is. */
  public Optional<Snapshot> current() {
    long restored = 0;
    long about = 0;
    int partitions = 0;
    for (Restoring restoring : running.values()) {
      restored += restoring.restored().get();
      about += restoring.offsets();
      partitions++;
    }
    return partitions == 0 ? Optional.empty() : Optional.of(new Snapshot(restored, about, partitions));
  }

  /** What was rebuilt since this instance started, if anything was. */
  public Optional<Rebuilt> last() {
    return Optional.ofNullable(last);
  }

  private synchronized void finished(TopicPartition partition) {
    running.remove(partition);
    if (!running.isEmpty() || waveBegan == null) {
      return;
    }
    Instant now = clock.instant();
    spent = spent.plus(Duration.between(waveBegan, now));
    waveBegan = null;
    Map<String, Long> byStore = new TreeMap<>();
    restoredByStore.forEach((store, count) -> byStore.put(store, count.get()));
    Rebuilt rebuilt = new Rebuilt(now, spent, Map.copyOf(byStore));
    if (rebuilt.records() == 0) {
      return; // stores whose changelogs were empty: nothing was rebuilt
    }
    last = rebuilt;
    log.info("State stores rebuilt: {} records in {} s since this instance started ({})",
        rebuilt.records(), rebuilt.took().toSeconds(), byStore);
  }
}
