package cn.changsha.appeals.streams.view;

import cn.changsha.appeals.schema.Department;

public record DepartmentView(String departmentId, String name, String nameEn, String district, String queueTopic, boolean active) {

  public static DepartmentView of(Department d) {
    return new DepartmentView(d.getDepartmentId(), d.getName(), d.getNameEn(), d.getDistrict(), d.getQueueTopic(), d.getActive());
  }
}
