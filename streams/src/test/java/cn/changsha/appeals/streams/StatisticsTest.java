package cn.changsha.appeals.streams;

import static org.assertj.core.api.Assertions.assertThat;

import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.CommandType;
import cn.changsha.appeals.schema.Priority;
import cn.changsha.appeals.streams.stats.AppealFacts;
import cn.changsha.appeals.streams.stats.GroupStatistics;
import cn.changsha.appeals.streams.stats.Statistics;
import cn.changsha.appeals.streams.stats.Statistics.Failing;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Four appeals worked by hand (normal lane: first response by the close of the next working day,
 * resolution within 10 working days; 09:00-12:00 and 13:30-17:30), all received Monday 2 March 2026 09:00:
 * A acknowledged after 60 minutes, resolved Tuesday 09:00 (420 working minutes), rated 5;
 * B acknowledged after 120 minutes, awaited information Monday 13:30 to Tuesday 09:00, resolved
 * Tuesday 10:00 (480 - 240 paused = 240 minutes, superseded by the reopen), rated 2 and reopened;
 * C never acknowledged: warned Tuesday 14:00, breached Tuesday 17:30, efficiency center Wednesday 17:30;
 * D a tax question, to the district's business service center, acknowledged after 30 minutes.
 */
class StatisticsTest extends TopologyTestSupport {

  static final ZoneId CHANGSHA = ZoneId.of("Asia/Shanghai");

