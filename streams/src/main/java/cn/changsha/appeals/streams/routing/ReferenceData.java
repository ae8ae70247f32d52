package cn.changsha.appeals.streams.routing;

import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.schema.Liaison;
import cn.changsha.appeals.schema.RoutingRule;
import cn.changsha.appeals.schema.SlaPolicy;
import java.util.List;
import java.util.Optional;

/** Read access to the reference data every instance holds as global tables. */
public interface ReferenceData {

  Optional<Department> department(String departmentId);

  /** All routing rules, in no particular order. */
  List<RoutingRule> routingRules();

  /** All SLA policies, in no particular order. */
  List<SlaPolicy> slaPolicies();

  Optional<Liaison> liaison(String departmentId);
}
