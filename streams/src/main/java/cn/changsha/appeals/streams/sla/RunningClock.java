package cn.changsha.appeals.streams.sla;

import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.AppealStatuses;
import cn.changsha.appeals.schema.SlaClock;
import cn.changsha.appeals.schema.SlaClockKind;
import cn.changsha.appeals.schema.SlaState;

/**
 * The SLA clock an appeal is measured against now: the first-response clock while it has not
 * stopped (by the acknowledgement), otherwise the resolution clock. A department's queue orders by
 * it and the dashboard counts by it, so both say the same of an appeal.
 *
 * @param paused the appeal awaits information from the enterprise: the clock stands still
 */
public record RunningClock(SlaClockKind kind, SlaClock clock, boolean paused) {

  /** The running clock, pauses aside; null for an appeal without clocks, no longer open, or with both clocks stopped. */
  public static RunningClock of(AppealState s) {
    SlaState sla = s == null ? null : s.getSla();
    if (sla == null || !AppealStatuses.OPEN.contains(s.getStatus())) {
      return null;
    }
    boolean paused = sla.getPausedAt() != null;
    if (ClockStatus.of(sla.getFirstResponse()).running()) {
      return new RunningClock(SlaClockKind.FIRST_RESPONSE, sla.getFirstResponse(), paused);
    }
    return ClockStatus.of(sla.getResolution()).running() ? new RunningClock(SlaClockKind.RESOLUTION, sla.getResolution(), paused) : null;
  }

  /** Running, not paused, and recorded as breached (the timers are checked every second). */
  public boolean breached() {
    return !paused && ClockStatus.of(clock) == ClockStatus.BREACHED;
  }

  /** Running, not paused, not breached, and the department head has been warned. */
  public boolean warned() {
    return !paused && !breached() && clock.getWarned();
  }
}