  String a;
  String b;
  String c;
  String d;

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(CHANGSHA).toInstant();
  }

  @BeforeEach
  void workTheFourAppeals() {
    fx.clock.set(at("2026-03-02T09:00"));
    a = fx.submit("430104", "ENVIRONMENT", Priority.NORMAL);
    b = fx.submit("430104", "ENVIRONMENT", Priority.NORMAL);
    c = fx.submit("430104", "ENVIRONMENT", Priority.NORMAL);
    d = fx.submit("430104", "TAX", Priority.NORMAL);
    act("2026-03-02T09:30", d, CommandType.ACKNOWLEDGE);
    act("2026-03-02T10:00", a, CommandType.ACKNOWLEDGE);
    act("2026-03-02T11:00", b, CommandType.ACKNOWLEDGE);
    fx.clock.set(at("2026-03-02T13:30"));
    fx.act(b, CommandType.REQUEST_INFO, x -> x.setQuestion("请补充排污许可材料"));
    fx.clock.set(at("2026-03-03T09:00"));
    fx.act(b, CommandType.PROVIDE_INFO, x -> x.setInformation("已补充"));
    fx.act(a, CommandType.RESOLVE, x -> x.setResolution("已指导办理"));
    fx.clock.set(at("2026-03-03T10:00"));
    fx.act(b, CommandType.RESOLVE, x -> x.setResolution("已办结"));
    fx.act(a, CommandType.EVALUATE, x -> x.setRating(5));
    fx.act(b, CommandType.EVALUATE, x -> x.setRating(2));
    for (String t : List.of("2026-03-03T14:00", "2026-03-03T17:30", "2026-03-04T17:30")) {
      fx.advanceTo(at(t));
    }
  }

  private void act(String time, String appeal, CommandType type) {
    fx.clock.set(at(time));
    fx.act(appeal, type, x -> { });
  }

  private List<AppealFacts> facts() {
    KeyValueStore<String, AppealState> store = fx.driver.getKeyValueStore(StoreNames.APPEAL_STATE);
    List<AppealState> states = new ArrayList<>();
    try (var it = store.all()) {
      it.forEachRemaining(kv -> states.add(kv.value));
    }
    return new Statistics(fx.calendar, fx.clock).facts(states);
  }

  @Test
  void departmentFiguresEqualTheHandCount() {
    GroupStatistics env = new Statistics(fx.calendar, fx.clock).byDepartment(facts()).stream()
        .filter(s -> s.group().equals("430104-ENV")).findFirst().orElseThrow();

    assertThat(env).isEqualTo(new GroupStatistics("430104-ENV", 3, 2, 1,
        66.7, 100.0, 60L, 120L, 420L, 420L,
        1, 1, 3, 3.5,
        66.7, 33.3, 50.0,
        420 + 240 + 780 + 1260));
  }

  @Test
  void aTransferLeavesTheTimeAlreadySpentWithTheDepartmentThatSpentIt() {
    fx.clock.set(at("2026-03-05T09:00"));
    String e = fx.submit("430104", "ENVIRONMENT", Priority.NORMAL);
    fx.clock.set(at("2026-03-05T12:00"));
    fx.act(e, CommandType.TRANSFER, x -> x.setToDepartmentId("430104-MARKET").setReason("属于市场监管职责"));
    act("2026-03-06T10:00", e, CommandType.ACKNOWLEDGE);
    fx.clock.set(at("2026-03-06T11:00"));
    fx.act(e, CommandType.RESOLVE, x -> x.setResolution("已办结"));

    AppealFacts facts = facts().stream().filter(f -> f.appealId().equals(e)).findFirst().orElseThrow();
    // Thursday 09:00-12:00 with the environment branch; Thursday 12:00 to Friday 11:00 with market regulation.
    assertThat(facts.heldWorkingTime(fx.calendar, fx.clock.instant())).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
        "430104-ENV", java.time.Duration.ofMinutes(180), "430104-MARKET", java.time.Duration.ofMinutes(240 + 120)));
    assertThat(facts.firstResponseWorkingTime()).as("the enterprise's clock did not restart").hasMinutes(180 + 240 + 60);
  }

  @Test
  void districtFiguresCoverEveryDepartmentOfTheDistrict() {
    GroupStatistics yuelu = new Statistics(fx.calendar, fx.clock).byDistrict(facts()).get(0);
    assertThat(yuelu.group()).isEqualTo("430104");
    assertThat(yuelu.received()).isEqualTo(4);
    assertThat(yuelu.firstResponseOnTimePct()).as("A, B, D on time; C late").isEqualTo(75.0);
    assertThat(yuelu.firstResponseMedianMinutes()).as("30, 60, 120").isEqualTo(60L);
    assertThat(yuelu.responseRate()).isEqualTo(75.0);
  }

  @Test
  void theMonthlyReportRanksOnlyDepartmentsWithEnoughAppeals() {
    Statistics.MonthlyReport report = new Statistics(fx.calendar, fx.clock)
        .monthly(YearMonth.of(2026, 3), facts(), 3, id -> id.equals("430104-ENV") ? "岳麓区生态环境分局" : null);

    assertThat(report.ranked()).singleElement().satisfies(r -> {
      assertThat(r.rank()).isEqualTo(1);
      assertThat(r.departmentId()).isEqualTo("430104-ENV");
      assertThat(r.overdue()).containsExactly(fx.state(c).getTrackingNumber());
      assertThat(r.escalated()).containsExactly(fx.state(c).getTrackingNumber());
      assertThat(r.failings()).containsEntry(Failing.LATE_FIRST_RESPONSE, 1).containsEntry(Failing.LATE_RESOLUTION, 0)
          .containsEntry(Failing.UNSATISFIED, 1).containsEntry(Failing.ESCALATED_TO_EFFICIENCY_CENTER, 1);
    });
    assertThat(report.unranked()).extracting(Statistics.DepartmentReport::departmentId).containsExactly("430104-BSC");
    assertThat(new Statistics(fx.calendar, fx.clock).monthly(YearMonth.of(2026, 4), facts(), 3, id -> null).ranked()).isEmpty();

    String csv = Statistics.csv(report);
    assertThat(csv.lines()).hasSize(3);
    assertThat(csv.lines().skip(1).findFirst().orElseThrow())
        .startsWith("2026-03,1,430104-ENV,岳麓区生态环境分局,3,2,1,66.7,100.0,60,120,420,420,1,1,3,3.5,66.7,33.3,50.0,2700,1,0,1,1,");
  }
}
