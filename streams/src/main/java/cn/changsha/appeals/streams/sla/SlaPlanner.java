package cn.changsha.appeals.streams.sla;

import cn.changsha.appeals.schema.AppealStatuses;
import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.Priority;
import cn.changsha.appeals.schema.SlaClock;
import cn.changsha.appeals.schema.SlaClockKind;
import cn.changsha.appeals.schema.SlaPolicy;
import cn.changsha.appeals.schema.SlaState;
import cn.changsha.appeals.schema.SlaTarget;
import cn.changsha.appeals.schema.TargetKind;
import cn.changsha.appeals.streams.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Promised times on the business calendar. The first-response clock runs from receipt to
 * acknowledgement, the resolution clock from routing to resolution; both stop while the appeal
 * awaits the enterprise and resume with the working time they had left. All calendar arithmetic
 * happens here, when a command is decided; the SLA state it produces rides on the event, so
 * replaying the log never needs the calendar.
 */
public final class SlaPlanner {

  /** Used only when no policy at all matches: the NORMAL lane of the shipped defaults. */
  static final SlaPolicy BUILT_IN = new SlaPolicy("built-in", Priority.NORMAL, null,
      new SlaTarget(TargetKind.WORKING_DAYS, 1), new SlaTarget(TargetKind.WORKING_DAYS, 10));

  private final BusinessCalendar calendar;
  private final double warningShare;

  public SlaPlanner(BusinessCalendar calendar, double warningShare) {
    if (warningShare <= 0 || warningShare >= 1) {
      throw new IllegalArgumentException("The warning share must be between 0 and 1, got " + warningShare);
    }
    this.calendar = calendar;
    this.warningShare = warningShare;
  }

  public BusinessCalendar calendar() {
    return calendar;
  }

  /** The policy for this priority and category, else for the priority, else for NORMAL. */
  public SlaPolicy policyFor(Priority priority, String category, List<SlaPolicy> policies) {
    Comparator<SlaPolicy> byId = Comparator.comparing(SlaPolicy::getPolicyId);
    return policies.stream().filter(p -> p.getPriority() == priority && Objects.equals(p.getCategory(), category)).min(byId)
        .or(() -> policies.stream().filter(p -> p.getPriority() == priority && p.getCategory() == null).min(byId))
        .or(() -> policies.stream().filter(p -> p.getPriority() == Priority.NORMAL && p.getCategory() == null).min(byId))
        .orElse(BUILT_IN);
  }

  public SlaState start(Priority priority, SlaPolicy policy, Instant receivedAt) {
    return SlaState.newBuilder()
        .setPriority(priority)
        .setPolicyId(policy.getPolicyId())
        .setFirstResponse(clock(receivedAt, policy.getFirstResponse()))
        .setResolution(clock(receivedAt, policy.getResolution()))
        .setResolutionCycle(1)
        .build();
  }

  /** A fresh clock for a target, started at {@code start}. */
  public SlaClock clock(Instant start, SlaTarget target) {
    Instant from = calendar.nextWorkingInstant(start);
    Instant due = switch (target.getKind()) {
      case WORKING_HOURS -> calendar.addWorkingTime(from, Duration.ofHours(target.getAmount()));
      case WORKING_DAYS -> calendar.closeOfWorkingDay(start, target.getAmount());
    };
    Duration whole = calendar.workingTimeBetween(from, due);
    Instant warnAt = calendar.addWorkingTime(from, Duration.ofSeconds((long) (whole.toSeconds() * warningShare)));
    return SlaClock.newBuilder().setStartedAt(start).setWarnAt(warnAt).setDueAt(due).build();
  }

  public SlaState stop(SlaState sla, SlaClockKind which, Instant at) {
    return with(sla, which, c -> c.getStoppedAt() != null ? c : SlaClock.newBuilder(c).setStoppedAt(at.toEpochMilli()).build());
  }

  public SlaState pause(SlaState sla, Instant at) {
    return SlaState.newBuilder(sla).setPausedAt(at.toEpochMilli()).build();
  }

