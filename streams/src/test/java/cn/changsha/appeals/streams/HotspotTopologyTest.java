package cn.changsha.appeals.streams;

import static org.assertj.core.api.Assertions.assertThat;

import cn.changsha.appeals.schema.Hotspot;
import cn.changsha.appeals.schema.HotspotWindow;
import cn.changsha.appeals.streams.hotspot.HotspotReceipts;
import cn.changsha.appeals.streams.hotspot.HotspotSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/** Tianxin's parking trouble piling up: three in thirty days (the fixture's threshold) is a hotspot. */
class HotspotTopologyTest extends TopologyTestSupport {

  /** The fixture's. */
  static final HotspotSettings SETTINGS = new HotspotSettings(Duration.ofDays(30), 3);

  void submitOn(Instant at, String district, String category) {
    fx.clock.set(at);
    fx.submit(district, category);
  }

  @Test
  void theThirdAppealOfACategoryInADistrictWithinThirtyDaysIsAHotspotOnce() {
    Instant day = TopologyFixture.START;
    submitOn(day, "430103", "PARKING");
    submitOn(day.plus(Duration.ofDays(10)), "430103", "PARKING");
    submitOn(day.plus(Duration.ofDays(11)), "430103", "COMPENSATION");
    submitOn(day.plus(Duration.ofDays(11)), "430104", "PARKING");
    assertThat(fx.hotspots.isEmpty()).isTrue();

    submitOn(day.plus(Duration.ofDays(29)), "430103", "PARKING");
    Hotspot hotspot = fx.hotspots.readValue();
    assertThat(hotspot.getDistrict()).isEqualTo("430103");
    assertThat(hotspot.getCategory()).isEqualTo("PARKING");
    assertThat(hotspot.getCount()).isEqualTo(3);
    assertThat(hotspot.getWindowDays()).isEqualTo(30);

    submitOn(day.plus(Duration.ofDays(30)), "430103", "PARKING");
    assertThat(fx.hotspots.isEmpty()).as("still hot: no second event").isTrue();
  }

  @Test
  void appealsOlderThanTheWindowDoNotCount() {
    Instant day = TopologyFixture.START;
    submitOn(day, "430103", "PARKING");
    submitOn(day.plus(Duration.ofDays(20)), "430103", "PARKING");
    submitOn(day.plus(Duration.ofDays(31)), "430103", "PARKING");
    assertThat(fx.hotspots.isEmpty()).isTrue();

    assertThat(countAt("430103|PARKING", day.plus(Duration.ofDays(31)))).isEqualTo(2);
    assertThat(countAt("430103|PARKING", day.plus(Duration.ofDays(55)))).isEqualTo(1);
    assertThat(receiptCount()).as("the appeal that left the window left the store").isEqualTo(2);
  }

  /**
   * Three pairs, submissions at random gaps over half a year, against a count made the plain way
   * from every receive time: the same counts, the same hotspots, and only the appeals still in a
   * window kept.
   */
  @Test
  void countsAndHotspotsMatchACountOfEveryReceiveTime() {
    Random random = new Random(20261128L);
    List<String> pairs = List.of("430103|PARKING", "430103|COMPENSATION", "430112|PARKING");
    Map<String, List<Instant>> received = new HashMap<>();
    Map<String, Boolean> flagged = new HashMap<>();
    int raised = 0;
    Instant at = TopologyFixture.START;
    for (int i = 0; i < 300; i++) {
      int days = random.nextInt(12) == 0 ? 25 : 2; // mostly busy, with quiet spells that cool a pair down
      at = at.plus(Duration.ofMinutes(random.nextInt(days * 24 * 60)));
      String pair = pairs.get(random.nextInt(pairs.size()));
      String[] districtAndCategory = pair.split("\\|");
      submitOn(at, districtAndCategory[0], districtAndCategory[1]);
      received.computeIfAbsent(pair, p -> new ArrayList<>()).add(at);

      int expected = plainCount(received.get(pair), at);
      boolean hot = expected >= 3;
      if (hot && !flagged.getOrDefault(pair, false)) {
        Hotspot hotspot = fx.hotspots.readValue();
        assertThat(hotspot.getDistrict() + "|" + hotspot.getCategory()).isEqualTo(pair);
        assertThat(hotspot.getCount()).isEqualTo(expected);
        raised++;
      }
      assertThat(fx.hotspots.isEmpty()).as("submission %d", i).isTrue();
      flagged.put(pair, hot);
      assertThat(countAt(pair, at)).as("submission %d", i).isEqualTo(expected);
    }
    assertThat(raised).as("some pair cooled down and became a hotspot again").isGreaterThan(pairs.size());

    for (int days = 0; days <= 31; days += 3) {
      Instant later = at.plus(Duration.ofDays(days));
      for (String pair : received.keySet()) {
        assertThat(countAt(pair, later)).as("%s %d days on", pair, days).isEqualTo(plainCount(received.get(pair), later));
      }
    }
    int stillInAWindow = 0;
    for (String pair : received.keySet()) {
      Instant last = received.get(pair).get(received.get(pair).size() - 1);
      stillInAWindow += plainCount(received.get(pair), last);
    }
    assertThat(receiptCount()).isEqualTo(stillInAWindow);
  }

  @Test
  void aWindowWrittenWithEveryReceiveTimeIsMovedIntoReceiptsAtItsNextSubmission() {
    Instant day = TopologyFixture.START.plus(Duration.ofDays(60));
    long[] earlier = {day.minus(Duration.ofDays(40)).toEpochMilli(), day.minus(Duration.ofDays(20)).toEpochMilli(),
        day.minus(Duration.ofDays(10)).toEpochMilli()};
    windows().put("430103|PARKING", HotspotWindow.newBuilder()
        .setReceivedAt(List.of(earlier[0], earlier[1], earlier[2])).setFlagged(false).build());
    assertThat(countAt("430103|PARKING", day)).isEqualTo(2);

    submitOn(day, "430103", "PARKING");

    assertThat(fx.hotspots.readValue().getCount()).isEqualTo(3);
    HotspotWindow window = windows().get("430103|PARKING");
    assertThat(window.getReceivedAt()).isEmpty();
    assertThat(window.getCount()).isEqualTo(3);
    assertThat(window.getOldestAt()).isEqualTo(earlier[1]);
    assertThat(receiptCount()).isEqualTo(3);
    assertThat(countAt("430103|PARKING", day.plus(Duration.ofDays(15)))).isEqualTo(2);
  }

  private int countAt(String pair, Instant now) {
    return HotspotReceipts.countAt(receipts(), pair, windows().get(pair), now, SETTINGS);
  }

  private static int plainCount(List<Instant> received, Instant now) {
    return (int) received.stream().filter(t -> t.isAfter(now.minus(SETTINGS.window())) && !t.isAfter(now)).count();
  }

  private KeyValueStore<String, HotspotWindow> windows() {
    return fx.driver.getKeyValueStore(StoreNames.HOTSPOT_WINDOWS);
  }

  private int receiptCount() {
    int count = 0;
    try (KeyValueIterator<String, byte[]> it = receipts().all()) {
      for (; it.hasNext(); it.next()) {
        count++;
      }
    }
    return count;
  }

  private KeyValueStore<String, byte[]> receipts() {
    return fx.driver.getKeyValueStore(StoreNames.HOTSPOT_RECEIPTS);
  }
}
