package cn.changsha.appeals.streams.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deadlines worked out by hand on the 2026 schedule (notice of 2025-11-04), 09:00-12:00 and 13:30-17:30. */
class BusinessCalendarTest {

  static final ZoneId CHANGSHA = ZoneId.of("Asia/Shanghai");
  static BusinessCalendar calendar;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = BusinessCalendarTest.class.getClassLoader().getResourceAsStream("calendar/2026.json")) {
      calendar = new BusinessCalendar(CHANGSHA, WorkingPeriod.parse("09:00-12:00,13:30-17:30"),
          Map.of(2026, HolidaySchedule.read(in)));
    }
  }

  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(CHANGSHA).toInstant();
  }

  @Test
  void holidaysAndMakeUpDaysOf2026() {
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-01"))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-04"))).as("Sunday, worked").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).as("Saturday, worked").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-16"))).as("Monday, Spring Festival").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-28"))).as("Saturday, worked").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-05-05"))).as("Tuesday, Labour Day").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-20"))).as("Sunday, worked").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).as("Saturday, worked").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-11"))).as("plain Sunday").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-12"))).as("plain Monday").isTrue();
  }

  @Test
  void sevenWorkingHoursAcrossNationalDay() {
    assertThat(calendar.addWorkingTime(at("2026-09-30T16:00"), Duration.ofHours(7))).isEqualTo(at("2026-10-08T16:00"));
  }

  @Test
  void oneWorkingDayEndsOnAMakeUpSaturday() {
    assertThat(calendar.closeOfWorkingDay(at("2026-10-09T15:00"), 1)).isEqualTo(at("2026-10-10T17:30"));
  }

  @Test
  void zeroWorkingDaysIsTheCloseOfTheDayOfReceipt() {
    assertThat(calendar.closeOfWorkingDay(at("2026-03-02T10:00"), 0)).isEqualTo(at("2026-03-02T17:30"));
  }

  @Test
  void receivedOutsideWorkingTimeCountsFromTheNextWorkingPeriod() {
    // A plain Sunday evening: Monday morning.
    assertThat(calendar.nextWorkingInstant(at("2026-09-13T20:00"))).isEqualTo(at("2026-09-14T09:00"));
    assertThat(calendar.closeOfWorkingDay(at("2026-09-13T20:00"), 0)).isEqualTo(at("2026-09-14T17:30"));
    assertThat(calendar.closeOfWorkingDay(at("2026-09-13T20:00"), 1)).isEqualTo(at("2026-09-15T17:30"));
    // Lunch break: the afternoon period of the same day.
    assertThat(calendar.nextWorkingInstant(at("2026-03-02T12:45"))).isEqualTo(at("2026-03-02T13:30"));
    assertThat(calendar.addWorkingTime(at("2026-03-02T12:45"), Duration.ofHours(1))).isEqualTo(at("2026-03-02T14:30"));
    // After hours on the eve of the Spring Festival: the make-up Saturday is the next working day.
    assertThat(calendar.closeOfWorkingDay(at("2026-02-13T18:00"), 0)).isEqualTo(at("2026-02-14T17:30"));
    assertThat(calendar.closeOfWorkingDay(at("2026-02-13T18:00"), 1)).isEqualTo(at("2026-02-24T17:30"));
  }

  @Test
  void workingHoursSkipTheLunchBreakAndTheNight() {
    assertThat(calendar.addWorkingTime(at("2026-03-02T11:00"), Duration.ofHours(2))).isEqualTo(at("2026-03-02T14:30"));
    assertThat(calendar.addWorkingTime(at("2026-03-02T17:00"), Duration.ofHours(1))).isEqualTo(at("2026-03-03T09:30"));
    assertThat(calendar.addWorkingTime(at("2026-03-02T09:00"), Duration.ofHours(7))).isEqualTo(at("2026-03-02T17:30"));
  }

  @Test
  void aPauseSpanningAHolidayCountsOnlyItsWorkingTime() {
    assertThat(calendar.workingTimeBetween(at("2026-09-30T16:00"), at("2026-10-08T10:00"))).isEqualTo(Duration.ofMinutes(150));
    assertThat(calendar.workingTimeBetween(at("2026-04-03T17:00"), at("2026-04-07T09:30"))).isEqualTo(Duration.ofMinutes(60));
    assertThat(calendar.workingTimeBetween(at("2026-04-07T09:30"), at("2026-04-03T17:00"))).isZero();
  }

  @Test
  void aYearWithoutAScheduleCountsWeekendsOnlyAndSaysSo() {
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).as("a Friday; 2027 is not loaded").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-02"))).isFalse();
    assertThat(calendar.yearsWithoutSchedule()).contains(2027);
    assertThat(calendar.yearsWithSchedule()).containsExactly(2026);
  }

  @Test
  void badWorkingPeriodsAreRefused() {
    assertThatThrownBy(() -> WorkingPeriod.parse("13:30-17:30,09:00-12:00")).hasMessageContaining("order");
    assertThatThrownBy(() -> WorkingPeriod.parse("12:00-09:00")).hasMessageContaining("end after");
    assertThatThrownBy(() -> WorkingPeriod.parse("9-12")).isInstanceOf(RuntimeException.class);
  }
}
