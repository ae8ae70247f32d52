package cn.changsha.appeals.streams.routing;

import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.schema.RoutingRule;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks the department that owns an appeal: routing rules are tried by ascending order (rule id
 * breaks ties so every instance agrees), and the first rule whose district and category match
 * and whose department is active wins. District fallbacks are ordinary rules with no category
 * and a high order. What no rule claims goes to the last-resort department, the city office
 * that classifies and assigns by hand (优化办分类交办).
 */
public final class Router {

  public static final String LAST_RESORT_RULE = "last-resort";

  private static final Comparator<RoutingRule> FIRST_TO_TRY =
      Comparator.comparingInt(RoutingRule::getOrder).thenComparing(RoutingRule::getRuleId);

  private final String lastResortDepartmentId;

  public Router(String lastResortDepartmentId) {
    this.lastResortDepartmentId = Objects.requireNonNull(lastResortDepartmentId);
  }

  public RoutingDecision route(String district, String category, ReferenceData reference) {
    return reference.routingRules().stream()
        .sorted(FIRST_TO_TRY)
        .filter(rule -> matches(rule.getDistrict(), district) && matches(rule.getCategory(), category))
        .filter(rule -> isActive(reference.department(rule.getDepartmentId())))
        .findFirst()
        .map(rule -> new RoutingDecision(rule.getDepartmentId(), rule.getRuleId()))
        .orElseGet(() -> new RoutingDecision(lastResortDepartmentId, LAST_RESORT_RULE));
  }

  private static boolean matches(String ruleValue, String appealValue) {
    return ruleValue == null || ruleValue.equals(appealValue);
  }

  private static boolean isActive(Optional<Department> department) {
    return department.map(Department::getActive).orElse(false);
  }
}
