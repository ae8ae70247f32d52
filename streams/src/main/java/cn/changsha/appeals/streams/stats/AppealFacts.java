package cn.changsha.appeals.streams.stats;

import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.AppealStatus;
import cn.changsha.appeals.schema.EventType;
import cn.changsha.appeals.schema.SlaClock;
import cn.changsha.appeals.streams.calendar.BusinessCalendar;
import cn.changsha.appeals.streams.sla.ClockStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the statistics need to know about one appeal, read off its state and timeline. SLA events
 * are attributed to the department that held the appeal when they happened (a transfer does not
 * move the blame); the rest to the department that holds it now.
 *
 * @param firstResponseOnTime null while the first-response clock is still running within its target
 * @param firstResponseWorkingTime working time from receipt to acknowledgement, pauses excluded
 * @param resolutionWorkingTime working time of the current resolution cycle, pauses excluded
 * @param slaEventsByDepartment per department: warnings, breaches, escalations, efficiency-center escalations
 * @param heldWorkingTime per department, the working time the appeal spent with it while open,
 *     pauses excluded: a transfer leaves the time already spent with the department that spent it
 */
public record AppealFacts(
    String appealId, String trackingNumber, String departmentId, String district, String category,
    AppealStatus status, Instant submittedAt, YearMonth month,
    boolean responded, Boolean firstResponseOnTime, Duration firstResponseWorkingTime,
    boolean resolved, Boolean resolutionOnTime, Duration resolutionWorkingTime,
    Integer rating, Map<String, SlaCounts> slaEventsByDepartment, Map<String, Duration> heldWorkingTime) {

  private static final Set<AppealStatus> RESOLVED = Set.of(AppealStatus.RESOLVED, AppealStatus.CLOSED);

  /** Warnings, breaches and escalations; {@code efficiencyCenter} counts the escalations one working day after a breach. */
  public record SlaCounts(int warnings, int breaches, int escalations, int efficiencyCenter) {
    SlaCounts plus(SlaCounts o) {
      return new SlaCounts(warnings + o.warnings, breaches + o.breaches, escalations + o.escalations, efficiencyCenter + o.efficiencyCenter);
    }
  }

  public static AppealFacts of(AppealState s, BusinessCalendar calendar, Instant now) {
    List<AppealEvent> timeline = s.getTimeline();
    Instant respondedAt = timeline.stream().filter(e -> e.getType() == EventType.ACKNOWLEDGED).findFirst()
        .map(AppealEvent::getAt).orElse(null);
    SlaClock fr = s.getSla() == null ? null : s.getSla().getFirstResponse();
    SlaClock res = s.getSla() == null ? null : s.getSla().getResolution();
    boolean resolved = RESOLVED.contains(s.getStatus());
    Duration frTime = respondedAt == null ? null : workingTime(calendar, timeline, s.getSubmittedAt(), respondedAt);
    Duration resTime = !resolved || res == null || res.getStoppedAt() == null ? null
        : workingTime(calendar, timeline, res.getStartedAt(), Instant.ofEpochMilli(res.getStoppedAt()));
    return new AppealFacts(s.getAppealId(), s.getTrackingNumber(), s.getDepartmentId(),
        s.getSubmission().getDistrict(), s.getSubmission().getCategory(), s.getStatus(), s.getSubmittedAt(),
        YearMonth.from(s.getSubmittedAt().atZone(calendar.zone())),
        respondedAt != null, onTime(fr), frTime, resolved, onTime(res), resTime, s.getRating(), slaCounts(timeline),
        heldWorkingTime(calendar, timeline, now));
  }

  private static Boolean onTime(SlaClock c) {
    return c == null ? null : ClockStatus.of(c).onTime();
  }

  /** Working time between two instants, less the working time spent awaiting the enterprise. */
  static Duration workingTime(BusinessCalendar calendar, List<AppealEvent> timeline, Instant from, Instant to) {
    Duration total = calendar.workingTimeBetween(from, to);
    Instant pausedAt = null;
    for (AppealEvent e : timeline) {
      if (e.getType() == EventType.INFO_REQUESTED) {
        pausedAt = e.getAt();
      } else if (e.getType() == EventType.INFO_PROVIDED && pausedAt != null) {
        Instant a = pausedAt.isBefore(from) ? from : pausedAt;
        Instant b = e.getAt().isAfter(to) ? to : e.getAt();
        total = total.minus(calendar.workingTimeBetween(a, b));
        pausedAt = null;
      }
    }
    return total.isNegative() ? Duration.ZERO : total;
  }

  private static Map<String, SlaCounts> slaCounts(List<AppealEvent> timeline) {
    Map<String, SlaCounts> counts = new HashMap<>();
    EventType previous = null;
    for (AppealEvent e : timeline) {
      SlaCounts one = switch (e.getType()) {
        case SLA_WARNING -> new SlaCounts(1, 0, 0, 0);
        case SLA_BREACHED -> new SlaCounts(0, 1, 0, 0);
        // An escalation right after a warning or a breach goes with it; one on its own is the
        // efficiency center's, a working day after the breach.
        case ESCALATED -> previous == EventType.SLA_WARNING || previous == EventType.SLA_BREACHED
            ? new SlaCounts(0, 0, 1, 0) : new SlaCounts(0, 0, 1, 1);
        default -> null;
      };
      if (one != null && e.getDepartmentId() != null) {
        counts.merge(e.getDepartmentId(), one, SlaCounts::plus);
      }
      previous = e.getType();
    }
    return counts;
  }

  static List<AppealFacts> of(List<AppealState> states, BusinessCalendar calendar, Instant now) {
    List<AppealFacts> facts = new ArrayList<>();
    states.forEach(s -> facts.add(of(s, calendar, now)));
    return facts;
  }

  /** Splits the open life of the appeal at each change of holder; an open appeal's last stretch runs to now. */
  private static Map<String, Duration> heldWorkingTime(BusinessCalendar calendar, List<AppealEvent> timeline, Instant now) {
    Map<String, Duration> held = new HashMap<>();
    String holder = null;
    Instant since = null;
    for (AppealEvent e : timeline) {
      boolean holderChanges = e.getType() == EventType.ROUTED || e.getType() == EventType.TRANSFERRED;
      boolean stops = STOPS.contains(e.getType());
      if (holder != null && since != null && (holderChanges || stops)) {
        held.merge(holder, workingTime(calendar, timeline, since, e.getAt()), Duration::plus);
        since = null;
      }
      if (holderChanges || e.getType() == EventType.REOPENED) {
        holder = e.getDepartmentId();
        since = e.getAt();
      }
    }
    if (holder != null && since != null && now.isAfter(since)) {
      held.merge(holder, workingTime(calendar, timeline, since, now), Duration::plus);
    }
    return held;
  }

  private static final Set<EventType> STOPS = Set.of(EventType.RESOLVED, EventType.CLOSED, EventType.WITHDRAWN);
}
