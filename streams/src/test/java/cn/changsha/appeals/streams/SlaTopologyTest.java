package cn.changsha.appeals.streams;

import static org.assertj.core.api.Assertions.assertThat;

import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.CommandOutcome;
import cn.changsha.appeals.schema.CommandType;
import cn.changsha.appeals.schema.EventType;
import cn.changsha.appeals.schema.Priority;
import cn.changsha.appeals.schema.SlaState;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Wangcheng rapid response on the 2026 calendar: a green-card enterprise asks on Sunday for a
 * meeting; it is answered by the close of Monday and has its meeting by the close of Tuesday.
 * Timers fire on wall-clock time alone; no other record arrives.
 */
class SlaTopologyTest extends TopologyTestSupport {

  static final ZoneId CHANGSHA = ZoneId.of("Asia/Shanghai");

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(CHANGSHA).toInstant();
  }

  String sundayMeetingRequest() {
    fx.clock.set(at("2026-03-01T10:00"));
    String id = fx.submit("430112", "MEETING_REQUEST", Priority.GREEN_CARD);
    fx.events.readValuesToList();
    return id;
  }

  @Test
  void theSundayRequestIsPromisedMondayAndTuesday() {
    String id = sundayMeetingRequest();

    SlaState sla = fx.state(id).getSla();
    assertThat(sla.getPolicyId()).isEqualTo("green-card-meeting");
    assertThat(sla.getFirstResponse().getDueAt()).isEqualTo(at("2026-03-02T17:30"));
    assertThat(sla.getResolution().getDueAt()).isEqualTo(at("2026-03-03T17:30"));
    assertThat(sla.getFirstResponse().getWarnAt()).as("75% of 7 working hours after Monday 09:00").isEqualTo(at("2026-03-02T15:45"));
    assertThat(sla.getResolution().getWarnAt()).as("75% of 14 working hours").isEqualTo(at("2026-03-03T14:00"));
  }

  @Test
  void handledInTimeThereIsNoWarningAndNoBreach() {
    String id = sundayMeetingRequest();
    fx.clock.set(at("2026-03-02T10:00"));
    fx.act(id, CommandType.ACKNOWLEDGE, c -> { });
    fx.clock.set(at("2026-03-03T15:00"));
    fx.act(id, CommandType.RESOLVE, c -> c.setResolution("分管副区长已到企业现场办公"));

    for (String t : List.of("2026-03-02T15:45", "2026-03-02T17:30", "2026-03-03T14:00", "2026-03-03T17:30", "2026-03-04T17:30")) {
      fx.advanceTo(at(t));
    }

    assertThat(fx.alerts.isEmpty()).isTrue();
    assertThat(fx.state(id).getTimeline()).extracting(AppealEvent::getType)
        .doesNotContain(EventType.SLA_WARNING, EventType.SLA_BREACHED, EventType.ESCALATED);
  }

  @Test
  void leftAloneItWarnsBreachesAndEscalatesUpTheChainOnTime() {
    String id = sundayMeetingRequest();

    fx.advanceTo(at("2026-03-02T15:44:59"));
    assertThat(fx.alerts.isEmpty()).as("nothing before the warning").isTrue();

    fx.advanceTo(at("2026-03-02T15:45"));
    assertThat(alerts()).containsExactly(
        "SLA_WARNING FIRST_RESPONSE null", "ESCALATED FIRST_RESPONSE 望城区企业服务中心主要负责人");

    fx.advanceTo(at("2026-03-02T17:30"));
    assertThat(alerts()).containsExactly(
        "SLA_BREACHED FIRST_RESPONSE null", "ESCALATED FIRST_RESPONSE 望城区分管副区长");

    fx.advanceTo(at("2026-03-03T14:00"));
    assertThat(alerts()).containsExactly(
        "SLA_WARNING RESOLUTION null", "ESCALATED RESOLUTION 望城区企业服务中心主要负责人");

    fx.advanceTo(at("2026-03-03T17:30"));
    assertThat(alerts()).containsExactly(
        "ESCALATED FIRST_RESPONSE 望城区效能中心",
        "SLA_BREACHED RESOLUTION null", "ESCALATED RESOLUTION 望城区分管副区长");

    fx.advanceTo(at("2026-03-04T17:30"));
    assertThat(alerts()).containsExactly("ESCALATED RESOLUTION 望城区效能中心");

    fx.advanceTo(at("2026-03-10T17:30"));
    assertThat(fx.alerts.isEmpty()).as("each step happens once").isTrue();
    assertThat(fx.departmentTopic("430112-BSC")).as("the department's own feed carries its work, not the alarms")
        .hasSize(1);
    AppealState state = fx.state(id);
    assertThat(state.getTimeline()).filteredOn(e -> e.getType() == EventType.ESCALATED).hasSize(6);
    assertThat(state.getTimeline()).allSatisfy(e -> assertThat(e.getSequence()).isEqualTo(state.getTimeline().indexOf(e) + 1L));
  }

  @Test
  void aLateAcknowledgementStopsTheFirstResponseEscalation() {
    String id = sundayMeetingRequest();
    fx.advanceTo(at("2026-03-02T17:30"));
    fx.alerts.readValuesToList();

    fx.clock.set(at("2026-03-03T09:10"));
    assertThat(fx.act(id, CommandType.ACKNOWLEDGE, c -> { }).getOutcome()).isEqualTo(CommandOutcome.ACCEPTED);
    fx.advanceTo(at("2026-03-03T17:30"));

    assertThat(alerts()).containsExactly("SLA_WARNING RESOLUTION null", "ESCALATED RESOLUTION 望城区企业服务中心主要负责人",
        "SLA_BREACHED RESOLUTION null", "ESCALATED RESOLUTION 望城区分管副区长");
  }

  @Test
  void clocksPauseWhileAwaitingTheEnterpriseAndKeepTheirRemainingTime() {
    fx.clock.set(at("2026-09-30T10:00"));
    String id = fx.submit("430104", "ENVIRONMENT", Priority.NORMAL);
    assertThat(fx.state(id).getSla().getFirstResponse().getDueAt()).as("close of the next working day: after National Day")
        .isEqualTo(at("2026-10-08T17:30"));
    fx.clock.set(at("2026-09-30T16:00"));
    fx.act(id, CommandType.REQUEST_INFO, c -> c.setQuestion("请补充环评报告表"));

    fx.advanceTo(at("2026-10-08T17:30"));
    assertThat(fx.alerts.isEmpty()).as("a paused clock does not breach").isTrue();

    fx.clock.set(at("2026-10-09T10:00"));
    fx.act(id, CommandType.PROVIDE_INFO, c -> c.setInformation("报告表已上传"));

    // At the pause, 1.5 working hours were left on 30 September and 7 on 8 October: 8.5 hours from 9 October 10:00.
    assertThat(fx.state(id).getSla().getFirstResponse().getDueAt()).isEqualTo(at("2026-10-10T11:30"));
    assertThat(fx.state(id).getSla().getPausedAt()).isNull();
  }

  @Test
  void aTransferKeepsTheClockAndAReopenStartsANewResolutionCycle() {
    fx.clock.set(at("2026-03-02T10:00"));
    String id = fx.submit("430104", "ENVIRONMENT", Priority.URGENT);
    SlaState before = fx.state(id).getSla();
    assertThat(before.getFirstResponse().getDueAt()).as("2 working hours").isEqualTo(at("2026-03-02T12:00"));

    fx.clock.set(at("2026-03-02T10:30"));
    fx.act(id, CommandType.TRANSFER, c -> c.setToDepartmentId("430104-MARKET").setReason("属于市场监管职责"));
    assertThat(fx.state(id).getSla()).isEqualTo(before);

    fx.act(id, CommandType.ACKNOWLEDGE, c -> { });
    fx.act(id, CommandType.RESOLVE, c -> c.setResolution("已办结"));
    fx.clock.set(at("2026-03-04T09:00"));
    fx.act(id, CommandType.REOPEN, c -> c.setReason("问题未解决"));

    SlaState reopened = fx.state(id).getSla();
    assertThat(reopened.getResolutionCycle()).isEqualTo(2);
    assertThat(reopened.getResolution().getStartedAt()).isEqualTo(at("2026-03-04T09:00"));
    assertThat(reopened.getResolution().getDueAt()).as("2 working days after 4 March").isEqualTo(at("2026-03-06T17:30"));
  }

  private List<String> alerts() {
    return fx.alerts.readValuesToList().stream()
        .map(e -> e.getType() + " " + e.getSlaClock() + " " + e.getEscalatedTo())
        .toList();
  }

}
