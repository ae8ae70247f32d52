package cn.changsha.appeals.streams.stats;

import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.streams.calendar.BusinessCalendar;
import cn.changsha.appeals.streams.stats.AppealFacts.SlaCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Statistics and the monthly accountability report. The API reads them from the figures the
 * topology keeps ({@link Figures}); the same definitions computed from appeal states
 * ({@link AppealFacts}) are the reference the kept figures are tested against.
 */
public final class Statistics {

  private static final SlaCounts NONE = new SlaCounts(0, 0, 0, 0);

  private final BusinessCalendar calendar;
  private final Clock clock;

  public Statistics(BusinessCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  public List<AppealFacts> facts(List<AppealState> states) {
    return AppealFacts.of(states, calendar);
  }

  /** Per department: the appeals it holds now, and the SLA events that happened while it held an appeal. */
  public List<GroupStatistics> byDepartment(List<AppealFacts> facts) {
    Instant now = clock.instant();
    Map<String, List<AppealFacts>> held = new TreeMap<>();
    Map<String, SlaCounts> sla = new TreeMap<>();
    Map<String, Duration> time = new TreeMap<>();
    for (AppealFacts f : facts) {
      held.computeIfAbsent(f.departmentId(), d -> new ArrayList<>()).add(f);
      f.slaEventsByDepartment().forEach((d, c) -> sla.merge(d, c, SlaCounts::plus));
      f.heldWorkingTime(calendar, now).forEach((d, t) -> time.merge(d, t, Duration::plus));
    }
    Set<String> departments = new HashSet<>(held.keySet());
    departments.addAll(sla.keySet());
    departments.addAll(time.keySet());
    return departments.stream().sorted()
        .map(d -> GroupStatistics.of(d, held.getOrDefault(d, List.of()), sla.getOrDefault(d, NONE), time.getOrDefault(d, Duration.ZERO)))
        .toList();
  }

  public List<GroupStatistics> byDistrict(List<AppealFacts> facts) {
    Instant now = clock.instant();
    Map<String, List<AppealFacts>> byDistrict = new TreeMap<>();
    facts.forEach(f -> byDistrict.computeIfAbsent(f.district(), d -> new ArrayList<>()).add(f));
    List<GroupStatistics> all = new ArrayList<>();
    byDistrict.forEach((district, group) -> all.add(GroupStatistics.of(district, group,
        group.stream().flatMap(f -> f.slaEventsByDepartment().values().stream()).reduce(NONE, SlaCounts::plus),
        group.stream().flatMap(f -> f.heldWorkingTime(calendar, now).values().stream()).reduce(Duration.ZERO, Duration::plus))));
    return all;
  }

  /** Per department that has held an appeal, from the kept figures. */
  public List<GroupStatistics> byDepartment(Figures figures) {
    return fromFigures(figures, FigureKeys.DEPARTMENTS + "|", FigureKeys.HOLDERS);
  }

  /** Per district that has received an appeal, from the kept figures. */
  public List<GroupStatistics> byDistrict(Figures figures) {
    return fromFigures(figures, FigureKeys.DISTRICTS + "|", FigureKeys.RECEIVED);
  }

  private List<GroupStatistics> fromFigures(Figures figures, String scope, String presentIf) {
    Instant now = clock.instant();
    Map<LocalDate, Long> dayToNow = new HashMap<>();
    List<GroupStatistics> all = new ArrayList<>();
    figures.groups(scope).forEach((group, tallies) -> {
      if (tallies.getOrDefault(presentIf, 0L) > 0) {
        all.add(GroupStatistics.of(group, tallies,
            figures.histogram(FigureKeys.measure(scope + group, FigureKeys.FIRST_RESPONSE)),
            figures.histogram(FigureKeys.measure(scope + group, FigureKeys.RESOLUTION)), heldMillis(tallies, now, dayToNow)));
      }
    });
    return all;
  }

  /** Time spent and finished, plus each stretch still running: its day's working time up to now, less its offset into the day. */
  private long heldMillis(Map<String, Long> tallies, Instant now, Map<LocalDate, Long> dayToNow) {
    long held = tallies.getOrDefault(FigureKeys.HELD_MILLIS, 0L);
    for (Map.Entry<String, Long> e : tallies.entrySet()) {
      if (e.getKey().startsWith(FigureKeys.RUNNING)) {
        LocalDate day = LocalDate.parse(e.getKey().substring(FigureKeys.RUNNING.length()));
        long sinceDayStart = dayToNow.computeIfAbsent(day,
            d -> calendar.workingTimeBetween(d.atStartOfDay(calendar.zone()).toInstant(), now).toMillis());
        held += Math.max(0, e.getValue() * sinceDayStart - tallies.getOrDefault(FigureKeys.RUNNING_OFFSET + day, 0L));
      }
    }
    return held;
  }

  /** Of every SLA clock decided so far, first responses and resolutions together, the share on time (kept figures). */
  public Double onTimePct(Figures figures) {
    long onTime = figures.tally(FigureKeys.measure(FigureKeys.OVERVIEW, FigureKeys.ON_TIME));
    return GroupStatistics.pct(Math.toIntExact(onTime),
        Math.toIntExact(onTime + figures.tally(FigureKeys.measure(FigureKeys.OVERVIEW, FigureKeys.LATE))));
  }

  /** Of every SLA clock decided so far, first responses and resolutions together, the share on time. */
  public Double onTimePct(List<AppealFacts> facts) {
    return GroupStatistics.onTimePct(facts.stream()
        .flatMap(f -> Stream.of(f.firstResponseOnTime(), f.resolutionOnTime())).toList());
  }

  /** Failings by kind: what a department is held to account for. */
  public enum Failing { LATE_FIRST_RESPONSE, LATE_RESOLUTION, UNSATISFIED, ESCALATED_TO_EFFICIENCY_CENTER }

  public record DepartmentReport(
      Integer rank, String departmentId, String name, GroupStatistics figures,
      List<String> overdue, List<String> escalated, Map<Failing, Integer> failings) {}

  /**
   * @param minimumToRank a department needs this many appeals received in the month to be ranked,
   *     so one fast appeal cannot top the table
   */
  public record MonthlyReport(String month, int minimumToRank, List<DepartmentReport> ranked, List<DepartmentReport> unranked) {}

  private static final Comparator<DepartmentReport> BEST_FIRST = Comparator
      .comparing((DepartmentReport r) -> r.figures().resolutionOnTimePct(), Comparator.nullsLast(Comparator.reverseOrder()))
      .thenComparing(r -> r.figures().firstResponseOnTimePct(), Comparator.nullsLast(Comparator.reverseOrder()))
      .thenComparing(r -> r.figures().averageRating(), Comparator.nullsLast(Comparator.reverseOrder()))
      .thenComparing(DepartmentReport::departmentId);

  /** The appeals received in {@code month}, department by department, ranked. */
  public MonthlyReport monthly(YearMonth month, List<AppealFacts> all, int minimumToRank, Function<String, String> names) {
    List<AppealFacts> facts = all.stream().filter(f -> f.month().equals(month)).toList();
    List<DepartmentReport> reports = new ArrayList<>();
    for (GroupStatistics figures : byDepartment(facts)) {
      String department = figures.group();
      List<AppealFacts> held = facts.stream().filter(f -> department.equals(f.departmentId())).toList();
      List<AppealFacts> touched = facts.stream().filter(f -> f.slaEventsByDepartment().containsKey(department)).toList();
      Map<Failing, Integer> failings = new LinkedHashMap<>();
      failings.put(Failing.LATE_FIRST_RESPONSE, (int) held.stream().filter(f -> Boolean.FALSE.equals(f.firstResponseOnTime())).count());
      failings.put(Failing.LATE_RESOLUTION, (int) held.stream().filter(f -> Boolean.FALSE.equals(f.resolutionOnTime())).count());
      failings.put(Failing.UNSATISFIED, (int) held.stream().filter(f -> f.rating() != null && f.rating() <= 2).count());
      failings.put(Failing.ESCALATED_TO_EFFICIENCY_CENTER,
          touched.stream().mapToInt(f -> f.slaEventsByDepartment().get(department).efficiencyCenter()).sum());
      reports.add(new DepartmentReport(null, department, names.apply(department), figures,
          touched.stream().filter(f -> f.slaEventsByDepartment().get(department).breaches() > 0).map(AppealFacts::trackingNumber).sorted().toList(),
          touched.stream().filter(f -> f.slaEventsByDepartment().get(department).escalations() > 0).map(AppealFacts::trackingNumber).sorted().toList(),
          failings));
    }
    return ranked(month, reports, minimumToRank);
  }

  /** The same report from the kept figures of the month (see {@link Figures.View#month}). */
  public MonthlyReport monthly(YearMonth month, Figures kept, int minimumToRank, Function<String, String> names) {
    String scope = FigureKeys.MONTHS + "|" + month + "|";
    Instant now = clock.instant();
    Map<LocalDate, Long> dayToNow = new HashMap<>();
    List<DepartmentReport> reports = new ArrayList<>();
    kept.groups(scope).forEach((department, t) -> {
      if (t.getOrDefault(FigureKeys.HOLDERS, 0L) == 0) {
        return;
      }
      GroupStatistics figures = GroupStatistics.of(department, t,
          kept.histogram(FigureKeys.measure(scope + department, FigureKeys.FIRST_RESPONSE)),
          kept.histogram(FigureKeys.measure(scope + department, FigureKeys.RESOLUTION)), heldMillis(t, now, dayToNow));
      Map<Failing, Integer> failings = new LinkedHashMap<>();
      failings.put(Failing.LATE_FIRST_RESPONSE, GroupStatistics.count(t, FigureKeys.FIRST_RESPONSE + FigureKeys.LATE));
      failings.put(Failing.LATE_RESOLUTION, GroupStatistics.count(t, FigureKeys.RESOLUTION + FigureKeys.LATE));
      failings.put(Failing.UNSATISFIED, GroupStatistics.count(t, FigureKeys.RATINGS) - GroupStatistics.count(t, FigureKeys.SATISFIED));
      failings.put(Failing.ESCALATED_TO_EFFICIENCY_CENTER, GroupStatistics.count(t, FigureKeys.EFFICIENCY_CENTER));
      reports.add(new DepartmentReport(null, department, names.apply(department), figures,
          kept.listed(FigureKeys.listPrefix(FigureKeys.OVERDUE, month) + department + "|"),
          kept.listed(FigureKeys.listPrefix(FigureKeys.ESCALATED, month) + department + "|"), failings));
    });
    return ranked(month, reports, minimumToRank);
  }

  private static MonthlyReport ranked(YearMonth month, List<DepartmentReport> reports, int minimumToRank) {
    List<DepartmentReport> eligible = reports.stream().filter(r -> r.figures().received() >= minimumToRank).sorted(BEST_FIRST).toList();
    List<DepartmentReport> ranked = new ArrayList<>();
    for (int i = 0; i < eligible.size(); i++) {
      DepartmentReport r = eligible.get(i);
      ranked.add(new DepartmentReport(i + 1, r.departmentId(), r.name(), r.figures(), r.overdue(), r.escalated(), r.failings()));
    }
    List<DepartmentReport> unranked = reports.stream().filter(r -> r.figures().received() < minimumToRank).toList();
    return new MonthlyReport(month.toString(), minimumToRank, ranked, unranked);
  }

  /** One column of the report as a table: its header, and its cell in a department's row (null for an empty cell). */
  public record Column(String header, BiFunction<MonthlyReport, DepartmentReport, Object> value) {}

  /**
   * The report's columns, for the CSV and the spreadsheet alike, so the two cannot drift apart.
   * Cells are Strings, whole numbers (Integer, Long) or figures rounded to one decimal (Double).
   */
  public static final List<Column> COLUMNS = List.of(
      new Column("month", (m, r) -> m.month()),
      new Column("rank", (m, r) -> r.rank()),
      new Column("departmentId", (m, r) -> r.departmentId()),
      new Column("name", (m, r) -> r.name()),
      new Column("received", (m, r) -> r.figures().received()),
      new Column("open", (m, r) -> r.figures().open()),
      new Column("resolved", (m, r) -> r.figures().resolved()),
      new Column("firstResponseOnTimePct", (m, r) -> r.figures().firstResponseOnTimePct()),
      new Column("resolutionOnTimePct", (m, r) -> r.figures().resolutionOnTimePct()),
      new Column("firstResponseMedianMinutes", (m, r) -> r.figures().firstResponseMedianMinutes()),
      new Column("firstResponseP90Minutes", (m, r) -> r.figures().firstResponseP90Minutes()),
      new Column("resolutionMedianMinutes", (m, r) -> r.figures().resolutionMedianMinutes()),
      new Column("resolutionP90Minutes", (m, r) -> r.figures().resolutionP90Minutes()),
      new Column("warnings", (m, r) -> r.figures().warnings()),
      new Column("breaches", (m, r) -> r.figures().breaches()),
      new Column("escalations", (m, r) -> r.figures().escalations()),
      new Column("averageRating", (m, r) -> r.figures().averageRating()),
      new Column("responseRate", (m, r) -> r.figures().responseRate()),
      new Column("resolutionRate", (m, r) -> r.figures().resolutionRate()),
      new Column("satisfactionRate", (m, r) -> r.figures().satisfactionRate()),
      new Column("heldWorkingMinutes", (m, r) -> r.figures().heldWorkingMinutes()),
      new Column("lateFirstResponse", (m, r) -> r.failings().get(Failing.LATE_FIRST_RESPONSE)),
      new Column("lateResolution", (m, r) -> r.failings().get(Failing.LATE_RESOLUTION)),
      new Column("unsatisfied", (m, r) -> r.failings().get(Failing.UNSATISFIED)),
      new Column("escalatedToEfficiencyCenter", (m, r) -> r.failings().get(Failing.ESCALATED_TO_EFFICIENCY_CENTER)),
      new Column("overdue", (m, r) -> String.join(" ", r.overdue())));

  /** The report's rows as a table: the ranked departments in rank order, then the unranked ones, which have no rank. */
  public static List<DepartmentReport> rows(MonthlyReport report) {
    List<DepartmentReport> rows = new ArrayList<>(report.ranked());
    rows.addAll(report.unranked());
    return rows;
  }

  /** The report as CSV, one row per department, ranked ones first; for spreadsheets. */
  public static String csv(MonthlyReport report) {
    StringBuilder out = new StringBuilder(String.join(",", COLUMNS.stream().map(Column::header).toList())).append('\n');
    for (DepartmentReport r : rows(report)) {
      out.append(String.join(",", COLUMNS.stream().map(c -> quote(text(c.value().apply(report, r)))).toList())).append('\n');
    }
    return out.toString();
  }

  private static String text(Object cell) {
    return cell == null ? "" : String.valueOf(cell);
  }

  private static String quote(String cell) {
    // Quote anything a spreadsheet could misread, and neutralise formula injection.
    String safe = cell.startsWith("=") || cell.startsWith("+") || cell.startsWith("-") || cell.startsWith("@") ? "'" + cell : cell;
    return safe.contains(",") || safe.contains("\"") || safe.contains("\n") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }
}
