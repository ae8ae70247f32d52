package cn.changsha.appeals.streams.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Business time for demonstrations: it starts at a chosen instant and runs {@code speed} times
 * faster than real time, from a real origin kept in the data directory, so a restart goes on
 * where the simulated week had got to instead of jumping back. Deadlines, warnings, breaches and
 * escalations all follow it, since every part of the system asks the one {@link Clock} bean.
 */
public final class SimulatedClock extends Clock {

  private final Instant start;
  private final Instant realOrigin;
  private final double speed;
  private final Clock real;

  public SimulatedClock(Instant start, Instant realOrigin, double speed, Clock real) {
    if (!(speed > 0) || speed > 100_000) {
      throw new IllegalArgumentException("appeals.clock.speed must be above 0 and at most 100000, not " + speed);
    }
    this.start = start;
    this.realOrigin = realOrigin;
    this.speed = speed;
    this.real = real;
  }

  @Override
  public Instant instant() {
    long realNanos = Duration.between(realOrigin, real.instant()).toNanos();
    return start.plusNanos((long) (realNanos * speed));
  }

  /** How many business seconds pass in one real second; screens use it to run their clocks between updates. */
  public double speed() {
    return speed;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("Business time is read as an instant; zones are applied by the calendar");
  }
}
