package cn.changsha.appeals.streams.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * One year's public holidays and the weekend days that are worked instead (调休), as the State
 * Council publishes them each November. Read from a JSON file per year, so next year's schedule
 * is a file to add, not code to change.
 */
public record HolidaySchedule(int year, String source, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {

  record Holiday(String name, LocalDate from, LocalDate to) {}

  record File(int year, String source, List<Holiday> holidays, List<LocalDate> makeUpWorkdays) {}

  public static HolidaySchedule read(InputStream json) throws IOException {
    File file = JsonMapper.builder().build().readValue(json, File.class);
    Set<LocalDate> off = new HashSet<>();
    for (Holiday holiday : file.holidays()) {
      if (holiday.to().isBefore(holiday.from())) {
        throw new IllegalArgumentException("Holiday " + holiday.name() + " ends before it starts");
      }
      holiday.from().datesUntil(holiday.to().plusDays(1)).forEach(off::add);
    }
    Set<LocalDate> worked = Set.copyOf(file.makeUpWorkdays());
    for (LocalDate day : off) {
      if (day.getYear() != file.year() || worked.contains(day)) {
        throw new IllegalArgumentException("Day " + day + " does not fit the " + file.year() + " schedule");
      }
    }
    return new HolidaySchedule(file.year(), file.source(), Set.copyOf(off), worked);
  }
}
