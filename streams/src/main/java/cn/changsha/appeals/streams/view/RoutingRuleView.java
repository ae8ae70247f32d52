package cn.changsha.appeals.streams.view;

import cn.changsha.appeals.schema.RoutingRule;

public record RoutingRuleView(String ruleId, int order, String district, String category, String departmentId, String description) {

  public static RoutingRuleView of(RoutingRule r) {
    return new RoutingRuleView(r.getRuleId(), r.getOrder(), r.getDistrict(), r.getCategory(), r.getDepartmentId(), r.getDescription());
  }
}
