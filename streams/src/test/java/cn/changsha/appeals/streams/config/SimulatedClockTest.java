package cn.changsha.appeals.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.changsha.appeals.streams.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {

  static final Instant START = Instant.parse("2026-11-22T01:00:00Z"); // Sunday 09:00 in Changsha
  static final Instant REAL_ORIGIN = Instant.parse("2026-11-27T15:00:00Z");

  @Test
  void aRealMinuteIsTwoBusinessHoursAt120() {
    SettableClock real = new SettableClock(REAL_ORIGIN);
    SimulatedClock simulated = new SimulatedClock(START, REAL_ORIGIN, 120, real);

    assertThat(simulated.instant()).isEqualTo(START);
    real.set(REAL_ORIGIN.plusSeconds(60));
    assertThat(simulated.instant()).isEqualTo(START.plus(Duration.ofHours(2)));
    real.set(REAL_ORIGIN.plus(Duration.ofMinutes(84)));
    assertThat(simulated.instant()).as("a week in 84 minutes").isEqualTo(START.plus(Duration.ofDays(7)));
  }

  @Test
  void anImpossibleSpeedIsRefused() {
    assertThatThrownBy(() -> new SimulatedClock(START, REAL_ORIGIN, 0, new SettableClock(REAL_ORIGIN)))
        .hasMessageContaining("appeals.clock.speed");
    assertThatThrownBy(() -> new SimulatedClock(START, REAL_ORIGIN, -5, new SettableClock(REAL_ORIGIN)))
        .hasMessageContaining("appeals.clock.speed");
  }
}
