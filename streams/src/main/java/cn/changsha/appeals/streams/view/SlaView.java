package cn.changsha.appeals.streams.view;

import cn.changsha.appeals.schema.SlaClock;
import cn.changsha.appeals.schema.SlaState;
import cn.changsha.appeals.streams.sla.ClockStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.OffsetDateTime;

/** An appeal's promised times and how they stand, in Changsha time. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlaView(
    String priority, String policyId, ClockView firstResponse, ClockView resolution, int resolutionCycle,
    OffsetDateTime pausedSince) {

  /**
   * @param state RUNNING, MET (stopped by the due time), LATE (stopped after it) or BREACHED (still running after it)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ClockView(
      String state, OffsetDateTime startedAt, OffsetDateTime warnAt, OffsetDateTime dueAt, OffsetDateTime stoppedAt,
      OffsetDateTime breachedAt, OffsetDateTime escalateAt, boolean warned, boolean escalated) {

    static ClockView of(SlaClock c) {
      return new ClockView(ClockStatus.of(c).name(), Times.local(c.getStartedAt()), Times.local(c.getWarnAt()), Times.local(c.getDueAt()),
          local(c.getStoppedAt()), local(c.getBreachedAt()), local(c.getEscalateAt()), c.getWarned(), c.getEscalated());
    }
  }

  public static SlaView of(SlaState s) {
    return s == null ? null : new SlaView(s.getPriority().name(), s.getPolicyId(), ClockView.of(s.getFirstResponse()),
        ClockView.of(s.getResolution()), s.getResolutionCycle(), local(s.getPausedAt()));
  }

  static OffsetDateTime local(Long epochMillis) {
    return epochMillis == null ? null : Times.local(Instant.ofEpochMilli(epochMillis));
  }
}
