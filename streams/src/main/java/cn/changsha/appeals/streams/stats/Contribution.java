package cn.changsha.appeals.streams.stats;

import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.AppealStatus;
import cn.changsha.appeals.schema.AppealStatuses;
import cn.changsha.appeals.streams.calendar.BusinessCalendar;
import cn.changsha.appeals.streams.sla.RunningClock;
import cn.changsha.appeals.streams.stats.AppealFacts.SlaCounts;
import cn.changsha.appeals.streams.stats.AppealFacts.Stretch;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one appeal, as it stands, adds to the figures the topology keeps: counts under
 * {@link FigureKeys} tally keys, and working times in minutes under histogram keys. It depends on
 * the state alone, never on the time of asking, so a change of state can take back exactly what
 * the old state added. Working time that is still running is kept as the day and offset it
 * started at, and turned into minutes when the figures are read.
 */
public record Contribution(Map<String, Long> tallies, Map<String, Long> minutes) {

  public static final Contribution NONE = new Contribution(Map.of(), Map.of());

  public static Contribution of(AppealState state, BusinessCalendar calendar) {
    if (state == null) {
      return NONE;
    }
    AppealFacts f = AppealFacts.of(state, calendar);
    Contribution c = new Contribution(new HashMap<>(), new HashMap<>());
    String district = FigureKeys.district(f.district());
    List<String> holdingGroups = f.departmentId() == null ? List.of(district)
        : List.of(FigureKeys.department(f.departmentId()), district, FigureKeys.month(f.month(), f.departmentId()));
    for (String group : holdingGroups) {
      c.held(group, f);
    }
    f.slaEventsByDepartment().forEach((department, counts) -> {
      c.sla(FigureKeys.department(department), counts);
      c.sla(FigureKeys.month(f.month(), department), counts);
      c.sla(district, counts);
      if (counts.breaches() > 0) {
        c.add(FigureKeys.listed(FigureKeys.OVERDUE, f.month(), department, f.trackingNumber()), 1);
      }
      if (counts.escalations() > 0) {
        c.add(FigureKeys.listed(FigureKeys.ESCALATED, f.month(), department, f.trackingNumber()), 1);
      }
    });
    f.spentWorkingTime().forEach((department, spent) -> {
      for (String group : List.of(FigureKeys.department(department), FigureKeys.month(f.month(), department), district)) {
        c.add(FigureKeys.measure(group, FigureKeys.HELD_MILLIS), spent.toMillis());
      }
      c.add(FigureKeys.measure(FigureKeys.department(department), FigureKeys.HOLDERS), 1);
      c.add(FigureKeys.measure(FigureKeys.month(f.month(), department), FigureKeys.HOLDERS), 1);
    });
    if (f.running() != null) {
      Stretch s = f.running();
      for (String group : List.of(FigureKeys.department(s.departmentId()), FigureKeys.month(f.month(), s.departmentId()), district)) {
        c.running(group, s.since(), calendar);
      }
    }
    c.overview(state, f, calendar);
    return c;
  }

  /** What the group holding the appeal now counts of it. */
  private void held(String group, AppealFacts f) {
    add(FigureKeys.measure(group, FigureKeys.RECEIVED), 1);
    add(FigureKeys.measure(group, FigureKeys.OPEN), AppealStatuses.OPEN.contains(f.status()) ? 1 : 0);
    add(FigureKeys.measure(group, FigureKeys.RESOLVED), f.resolved() ? 1 : 0);
    add(FigureKeys.measure(group, FigureKeys.RESPONDED), f.responded() ? 1 : 0);
    decided(group, FigureKeys.FIRST_RESPONSE, f.firstResponseOnTime());
    decided(group, FigureKeys.RESOLUTION, f.resolutionOnTime());
    if (f.rating() != null) {
      add(FigureKeys.measure(group, FigureKeys.RATINGS), 1);
      add(FigureKeys.measure(group, FigureKeys.RATING_SUM), f.rating());
      add(FigureKeys.measure(group, FigureKeys.SATISFIED), f.rating() >= 3 ? 1 : 0);
    }
    if (f.firstResponseWorkingTime() != null) {
      minutes.put(FigureKeys.measure(group, FigureKeys.FIRST_RESPONSE), f.firstResponseWorkingTime().toMinutes());
    }
    if (f.resolutionWorkingTime() != null) {
      minutes.put(FigureKeys.measure(group, FigureKeys.RESOLUTION), f.resolutionWorkingTime().toMinutes());
    }
  }

  private void decided(String group, String clock, Boolean onTime) {
    if (onTime != null) {
      add(FigureKeys.measure(group, clock + (onTime ? FigureKeys.ON_TIME : FigureKeys.LATE)), 1);
    }
  }

  private void sla(String group, SlaCounts counts) {
    add(FigureKeys.measure(group, FigureKeys.WARNINGS), counts.warnings());
    add(FigureKeys.measure(group, FigureKeys.BREACHES), counts.breaches());
    add(FigureKeys.measure(group, FigureKeys.ESCALATIONS), counts.escalations());
    add(FigureKeys.measure(group, FigureKeys.EFFICIENCY_CENTER), counts.efficiencyCenter());
  }

  /** A stretch still running: counted under the business day it started, with the working time of that day before it. */
  private void running(String group, Instant since, BusinessCalendar calendar) {
    LocalDate day = since.atZone(calendar.zone()).toLocalDate();
    Duration beforeIt = calendar.workingTimeBetween(day.atStartOfDay(calendar.zone()).toInstant(), since);
    add(FigureKeys.measure(group, FigureKeys.RUNNING + day), 1);
    add(FigureKeys.measure(group, FigureKeys.RUNNING_OFFSET + day), beforeIt.toMillis());
  }

  /** The dashboard's tiles: open appeals by how their running clock stands and by age; clocks decided. */
  private void overview(AppealState state, AppealFacts f, BusinessCalendar calendar) {
    for (Boolean onTime : new Boolean[] {f.firstResponseOnTime(), f.resolutionOnTime()}) {
      if (onTime != null) {
        add(FigureKeys.measure(FigureKeys.OVERVIEW, onTime ? FigureKeys.ON_TIME : FigureKeys.LATE), 1);
      }
    }
    if (!AppealStatuses.OPEN.contains(state.getStatus())) {
      return;
    }
    add(FigureKeys.measure(FigureKeys.OVERVIEW, FigureKeys.OPEN), 1);
    add(FigureKeys.ageStep(state.getSubmittedAt()), 1);
    if (state.getStatus() == AppealStatus.ROUTED || state.getStatus() == AppealStatus.REOPENED) {
      add(FigureKeys.measure(FigureKeys.OVERVIEW, FigureKeys.TO_ACKNOWLEDGE), 1);
    }
    RunningClock running = RunningClock.of(state);
    if (running == null || running.paused()) {
      return;
    }
    if (running.breached()) {
      add(FigureKeys.measure(FigureKeys.OVERVIEW, FigureKeys.BREACHED), 1);
    } else {
      add(FigureKeys.due(running.clock().getDueAt().atZone(calendar.zone()).toLocalDate()), 1);
      if (running.warned()) {
        add(FigureKeys.measure(FigureKeys.OVERVIEW, FigureKeys.ABOUT_TO_BREACH), 1);
      }
    }
  }

  private void add(String key, long amount) {
    if (amount != 0) {
      tallies.merge(key, amount, Long::sum);
    }
  }
}
