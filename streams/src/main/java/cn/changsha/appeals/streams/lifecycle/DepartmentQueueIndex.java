package cn.changsha.appeals.streams.lifecycle;

import cn.changsha.appeals.schema.AppealStatuses;
import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.streams.sla.RunningClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the department-queue store in step with appeal state: an open appeal has exactly one
 * entry, under the department that holds it, and the keys sort most urgent first, so a page of a
 * queue reads only its own entries. The entry lives in the same task as the appeal's state, so
 * both change atomically.
 *
 * <p>The order is the one a department works in: breached appeals first, the longest overdue
 * first; then the rest by the due time of the clock that runs now; appeals whose clock stands
 * still or that have none last; ties by submission time, then tracking number. A key is a
 * function of the appeal's state alone, so it changes only when the state does.
 */
public final class DepartmentQueueIndex {

  /** Written once the store holds keys in this order; stores from before it are rebuilt first. */
  static final String ORDERED_BY_URGENCY = "#ordered-by-urgency";
  private static final long NO_DUE_TIME = 999_999_999_999_999L;

  private final KeyValueStore<String, String> store;
  private boolean ordered;

  public DepartmentQueueIndex(KeyValueStore<String, String> store) {
    this.store = store;
  }

  public void update(AppealState before, AppealState after) {
    String was = isQueued(before) ? key(before) : null;
    String is = isQueued(after) ? key(after) : null;
    if (was != null && !was.equals(is)) {
      store.delete(was);
    }
    if (is != null && !is.equals(was)) {
      store.put(is, after.getAppealId());
    }
  }

  /**
   * Rebuilds a store written in the earlier order (by submission time alone), once, before the
   * task changes any appeal; in the task's transaction, so a crash midway leaves the old store.
   */
  public void orderEarlierEntries(KeyValueStore<String, AppealState> states) {
    if (ordered || store.get(ORDERED_BY_URGENCY) != null) {
      ordered = true;
      return;
    }
    List<String> earlier = new ArrayList<>();
    try (KeyValueIterator<String, String> it = store.all()) {
      it.forEachRemaining(entry -> earlier.add(entry.key));
    }
    earlier.forEach(store::delete);
    try (KeyValueIterator<String, AppealState> it = states.all()) {
      it.forEachRemaining((KeyValue<String, AppealState> kv) -> update(null, kv.value));
    }
    store.put(ORDERED_BY_URGENCY, "");
    ordered = true;
  }

  public static String prefix(String departmentId) {
    return departmentId + "|";
  }

  /** An open appeal's key: its department, then the order described above. */
  public static String key(AppealState state) {
    RunningClock running = RunningClock.of(state);
    boolean runs = running != null && !running.paused();
    long due = runs ? running.clock().getDueAt().toEpochMilli() : NO_DUE_TIME;
    return prefix(state.getDepartmentId()) + (runs && running.breached() ? '0' : '1')
        + "|" + String.format("%015d", due)
        + "|" + String.format("%015d", state.getSubmittedAt().toEpochMilli())
        + "|" + Objects.requireNonNullElse(state.getTrackingNumber(), state.getAppealId());
  }

  private static boolean isQueued(AppealState state) {
    return state != null && state.getDepartmentId() != null && AppealStatuses.OPEN.contains(state.getStatus());
  }
}
