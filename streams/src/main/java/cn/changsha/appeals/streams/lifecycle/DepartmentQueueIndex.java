package cn.changsha.appeals.streams.lifecycle;

import cn.changsha.appeals.schema.AppealStatuses;
import cn.changsha.appeals.schema.AppealState;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the department-queue store in step with appeal state: an open appeal has exactly one
 * entry, under the department that holds it, ordered by submission time (oldest, most urgent
 * first). The entry lives in the same task as the appeal's state, so both change atomically.
 */
public final class DepartmentQueueIndex {

  private final KeyValueStore<String, String> store;

  public DepartmentQueueIndex(KeyValueStore<String, String> store) {
    this.store = store;
  }

  public void update(AppealState before, AppealState after) {
    if (isQueued(before)) {
      store.delete(key(before));
    }
    if (isQueued(after)) {
      store.put(key(after), after.getAppealId());
    }
  }

  public static String prefix(String departmentId) {
    return departmentId + "|";
  }

  static String key(AppealState state) {
    return prefix(state.getDepartmentId())
        + String.format("%015d", state.getSubmittedAt().toEpochMilli()) + "|" + state.getAppealId();
  }

  private static boolean isQueued(AppealState state) {
    return state != null && state.getDepartmentId() != null && AppealStatuses.OPEN.contains(state.getStatus());
  }
}
