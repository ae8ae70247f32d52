package cn.changsha.appeals.streams.routing;

/** Which department owns an appeal and why: the rule that matched, or the last resort. */
public record RoutingDecision(String departmentId, String ruleId) {}
