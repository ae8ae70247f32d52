package cn.changsha.appeals.app;

import cn.changsha.appeals.streams.calendar.BusinessCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Shows which years have a holiday schedule. A missing year does not stop the system (deadlines
 * fall back to weekends only) but is reported here so someone adds the file before it matters.
 */
@Component("calendarHealthIndicator")
class BusinessCalendarHealthIndicator implements HealthIndicator {

  private final BusinessCalendar calendar;
  private final Clock clock;

  BusinessCalendarHealthIndicator(BusinessCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  @Override
  public Health health() {
    // Only the years deadlines fall in now: this one and, from autumn on, the next. Years that
    // someone previewed are in the log once each, not here.
    int thisYear = LocalDate.ofInstant(clock.instant(), calendar.zone()).getYear();
    Set<Integer> missing = new TreeSet<>(Set.of(thisYear, thisYear + 1));
    missing.removeAll(calendar.yearsWithSchedule());
    Health.Builder health = Health.up()
        .withDetail("zone", calendar.zone().getId())
        .withDetail("yearsWithSchedule", calendar.yearsWithSchedule());
    if (!missing.isEmpty()) {
      health.withDetail("warning", "No holiday schedule for " + missing + ": deadlines there count weekends only. "
          + "Add calendar/<year>.json (or a file in appeals.calendar.schedule-dir).");
    }
    return health.build();
  }
}
