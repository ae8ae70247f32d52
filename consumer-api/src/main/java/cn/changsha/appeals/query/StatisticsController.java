package cn.changsha.appeals.query;

import cn.changsha.appeals.edge.problem.BadRequestException;
import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.streams.calendar.BusinessCalendar;
import cn.changsha.appeals.streams.query.ReferenceQueries;
import cn.changsha.appeals.query.AppealQueries.FigureView;
import cn.changsha.appeals.streams.stats.Figures;
import cn.changsha.appeals.streams.stats.GroupStatistics;
import cn.changsha.appeals.streams.stats.OpenAppeals;
import cn.changsha.appeals.streams.stats.Statistics;
import cn.changsha.appeals.streams.view.Times;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Figures for monitors: per department, per district, the dashboard's tiles and the monthly
 * accountability report. Read from the figures the topology keeps as events happen, gathered from
 * every instance: a call costs in proportion to departments and districts, not to appeals.
 */
@RestController
public class StatisticsController {

  private final AppealQueries appeals;
  private final ReferenceQueries reference;
  private final Statistics statistics;
  private final Clock clock;

  public StatisticsController(AppealQueries appeals, ReferenceQueries reference, Statistics statistics, Clock clock) {
    this.clock = clock;
    this.appeals = appeals;
    this.reference = reference;
    this.statistics = statistics;
  }

  @GetMapping("/api/stats/departments")
  public List<GroupStatistics> departments() {
    return statistics.byDepartment(appeals.figures(FigureView.DEPARTMENTS, null));
  }

  /** The dashboard's tiles: open appeals by urgency and age, and the on-time shares of all clocks decided. */
  @GetMapping("/api/stats/overview")
  public Overview overview() {
    Instant now = clock.instant();
    Figures figures = appeals.figures(FigureView.OVERVIEW, null);
    return Overview.of(Times.local(now), OpenAppeals.of(figures, now, Times.CHANGSHA), statistics.onTimePct(figures));
  }

  @GetMapping("/api/stats/districts")
  public List<GroupStatistics> districts() {
    return statistics.byDistrict(appeals.figures(FigureView.DISTRICTS, null));
  }

  @GetMapping("/api/reports/monthly")
  public ResponseEntity<?> monthly(@RequestParam String month, @RequestParam(defaultValue = "5") int minimumToRank,
      @RequestParam(defaultValue = "json") String format) {
    YearMonth which;
    try {
      which = YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw new BadRequestException("month", "must be YYYY-MM, e.g. 2026-10");
    }
    if (!BusinessCalendar.canReasonAbout(which.getYear())) {
      throw new BadRequestException("month", "must fall in the years " + BusinessCalendar.FIRST_YEAR + " to " + BusinessCalendar.LAST_YEAR);
    }
    if (minimumToRank < 1 || minimumToRank > 10_000) {
      throw new BadRequestException("minimumToRank", "must be 1 to 10000");
    }
    Statistics.MonthlyReport report = statistics.monthly(which, appeals.figures(FigureView.MONTH, which), minimumToRank,
        id -> reference.department(id).map(Department::getName).orElse(null));
    return switch (format) {
      case "json" -> ResponseEntity.ok(report);
      case "csv" -> ResponseEntity.ok()
          .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"accountability-" + which + ".csv\"")
          .body("\uFEFF" + Statistics.csv(report)); // the byte-order mark makes spreadsheet programs read UTF-8 Chinese
      case "xlsx" -> ResponseEntity.ok()
          .contentType(MonthlyReportWorkbook.MEDIA_TYPE)
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"accountability-" + which + ".xlsx\"")
          .body(MonthlyReportWorkbook.write(report));
      default -> throw new BadRequestException("format", "must be json, csv or xlsx");
    };
  }
}
