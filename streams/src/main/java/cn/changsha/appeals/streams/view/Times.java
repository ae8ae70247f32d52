package cn.changsha.appeals.streams.view;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Times are shown in Changsha's zone: the people reading them work there. */
public final class Times {

  public static final ZoneId CHANGSHA = ZoneId.of("Asia/Shanghai");

  private Times() {}

  public static OffsetDateTime local(Instant instant) {
    return instant == null ? null : instant.atZone(CHANGSHA).toOffsetDateTime();
  }
}
