package cn.changsha.appeals.streams;

import static org.assertj.core.api.Assertions.assertThat;

import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.AppealStatus;
import cn.changsha.appeals.schema.CommandOutcome;
import cn.changsha.appeals.schema.CommandType;
import cn.changsha.appeals.schema.EventType;
import cn.changsha.appeals.schema.Priority;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingTopologyTest extends TopologyTestSupport {

  @Test
  void aRuleForCategoryAndDistrictRoutesTheAppeal() {
    String id = fx.submit("430104", "ENVIRONMENT");

    AppealState state = fx.state(id);
    assertThat(state.getStatus()).isEqualTo(AppealStatus.ROUTED);
    assertThat(state.getDepartmentId()).isEqualTo("430104-ENV");
    assertThat(state.getRoutingRuleId()).isEqualTo("r-env-yuelu");
    List<AppealEvent> events = fx.events.readValuesToList();
    assertThat(events).extracting(AppealEvent::getType).containsExactly(EventType.SUBMITTED, EventType.ROUTED);
    assertThat(events).extracting(AppealEvent::getSequence).containsExactly(1L, 2L);
    assertThat(events.get(1).getActor().getId()).isEqualTo("router");
  }

  @Test
  void aRuleWithoutDistrictMatchesEveryDistrict() {
    assertThat(fx.state(fx.submit("430181", "URBAN_MANAGEMENT")).getDepartmentId()).isEqualTo("430103-URBAN");
  }

  @Test
  void whatNoRuleClaimsGoesToTheDistrictFallback() {
    AppealState state = fx.state(fx.submit("430104", "TAX"));
    assertThat(state.getDepartmentId()).isEqualTo("430104-BSC");
    assertThat(state.getRoutingRuleId()).isEqualTo("fallback-430104");
  }

  @Test
  void aDistrictWithoutAnyRuleGoesToTheLastResortOffice() {
    AppealState state = fx.state(fx.submit("430182", "TAX"));
    assertThat(state.getDepartmentId()).isEqualTo(TopologyFixture.LAST_RESORT);
    assertThat(state.getRoutingRuleId()).isEqualTo("last-resort");
  }

  @Test
  void theFirstMatchingRuleByOrderWins() {
    fx.rule("r-env-yuelu-priority", 50, "430104", "ENVIRONMENT", "430104-MARKET");
    assertThat(fx.state(fx.submit("430104", "ENVIRONMENT")).getDepartmentId()).isEqualTo("430104-MARKET");
  }

  @Test
  void aChangedRuleTakesEffectForTheNextAppeal() {
    String before = fx.submit("430104", "ENVIRONMENT");
    fx.rule("r-env-yuelu", 100, "430104", "ENVIRONMENT", "430104-BSC");
    String after = fx.submit("430104", "ENVIRONMENT");

    assertThat(fx.state(before).getDepartmentId()).isEqualTo("430104-ENV");
    assertThat(fx.state(after).getDepartmentId()).isEqualTo("430104-BSC");
  }

  @Test
  void aRuleWhoseDepartmentIsInactiveIsSkipped() {
    fx.department("430104-ENV", false);
    assertThat(fx.state(fx.submit("430104", "ENVIRONMENT")).getDepartmentId()).isEqualTo("430104-BSC");
  }

  @Test
  void theRoutedAppealReachesItsDepartmentsTopicAndQueue() {
    String id = fx.submit("430104", "ENVIRONMENT");

    var records = fx.departmentTopic("430104-ENV");
    assertThat(records).hasSize(1);
    assertThat(records.get(0).key).isEqualTo(id);
    assertThat(records.get(0).value).contains("\"type\":\"ROUTED\"").contains("\"status\":\"ROUTED\"")
        .contains("湖南艾科瑞生物工程有限公司");
    assertThat(fx.departmentTopic("430104-BSC")).isEmpty();
    assertThat(fx.queue("430104-ENV")).containsExactly(id);
  }

  @Test
  void aQueueListsTheEarliestDueFirstAndFollowsTheRunningClock() {
    String normal = fx.submit("430104", "ENVIRONMENT");
    fx.clock.set(TopologyFixture.START.plusSeconds(60));
    String urgent = fx.submit("430104", "ENVIRONMENT", Priority.URGENT);
    fx.clock.set(TopologyFixture.START.minusSeconds(60));
    String earlierNormal = fx.submit("430104", "ENVIRONMENT");

    // The urgent one must answer within two working hours, the others by the next working day;
    // those two alike by when they came in.
    assertThat(fx.queue("430104-ENV")).containsExactly(urgent, earlierNormal, normal);

    // Acknowledged, the urgent one is measured by its resolution clock (two working days): last.
    assertThat(fx.act(urgent, CommandType.ACKNOWLEDGE, c -> { }).getOutcome()).isEqualTo(CommandOutcome.ACCEPTED);
    assertThat(fx.queue("430104-ENV")).containsExactly(earlierNormal, normal, urgent);
  }
}
