package cn.changsha.appeals.streams.hotspot;

import cn.changsha.appeals.schema.HotspotWindow;
import java.time.Instant;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The appeals in a district|category's window, one small entry each, keyed so that a pair's
 * entries sort by receive time. A pair's {@link HotspotWindow} keeps their count and the oldest
 * time, so a submission and a count cost the same however many appeals the window holds: only
 * the entries leaving the window are read.
 */
public final class HotspotReceipts {

  /** Entries carry no value: the key says all. */
  static final byte[] NOTHING = new byte[0];
  /** Sorts after any appeal id, so a range ending here takes every appeal of that millisecond. */
  private static final String AFTER_ANY_ID = "\uffff";

  private HotspotReceipts() {}

  static String key(String pair, long receivedAt, String appealId) {
    return at(pair, receivedAt) + appealId;
  }

  /** The first possible key of the pair's appeals received at {@code receivedAt}. */
  static String at(String pair, long receivedAt) {
    return pair + "|" + String.format("%015d", receivedAt) + "|";
  }

  /** The last possible key of the pair's appeals received at {@code receivedAt}. */
  static String through(String pair, long receivedAt) {
    return at(pair, receivedAt) + AFTER_ANY_ID;
  }

  static String afterAll(String pair) {
    return pair + "|" + AFTER_ANY_ID;
  }

  static long receivedAt(String pair, String key) {
    int start = pair.length() + 1;
    return Long.parseLong(key, start, start + 15, 10);
  }

  /**
   * Appeals of a pair received within the window that ends at {@code now}: the window's count less
   * those that have left it since the pair's latest submission.
   */
  public static int countAt(ReadOnlyKeyValueStore<String, byte[]> receipts, String pair, HotspotWindow window,
      Instant now, HotspotSettings settings) {
    long from = now.minus(settings.window()).toEpochMilli();
    if (!window.getReceivedAt().isEmpty()) {
      // Not yet moved into receipts: the pair has had no submission since the upgrade.
      return (int) window.getReceivedAt().stream().filter(t -> t > from && t <= now.toEpochMilli()).count();
    }
    if (window.getOldestAt() == null || window.getOldestAt() > from) {
      return window.getCount();
    }
    int left = 0;
    try (KeyValueIterator<String, byte[]> it = receipts.range(at(pair, window.getOldestAt()), through(pair, from))) {
      while (it.hasNext()) {
        it.next();
        left++;
      }
    }
    return window.getCount() - left;
  }
}
