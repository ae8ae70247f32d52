package cn.changsha.appeals.streams.hotspot;

import java.time.Duration;

/**
 * @param window how far back appeals are counted (default 30 days)
 * @param threshold how many appeals of one category in one district within the window make a hotspot
 */
public record HotspotSettings(Duration window, int threshold) {

  public HotspotSettings {
    if (window.isNegative() || window.isZero() || threshold < 2) {
      throw new IllegalArgumentException("A hotspot needs a positive window and a threshold of at least 2");
    }
  }

  public static String key(String district, String category) {
    return district + "|" + category;
  }
}
