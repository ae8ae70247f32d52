package cn.changsha.appeals.streams.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Working time in Changsha: working periods on working days, where a working day is Monday to
 * Friday unless the year's schedule makes it a holiday, and a weekend day the schedule makes a
 * make-up working day. A year without a schedule falls back to weekends only, and says so.
 */
public final class BusinessCalendar {

  /**
   * The years the calendar answers for. Outside them an instant is refused at the edge: weekday
   * arithmetic on year 999999999 proves nothing and overflows.
   */
  public static final int FIRST_YEAR = 2000;
  public static final int LAST_YEAR = 2099;

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

  public static boolean canReasonAbout(int year) {
    return year >= FIRST_YEAR && year <= LAST_YEAR;
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
    return workingTimeFrom(instant, searchLimit(instant)).findFirst()
        .orElseThrow(() -> new IllegalStateException("No working time within " + MAX_DAYS_SEARCHED + " days of " + instant))
        .start();
  }

  /** The instant when {@code amount} of working time has passed after {@code from}. */
  public Instant addWorkingTime(Instant from, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("Negative working time " + amount);
    }
    Duration remaining = amount;
    for (Iterator<Interval> it = workingTimeFrom(from, searchLimit(from)).iterator(); it.hasNext(); ) {
      Interval interval = it.next();
      Duration available = Duration.between(interval.start(), interval.end());
      if (remaining.compareTo(available) <= 0) {
        return interval.start().plus(remaining);
      }
      remaining = remaining.minus(available);
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
    return workingTimeFrom(from, to.atZone(zone).toLocalDate())
        .takeWhile(interval -> interval.start().isBefore(to))
        .map(interval -> Duration.between(interval.start(), interval.end().isAfter(to) ? to : interval.end()))
        .reduce(Duration.ZERO, Duration::plus);
  }

  private record Interval(Instant start, Instant end) {}

  private LocalDate searchLimit(Instant from) {
    return from.atZone(zone).toLocalDate().plusDays(MAX_DAYS_SEARCHED);
  }

  /** The working periods from {@code instant} up to {@code lastDay}, in order, the first one cut to start there. */
  private Stream<Interval> workingTimeFrom(Instant instant, LocalDate lastDay) {
    return Stream.iterate(instant.atZone(zone).toLocalDate(), day -> !day.isAfter(lastDay), day -> day.plusDays(1))
        .filter(this::isWorkingDay)
        .flatMap(day -> periods.stream().map(p -> new Interval(
            day.atTime(p.start()).atZone(zone).toInstant(), day.atTime(p.end()).atZone(zone).toInstant())))
        .filter(interval -> interval.end().isAfter(instant))
        .map(interval -> interval.start().isBefore(instant) ? new Interval(instant, interval.end()) : interval);
  }
}
