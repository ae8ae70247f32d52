package cn.changsha.appeals.streams.stats;

import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.streams.calendar.BusinessCalendar;
import cn.changsha.appeals.streams.stats.AppealFacts.SlaCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/** Statistics and the monthly accountability report, computed from appeal states. */
public final class Statistics {

  private static final SlaCounts NONE = new SlaCounts(0, 0, 0, 0);

  private final BusinessCalendar calendar;
  private final Clock clock;

  public Statistics(BusinessCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  public List<AppealFacts> facts(List<AppealState> states) {
    return AppealFacts.of(states, calendar, clock.instant());
  }

  /** Per department: the appeals it holds now, and the SLA events that happened while it held an appeal. */
  public List<GroupStatistics> byDepartment(List<AppealFacts> facts) {
    Map<String, List<AppealFacts>> held = new TreeMap<>();
    Map<String, SlaCounts> sla = new TreeMap<>();
    Map<String, Duration> time = new TreeMap<>();
    for (AppealFacts f : facts) {
      held.computeIfAbsent(f.departmentId(), d -> new ArrayList<>()).add(f);
      f.slaEventsByDepartment().forEach((d, c) -> sla.merge(d, c, SlaCounts::plus));
      f.heldWorkingTime().forEach((d, t) -> time.merge(d, t, Duration::plus));
    }
    Set<String> departments = new HashSet<>(held.keySet());
    departments.addAll(sla.keySet());
    departments.addAll(time.keySet());
    return departments.stream().sorted()
        .map(d -> GroupStatistics.of(d, held.getOrDefault(d, List.of()), sla.getOrDefault(d, NONE), time.getOrDefault(d, Duration.ZERO)))
        .toList();
  }

  public List<GroupStatistics> byDistrict(List<AppealFacts> facts) {
    Map<String, List<AppealFacts>> byDistrict = new TreeMap<>();
    facts.forEach(f -> byDistrict.computeIfAbsent(f.district(), d -> new ArrayList<>()).add(f));
    List<GroupStatistics> all = new ArrayList<>();
    byDistrict.forEach((district, group) -> all.add(GroupStatistics.of(district, group,
        group.stream().flatMap(f -> f.slaEventsByDepartment().values().stream()).reduce(NONE, SlaCounts::plus),
        group.stream().flatMap(f -> f.heldWorkingTime().values().stream()).reduce(Duration.ZERO, Duration::plus))));
    return all;
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
