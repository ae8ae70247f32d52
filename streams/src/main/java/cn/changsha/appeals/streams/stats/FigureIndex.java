package cn.changsha.appeals.streams.stats;

import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.streams.calendar.BusinessCalendar;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the figure stores of one task in step with its appeals: each accepted change takes back
 * what the old state contributed and adds what the new one does, in the same task and
 * transaction as the state, so the figures are always the sum over the appeals the task holds.
 * Only the records whose figures changed are written; a tally that falls to zero is dropped, so
 * the stores hold what is current (and the monthly lists), not every appeal.
 */
public final class FigureIndex {

  private final KeyValueStore<String, Map<String, Long>> tallies;
  private final KeyValueStore<String, byte[]> minutes;
  private final BusinessCalendar calendar;
  private boolean complete;

  public FigureIndex(KeyValueStore<String, Map<String, Long>> tallies, KeyValueStore<String, byte[]> minutes, BusinessCalendar calendar) {
    this.tallies = tallies;
    this.minutes = minutes;
    this.calendar = calendar;
  }

  public void update(AppealState before, AppealState after) {
    apply(Contribution.of(before, calendar), Contribution.of(after, calendar));
  }

  /**
   * Adds the appeals this task already held before it kept figures (an upgrade), once, before the
   * task changes any appeal; a crash before the marker is committed rolls the whole of it back, so
   * it is never counted twice. Not in {@code init}: Kafka Streams cannot log a store's writes there.
   */
  public void includeEarlierAppeals(KeyValueStore<String, AppealState> states) {
    if (complete || tallies.get(FigureKeys.COMPLETE) != null) {
      complete = true;
      return;
    }
    try (KeyValueIterator<String, AppealState> it = states.all()) {
      it.forEachRemaining(kv -> apply(Contribution.NONE, Contribution.of(kv.value, calendar)));
    }
    tallies.put(FigureKeys.COMPLETE, Map.of("", 1L));
    complete = true;
  }

  private void apply(Contribution old, Contribution now) {
    Map<String, Long> delta = new HashMap<>(now.tallies());
    old.tallies().forEach((key, value) -> delta.merge(key, -value, Long::sum));
    Map<String, Map<String, Long>> byRecord = new HashMap<>();
    delta.forEach((key, change) -> {
      if (change != 0) {
        byRecord.computeIfAbsent(FigureKeys.recordKey(key), r -> new HashMap<>()).put(FigureKeys.nameInRecord(key), change);
      }
    });
    byRecord.forEach((recordKey, changes) -> {
      Map<String, Long> record = new HashMap<>(Objects.requireNonNullElse(tallies.get(recordKey), Map.of()));
      changes.forEach((name, change) -> {
        if (record.merge(name, change, Long::sum) == 0) {
          record.remove(name);
        }
      });
      if (record.isEmpty()) {
        tallies.delete(recordKey);
      } else {
        tallies.put(recordKey, record);
      }
    });
    Set<String> keys = new HashSet<>(old.minutes().keySet());
    keys.addAll(now.minutes().keySet());
    for (String key : keys) {
      Long was = old.minutes().get(key);
      Long is = now.minutes().get(key);
      if (!Objects.equals(was, is)) {
        byte[] stored = minutes.get(key);
        Histogram histogram = stored == null ? MinuteHistograms.empty() : MinuteHistograms.decode(stored);
        if (was != null) {
          histogram.recordValueWithCount(was, -1);
        }
        if (is != null) {
          histogram.recordValue(is);
        }
        if (histogram.getTotalCount() == 0) {
          minutes.delete(key);
        } else {
          minutes.put(key, MinuteHistograms.encode(histogram));
        }
      }
    }
  }
}
