package cn.changsha.appeals.streams.sla;

import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.SlaClockKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The sla-timers store: one entry per timer still to fire, keyed by its instant first, so finding
 * what is due is a range scan up to now that costs what is due, not every open appeal. Entries
 * change with the appeal's state, in the same task and transaction, so a restart neither repeats
 * nor loses one.
 */
public final class SlaTimerIndex {

  private final KeyValueStore<String, String> store;
  private final SlaPlanner planner;

  public SlaTimerIndex(KeyValueStore<String, String> store, SlaPlanner planner) {
    this.store = store;
    this.planner = planner;
  }

  public record Due(String key, String appealId, SlaClockKind clock, SlaTimer.Step step) {}

  /**
   * Writes only the timers that changed: most events leave most of an appeal's timers as they
   * were, and every write is a changelog record that a restore after a crash reads back.
   */
  public void update(AppealState before, AppealState after) {
    Set<String> was = keys(before);
    Set<String> is = keys(after);
    for (String key : was) {
      if (!is.contains(key)) {
        store.delete(key);
      }
    }
    for (String key : is) {
      if (!was.contains(key)) {
        store.put(key, after.getAppealId());
      }
    }
  }

  private Set<String> keys(AppealState appeal) {
    Set<String> keys = new HashSet<>();
    for (SlaTimer timer : planner.timers(appeal)) {
      keys.add(key(timer, appeal.getAppealId()));
    }
    return keys;
  }

  /** Timers due at or before {@code now}, soonest first. */
  public List<Due> dueBy(Instant now) {
    List<Due> due = new ArrayList<>();
    try (KeyValueIterator<String, String> it = store.range(millis(0) + "|", millis(now.toEpochMilli()) + "|~")) {
      it.forEachRemaining(kv -> {
        String[] parts = kv.key.split("\\|");
        due.add(new Due(kv.key, parts[1], SlaClockKind.valueOf(parts[2]), SlaTimer.Step.valueOf(parts[3])));
      });
    }
    return due;
  }

  public void remove(Due due) {
    store.delete(due.key());
  }

  /** An appeal's timer in the store: its instant first, so that the store sorts by it. */
  public static String key(SlaTimer timer, String appealId) {
    return millis(timer.at().toEpochMilli()) + "|" + appealId + "|" + timer.clock() + "|" + timer.step();
  }

  private static String millis(long epochMillis) {
    return String.format("%015d", epochMillis);
  }
}
