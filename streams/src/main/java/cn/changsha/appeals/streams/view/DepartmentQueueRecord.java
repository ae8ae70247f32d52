package cn.changsha.appeals.streams.view;

import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.EventType;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a department's own topic (and its webhook) carries, as JSON: the event that touched one of
 * its appeals and the appeal as it stands afterwards, so a department system needs nothing else
 * to act.
 *
 * @param previousSequence the sequence of the event this department heard of before, about the
 *     same appeal; null for the first. A reader that has not seen it knows it missed one, and the
 *     webhook delivery waits for it, so each appeal's events arrive in order.
 */
public record DepartmentQueueRecord(String departmentId, Long previousSequence, EventView event, AppealView appeal) {

  /** Warnings, breaches and escalations go to appeal-alerts, addressed to roles above the department. */
  private static final Set<EventType> NOT_FOR_DEPARTMENTS = EnumSet.of(EventType.SLA_WARNING, EventType.SLA_BREACHED, EventType.ESCALATED);

  /** The department that holds the appeal after an event hears of it; on a transfer, the one it left too. */
  public static boolean concerns(String departmentId, AppealEvent event) {
    if (NOT_FOR_DEPARTMENTS.contains(event.getType())) {
      return false;
    }
    return departmentId.equals(event.getDepartmentId())
        || (event.getType() == EventType.TRANSFERRED && departmentId.equals(event.getFromDepartmentId()));
  }

  public static DepartmentQueueRecord of(String departmentId, AppealEvent event, AppealState appeal) {
    Long previous = appeal.getTimeline().stream()
        .filter(e -> e.getSequence() < event.getSequence() && concerns(departmentId, e))
        .map(AppealEvent::getSequence).max(Long::compare).orElse(null);
    return new DepartmentQueueRecord(departmentId, previous, EventView.from(event), AppealView.from(appeal));
  }
}
