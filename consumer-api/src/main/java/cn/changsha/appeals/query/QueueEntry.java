package cn.changsha.appeals.query;

import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.SlaClock;
import cn.changsha.appeals.schema.SlaClockKind;
import cn.changsha.appeals.streams.sla.ClockStatus;
import cn.changsha.appeals.streams.sla.RunningClock;
import cn.changsha.appeals.streams.view.Times;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;

/**
 * One line of a department's queue: enough to pick an appeal and to see how urgent it is, not its
 * whole timeline. The urgency fields describe the SLA clock that runs now: the first-response clock
 * while it has not been stopped (by the acknowledgement), otherwise the resolution clock.
 *
 * @param nextDueAt when the running clock is due, in Changsha time; null when no clock runs
 * @param dueClock which clock that is, {@code FIRST_RESPONSE} or {@code RESOLUTION}; null when no clock runs
 * @param warnAt when the running clock warns the department head, in Changsha time; null when no clock runs
 * @param urgency how the running clock stands, or why none runs: see {@link Urgency}
 */
public record QueueEntry(
    String appealId, String trackingNumber, String status, String district, String category,
    String title, String enterpriseName, OffsetDateTime submittedAt, OffsetDateTime updatedAt,
    OffsetDateTime nextDueAt, SlaClockKind dueClock, OffsetDateTime warnAt, Urgency urgency) {

  /** How urgent an appeal in the queue is, as a department workbench colours it. */
  public enum Urgency {
    /**
     * The running clock is breached as {@link ClockStatus} decides it: past its due time, the breach recorded
     * (the timers are checked every second) and escalated to the deputy district head.
     */
    BREACHED,
    /** The running clock has warned, or its warning time has passed, and it is not (yet) recorded as breached. */
    WARNING,
    /** The running clock is before its warning time. */
    ON_TRACK,
    /**
     * The clocks stand still while the appeal awaits information from the enterprise (even a breached one); they
     * resume with the working time they had left, so no due instant is shown until then.
     */
    PAUSED,
    /** No clock runs: the appeal has no SLA, is no longer open, or both its clocks have stopped. */
    NONE
  }

  /**
   * Most urgent first: breached appeals, the longest overdue (earliest due) first; then the rest by
   * their next due instant; appeals without a running clock last. Ties by submission time, then
   * tracking number, so the order is total. The one place that orders a queue.
   */
  public static final Comparator<QueueEntry> MOST_URGENT_FIRST =
      Comparator.comparing((QueueEntry e) -> e.urgency() != Urgency.BREACHED)
          .thenComparing(QueueEntry::nextDueAt, Comparator.nullsLast(OffsetDateTime.timeLineOrder()))
          .thenComparing(QueueEntry::submittedAt, OffsetDateTime.timeLineOrder())
          .thenComparing(QueueEntry::trackingNumber);

  /** The entry for an appeal as it stands at {@code now} (the business clock's instant). */
  static QueueEntry of(AppealState s, Instant now) {
    RunningClock running = RunningClock.of(s);
    Urgency urgency = running == null ? Urgency.NONE : running.paused() ? Urgency.PAUSED : urgency(running.clock(), now);
    boolean runs = running != null && !running.paused();
    return new QueueEntry(s.getAppealId(), s.getTrackingNumber(), s.getStatus().name(),
        s.getSubmission().getDistrict(), s.getSubmission().getCategory(), s.getSubmission().getTitle(),
        s.getSubmission().getEnterprise().getName(), Times.local(s.getSubmittedAt()), Times.local(s.getUpdatedAt()),
        runs ? Times.local(running.clock().getDueAt()) : null, runs ? running.kind() : null,
        runs ? Times.local(running.clock().getWarnAt()) : null, urgency);
  }

  /** A running clock: breached as {@link ClockStatus} decides it, else warned or past its warning time, else on track. */
  private static Urgency urgency(SlaClock clock, Instant now) {
    if (ClockStatus.of(clock) == ClockStatus.BREACHED) {
      return Urgency.BREACHED;
    }
    return clock.getWarned() || !now.isBefore(clock.getWarnAt()) ? Urgency.WARNING : Urgency.ON_TRACK;
  }
}
