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
 * @param spentWorkingTime per department that has held the appeal, the working time it spent with it while
 *     open, pauses excluded, up to the start of the stretch that runs now (zero for a holder that spent none): a
 *     transfer leaves the time already spent with the department that spent it
 * @param running the stretch of working time that runs now, with the department that holds the appeal; null while
 *     the appeal is closed, or stands still awaiting information from the enterprise
 */
public record AppealFacts(
    String appealId, String trackingNumber, String departmentId, String district, String category,
    AppealStatus status, Instant submittedAt, YearMonth month,
    boolean responded, Boolean firstResponseOnTime, Duration firstResponseWorkingTime,
    boolean resolved, Boolean resolutionOnTime, Duration resolutionWorkingTime,
    Integer rating, Map<String, SlaCounts> slaEventsByDepartment, Map<String, Duration> spentWorkingTime, Stretch running) {

  private static final Set<AppealStatus> RESOLVED = Set.of(AppealStatus.RESOLVED, AppealStatus.CLOSED);

  /** Warnings, breaches and escalations; {@code efficiencyCenter} counts the escalations one working day after a breach. */
  public record SlaCounts(int warnings, int breaches, int escalations, int efficiencyCenter) {
    SlaCounts plus(SlaCounts o) {
      return new SlaCounts(warnings + o.warnings, breaches + o.breaches, escalations + o.escalations, efficiencyCenter + o.efficiencyCenter);
    }
  }

  /** Working time that counts for {@code departmentId} from {@code since} until the appeal stops, pauses or moves on. */
  public record Stretch(String departmentId, Instant since) {}

  public static AppealFacts of(AppealState s, BusinessCalendar calendar) {
    List<AppealEvent> timeline = s.getTimeline();
    Instant respondedAt = timeline.stream().filter(e -> e.getType() == EventType.ACKNOWLEDGED).findFirst()
        .map(AppealEvent::getAt).orElse(null);
    SlaClock fr = s.getSla() == null ? null : s.getSla().getFirstResponse();
    SlaClock res = s.getSla() == null ? null : s.getSla().getResolution();
    boolean resolved = RESOLVED.contains(s.getStatus());
    Duration frTime = respondedAt == null ? null : workingTime(calendar, timeline, s.getSubmittedAt(), respondedAt);
    Duration resTime = !resolved || res == null || res.getStoppedAt() == null ? null
        : workingTime(calendar, timeline, res.getStartedAt(), Instant.ofEpochMilli(res.getStoppedAt()));
    Map<String, Duration> spent = new HashMap<>();
    Stretch running = heldStretches(calendar, timeline, spent);
    return new AppealFacts(s.getAppealId(), s.getTrackingNumber(), s.getDepartmentId(),
        s.getSubmission().getDistrict(), s.getSubmission().getCategory(), s.getStatus(), s.getSubmittedAt(),
        YearMonth.from(s.getSubmittedAt().atZone(calendar.zone())),
        respondedAt != null, onTime(fr), frTime, resolved, onTime(res), resTime, s.getRating(), slaCounts(timeline),
        spent, running);
  }

  /** Per department that has held the appeal, the working time spent with it up to {@code now}, pauses excluded. */
  public Map<String, Duration> heldWorkingTime(BusinessCalendar calendar, Instant now) {
    Map<String, Duration> held = new HashMap<>(spentWorkingTime);
    if (running != null) {
      held.merge(running.departmentId(), calendar.workingTimeBetween(running.since(), now), Duration::plus);
    }
    return held;
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

  static List<AppealFacts> of(List<AppealState> states, BusinessCalendar calendar) {
    List<AppealFacts> facts = new ArrayList<>();
    states.forEach(s -> facts.add(of(s, calendar)));
    return facts;
  }

  /**
   * Splits the open life of the appeal at each change of holder and at each pause: the working time
   * of the finished pieces goes into {@code spent}; the piece still running, if any, is returned.
   * An unanswered request for information stops the time like an answered one.
   */
  private static Stretch heldStretches(BusinessCalendar calendar, List<AppealEvent> timeline, Map<String, Duration> spent) {
    String holder = null;
    Instant since = null;
    for (AppealEvent e : timeline) {
      EventType type = e.getType();
      boolean holderChanges = type == EventType.ROUTED || type == EventType.TRANSFERRED || type == EventType.REOPENED;
      if (since != null && (holderChanges || STOPS.contains(type) || type == EventType.INFO_REQUESTED)) {
        spent.merge(holder, calendar.workingTimeBetween(since, e.getAt()), Duration::plus);
        since = null;
      }
      if (holderChanges) {
        holder = e.getDepartmentId();
        since = e.getAt();
        spent.putIfAbsent(holder, Duration.ZERO);
      } else if (type == EventType.INFO_PROVIDED && holder != null) {
        since = e.getAt();
      }
    }
    return since == null ? null : new Stretch(holder, since);
  }

  private static final Set<EventType> STOPS = Set.of(EventType.RESOLVED, EventType.CLOSED, EventType.WITHDRAWN);
}
