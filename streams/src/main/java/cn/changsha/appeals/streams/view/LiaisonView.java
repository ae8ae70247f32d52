package cn.changsha.appeals.streams.view;

import cn.changsha.appeals.schema.Liaison;

public record LiaisonView(String departmentId, String departmentHead, String deputyDistrictHead, String efficiencyCenter) {

  public static LiaisonView of(Liaison l) {
    return new LiaisonView(l.getDepartmentId(), l.getDepartmentHead(), l.getDeputyDistrictHead(), l.getEfficiencyCenter());
  }
}
