package cn.changsha.appeals.streams.view;

import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.schema.AppealState;

/**
 * What a department's own topic carries, as JSON: the event that touched one of its appeals and
 * the appeal as it stands afterwards, so a department system needs nothing else to act.
 */
public record DepartmentQueueRecord(String departmentId, EventView event, AppealView appeal) {

  public static DepartmentQueueRecord of(String departmentId, AppealEvent event, AppealState appeal) {
    return new DepartmentQueueRecord(departmentId, EventView.from(event), AppealView.from(appeal));
  }
}
