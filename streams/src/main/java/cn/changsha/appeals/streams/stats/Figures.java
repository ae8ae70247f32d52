package cn.changsha.appeals.streams.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A read of the kept figures: tallies by key, and histograms of working minutes (encoded) by key.
 * Each task holds its own share; reads of several tasks or instances add up with {@link #plus}.
 * Reading one view costs what the view holds (its groups, and for a month the appeals its report
 * names), however many appeals there have been.
 */
public record Figures(Map<String, Long> tallies, Map<String, byte[]> minutes) {

  public static final Figures NONE = new Figures(Map.of(), Map.of());

  /** Record keys from {@code from} to {@code to}, both included. */
  public record Range(String from, String to) {}

  /** What a caller wants read: key prefixes of both stores, and ranges of the tallies. */
  public record View(List<String> tallyPrefixes, List<String> minutePrefixes, List<Range> tallyRanges) {

    public static View departments() {
      String prefix = FigureKeys.DEPARTMENTS + "|";
      return new View(List.of(prefix), List.of(prefix), List.of());
    }

    /** One department's figures (its queue's length, for one). */
    public static View department(String departmentId) {
      String group = FigureKeys.department(departmentId);
      return new View(List.of(), List.of(), List.of(new Range(group, group)));
    }

    public static View districts() {
      String prefix = FigureKeys.DISTRICTS + "|";
      return new View(List.of(prefix), List.of(prefix), List.of());
    }

    public static View month(YearMonth month) {
      String prefix = FigureKeys.MONTHS + "|" + month + "|";
      return new View(List.of(prefix, FigureKeys.listPrefix(FigureKeys.OVERDUE, month), FigureKeys.listPrefix(FigureKeys.ESCALATED, month)),
          List.of(prefix), List.of());
    }

    /** The tiles, the appeals due today, and the open appeals of the last week by age (the older ones are the rest of the open ones). */
    public static View overview(Instant now, ZoneId zone) {
      LocalDate today = now.atZone(zone).toLocalDate();
      Range lastWeek = new Range(FigureKeys.ageStep(now.minus(Duration.ofDays(7))), FigureKeys.ageStep(now.plus(FigureKeys.AGE_STEP)));
      return new View(List.of(), List.of(), List.of(new Range(FigureKeys.OVERVIEW, FigureKeys.OVERVIEW),
          new Range(FigureKeys.due(today), FigureKeys.due(today)), lastWeek));
    }
  }

  /** Reads a view from stores that may span several tasks (the same key from each adds up). */
  public static Figures read(ReadOnlyKeyValueStore<String, Map<String, Long>> tallyStore, ReadOnlyKeyValueStore<String, byte[]> minuteStore, View view) {
    Map<String, Long> tallies = new HashMap<>();
    Map<String, byte[]> minutes = new HashMap<>();
    for (String prefix : view.tallyPrefixes()) {
      try (KeyValueIterator<String, Map<String, Long>> it = tallyStore.prefixScan(prefix, new StringSerializer())) {
        it.forEachRemaining(kv -> addRecord(tallies, kv.key, kv.value));
      }
    }
    for (Range range : view.tallyRanges()) {
      try (KeyValueIterator<String, Map<String, Long>> it = tallyStore.range(range.from(), range.to())) {
        it.forEachRemaining(kv -> addRecord(tallies, kv.key, kv.value));
      }
    }
    for (String prefix : view.minutePrefixes()) {
      try (KeyValueIterator<String, byte[]> it = minuteStore.prefixScan(prefix, new StringSerializer())) {
        it.forEachRemaining(kv -> minutes.merge(kv.key, kv.value, Figures::add));
      }
    }
    return new Figures(tallies, minutes);
  }

  private static void addRecord(Map<String, Long> tallies, String recordKey, Map<String, Long> record) {
    record.forEach((name, tally) -> tallies.merge(FigureKeys.figureKey(recordKey, name), tally, Long::sum));
  }

  public Figures plus(Figures other) {
    if (other.tallies.isEmpty() && other.minutes.isEmpty()) {
      return this;
    }
    if (tallies.isEmpty() && minutes.isEmpty()) {
      return other;
    }
    Map<String, Long> t = new HashMap<>(tallies);
    other.tallies.forEach((k, v) -> t.merge(k, v, Long::sum));
    Map<String, byte[]> m = new HashMap<>(minutes);
    other.minutes.forEach((k, v) -> m.merge(k, v, Figures::add));
    return new Figures(t, m);
  }

  private static byte[] add(byte[] a, byte[] b) {
    Histogram sum = MinuteHistograms.decode(a);
    sum.add(MinuteHistograms.decode(b));
    return MinuteHistograms.encode(sum);
  }

  public long tally(String key) {
    return tallies.getOrDefault(key, 0L);
  }

  public Histogram histogram(String key) {
    byte[] encoded = minutes.get(key);
    return encoded == null ? MinuteHistograms.empty() : MinuteHistograms.decode(encoded);
  }

  /** The figures of every group in a scope ({@code "dept|"}, {@code "month|2026-03|"}): group name → measure → tally. */
  public Map<String, Map<String, Long>> groups(String scopePrefix) {
    Map<String, Map<String, Long>> groups = new TreeMap<>();
    tallies.forEach((key, value) -> {
      if (key.startsWith(scopePrefix)) {
        groups.computeIfAbsent(FigureKeys.groupName(key, scopePrefix), g -> new HashMap<>()).put(FigureKeys.measureOf(key), value);
      }
    });
    return groups;
  }

  /** The names listed under a prefix ({@code "overdue|2026-03|430104-ENV|"}), sorted. */
  public List<String> listed(String prefix) {
    return tallies.keySet().stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length())).sorted().toList();
  }
}
