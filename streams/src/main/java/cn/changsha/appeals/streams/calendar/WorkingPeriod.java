package cn.changsha.appeals.streams.calendar;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Office hours within a working day, e.g. 09:00-12:00. */
public record WorkingPeriod(LocalTime start, LocalTime end) {

  public WorkingPeriod {
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("A working period must end after it starts: " + start + "-" + end);
    }
  }

  /** Parses "09:00-12:00,13:30-17:30"; periods must be in order and must not overlap. */
  public static List<WorkingPeriod> parse(String text) {
    List<WorkingPeriod> periods = new ArrayList<>();
    for (String part : text.split(",")) {
      String[] bounds = part.strip().split("-");
      if (bounds.length != 2) {
        throw new IllegalArgumentException("Expected HH:mm-HH:mm, got '" + part + "'");
      }
      WorkingPeriod period = new WorkingPeriod(LocalTime.parse(bounds[0].strip()), LocalTime.parse(bounds[1].strip()));
      if (!periods.isEmpty() && period.start().isBefore(periods.get(periods.size() - 1).end())) {
        throw new IllegalArgumentException("Working periods must be in order and not overlap: " + text);
      }
      periods.add(period);
    }
    if (periods.isEmpty()) {
      throw new IllegalArgumentException("At least one working period is needed");
    }
    return List.copyOf(periods);
  }
}
