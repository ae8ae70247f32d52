package cn.changsha.appeals.streams.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Working time in Changsha: working periods on working days, where a working day is Monday to
 * Friday unless the year's schedule makes it a holiday, and a weekend day the schedule makes a
 * make-up working day. A year without a schedule falls back to weekends only, and says so.
 */
public final class BusinessCalendar {

  private static final Logger log = LoggerFactory.getLogger(BusinessCalendar.class);
  private static final int MAX_DAYS_SEARCHED = 3 * 366;

  private final ZoneId zone;
  private final List<WorkingPeriod> periods;
  private final Map<Integer, HolidaySchedule> schedules;
  private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

  public BusinessCalendar(ZoneId zone, List<WorkingPeriod> periods, Map<Integer, HolidaySchedule> schedules) {
    this.zone = zone;
    this.periods = List.copyOf(periods);
    this.schedules = Map.copyOf(schedules);
  }

  public ZoneId zone() {
    return zone;
  }

  public Set<Integer> yearsWithSchedule() {
    return new TreeSet<>(schedules.keySet());
  }

  /** Years a deadline has fallen in for which no schedule was loaded (weekends-only was used). */
  public Set<Integer> yearsWithoutSchedule() {
    return new TreeSet<>(warnedYears);
  }

  public boolean isWorkingDay(LocalDate day) {
    HolidaySchedule schedule = schedules.get(day.getYear());
    if (schedule == null) {
      if (warnedYears.add(day.getYear())) {
        log.warn("No holiday schedule for {}: counting weekends only. Add calendar/{}.json.", day.getYear(), day.getYear());
      }
    } else if (schedule.holidays().contains(day)) {
      return false;
    } else if (schedule.makeUpWorkdays().contains(day)) {
      return true;
    }
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /** The working time of one full working day (7 hours with the default periods). */
  public Duration workingDayLength() {
    return periods.stream().map(p -> Duration.between(p.start(), p.end())).reduce(Duration.ZERO, Duration::plus);
  }

  /** The instant itself if it falls in working time, otherwise the start of the next working period. */
  public Instant nextWorkingInstant(Instant instant) {
    ZonedDateTime t = instant.atZone(zone);
    LocalDate day = t.toLocalDate();
    for (int i = 0; i < MAX_DAYS_SEARCHED; i++, day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      for (WorkingPeriod p : periods) {
        ZonedDateTime start = day.atTime(p.start()).atZone(zone);
        ZonedDateTime end = day.atTime(p.end()).atZone(zone);
        if (t.isBefore(end)) {
          return (t.isBefore(start) ? start : t).toInstant();
        }
      }
    }
    throw new IllegalStateException("No working time within " + MAX_DAYS_SEARCHED + " days of " + instant);
  }

  /** The instant when {@code amount} of working time has passed after {@code from}. */
  public Instant addWorkingTime(Instant from, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("Negative working time " + amount);
    }
    ZonedDateTime t = from.atZone(zone);
    Duration remaining = amount;
    LocalDate day = t.toLocalDate();
    for (int i = 0; i < MAX_DAYS_SEARCHED; i++, day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      for (WorkingPeriod p : periods) {
        ZonedDateTime start = day.atTime(p.start()).atZone(zone);
        ZonedDateTime end = day.atTime(p.end()).atZone(zone);
        if (!t.isBefore(end)) {
          continue;
        }
        ZonedDateTime from_ = t.isBefore(start) ? start : t;
        Duration available = Duration.between(from_, end);
        if (remaining.compareTo(available) <= 0) {
          return from_.plus(remaining).toInstant();
        }
        remaining = remaining.minus(available);
      }
    }
    throw new IllegalStateException("Working time " + amount + " does not end within " + MAX_DAYS_SEARCHED + " days");
  }

  /**
   * The close of the n-th working day after the day of receipt (n = 0: the close of that day).
   * Received outside working time counts as received at the start of the next working period.
   */
  public Instant closeOfWorkingDay(Instant receipt, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("Negative number of working days " + n);
    }
    LocalDate day = nextWorkingInstant(receipt).atZone(zone).toLocalDate();
    for (int counted = 0; counted < n; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day.atTime(periods.get(periods.size() - 1).end()).atZone(zone).toInstant();
  }

  /** Working time between two instants; zero if {@code to} is not after {@code from}. */
  public Duration workingTimeBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    ZonedDateTime a = from.atZone(zone);
    ZonedDateTime b = to.atZone(zone);
    Duration total = Duration.ZERO;
    for (LocalDate day = a.toLocalDate(); !day.isAfter(b.toLocalDate()); day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      for (WorkingPeriod p : periods) {
        ZonedDateTime start = max(day.atTime(p.start()).atZone(zone), a);
        ZonedDateTime end = min(day.atTime(p.end()).atZone(zone), b);
        if (end.isAfter(start)) {
          total = total.plus(Duration.between(start, end));
        }
      }
    }
    return total;
  }

  private static ZonedDateTime max(ZonedDateTime x, ZonedDateTime y) {
    return x.isAfter(y) ? x : y;
  }

  private static ZonedDateTime min(ZonedDateTime x, ZonedDateTime y) {
    return x.isBefore(y) ? x : y;
  }
}