  /** Every running clock keeps the working time it had left when the pause began. */
  public SlaState resume(SlaState sla, Instant at) {
    if (sla.getPausedAt() == null) {
      return sla;
    }
    Instant pausedAt = Instant.ofEpochMilli(sla.getPausedAt());
    UnaryOperator<SlaClock> shift = c -> c.getStoppedAt() != null ? c : SlaClock.newBuilder(c)
        .setWarnAt(shifted(c.getWarnAt(), pausedAt, at))
        .setDueAt(shifted(c.getDueAt(), pausedAt, at))
        .setEscalateAt(c.getEscalateAt() == null ? null
            : shifted(Instant.ofEpochMilli(c.getEscalateAt()), pausedAt, at).toEpochMilli())
        .build();
    SlaState resumed = SlaState.newBuilder(sla).setPausedAt(null).build();
    return with(with(resumed, SlaClockKind.FIRST_RESPONSE, shift), SlaClockKind.RESOLUTION, shift);
  }

  /** A reopened appeal gets a new resolution clock, started now. */
  public SlaState newResolutionCycle(SlaState sla, SlaPolicy policy, Instant at) {
    return SlaState.newBuilder(sla)
        .setResolution(clock(at, policy.getResolution()))
        .setResolutionCycle(sla.getResolutionCycle() + 1)
        .setPausedAt(null)
        .build();
  }

  public SlaState warned(SlaState sla, SlaClockKind which) {
    return with(sla, which, c -> SlaClock.newBuilder(c).setWarned(true).build());
  }

  public SlaState breached(SlaState sla, SlaClockKind which, Instant at) {
    return with(sla, which, c -> SlaClock.newBuilder(c).setWarned(true).setBreachedAt(at.toEpochMilli())
        .setEscalateAt(calendar.addWorkingTime(calendar.nextWorkingInstant(c.getDueAt()), calendar.workingDayLength()).toEpochMilli())
        .build());
  }

  public SlaState escalated(SlaState sla, SlaClockKind which) {
    return with(sla, which, c -> SlaClock.newBuilder(c).setEscalated(true).build());
  }

  /** What is still to happen to this appeal, soonest first. Nothing while it is closed or paused. */
  public List<SlaTimer> timers(AppealState appeal) {
    List<SlaTimer> timers = new ArrayList<>();
    SlaState sla = appeal == null ? null : appeal.getSla();
    if (sla == null || sla.getPausedAt() != null || !AppealStatuses.OPEN.contains(appeal.getStatus())) {
      return timers;
    }
    addTimers(timers, SlaClockKind.FIRST_RESPONSE, sla.getFirstResponse());
    addTimers(timers, SlaClockKind.RESOLUTION, sla.getResolution());
    timers.sort(Comparator.comparing(SlaTimer::at));
    return timers;
  }

  private static void addTimers(List<SlaTimer> timers, SlaClockKind kind, SlaClock c) {
    if (c.getStoppedAt() != null) {
      return;
    }
    if (!c.getWarned()) {
      timers.add(new SlaTimer(c.getWarnAt(), kind, SlaTimer.Step.WARN));
    }
    if (c.getBreachedAt() == null) {
      timers.add(new SlaTimer(c.getDueAt(), kind, SlaTimer.Step.BREACH));
    } else if (!c.getEscalated() && c.getEscalateAt() != null) {
      timers.add(new SlaTimer(Instant.ofEpochMilli(c.getEscalateAt()), kind, SlaTimer.Step.ESCALATE));
    }
  }

  private Instant shifted(Instant target, Instant pausedAt, Instant resumedAt) {
    if (!target.isAfter(pausedAt)) {
      return target;
    }
    Duration left = calendar.workingTimeBetween(pausedAt, target);
    return calendar.addWorkingTime(calendar.nextWorkingInstant(resumedAt), left);
  }

  private static SlaState with(SlaState sla, SlaClockKind which, UnaryOperator<SlaClock> change) {
    SlaState.Builder next = SlaState.newBuilder(sla);
    return which == SlaClockKind.FIRST_RESPONSE
        ? next.setFirstResponse(change.apply(sla.getFirstResponse())).build()
        : next.setResolution(change.apply(sla.getResolution())).build();
  }
}
