package cn.changsha.appeals.streams;

import static org.assertj.core.api.Assertions.assertThat;

import cn.changsha.appeals.schema.Hotspot;
import cn.changsha.appeals.schema.HotspotWindow;
import cn.changsha.appeals.streams.hotspot.HotspotDetector;
import cn.changsha.appeals.streams.hotspot.HotspotSettings;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/** Tianxin's parking trouble piling up: three in thirty days (the fixture's threshold) is a hotspot. */
class HotspotTopologyTest extends TopologyTestSupport {

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

    KeyValueStore<String, HotspotWindow> windows = fx.driver.getKeyValueStore(StoreNames.HOTSPOT_WINDOWS);
    HotspotSettings settings = new HotspotSettings(Duration.ofDays(30), 3);
    assertThat(HotspotDetector.countAt(windows.get("430103|PARKING"), day.plus(Duration.ofDays(31)), settings)).isEqualTo(2);
    assertThat(HotspotDetector.countAt(windows.get("430103|PARKING"), day.plus(Duration.ofDays(55)), settings)).isEqualTo(1);
  }
}
