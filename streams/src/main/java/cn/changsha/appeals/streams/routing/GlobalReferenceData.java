package cn.changsha.appeals.streams.routing;

import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.schema.RoutingRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/** Reference data read from the global stores a processor sees; changes arrive without a restart. */
public final class GlobalReferenceData implements ReferenceData {

  private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<Department>> departments;
  private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<RoutingRule>> rules;

  public GlobalReferenceData(
      ReadOnlyKeyValueStore<String, ValueAndTimestamp<Department>> departments,
      ReadOnlyKeyValueStore<String, ValueAndTimestamp<RoutingRule>> rules) {
    this.departments = departments;
    this.rules = rules;
  }

  @Override
  public Optional<Department> department(String departmentId) {
    return Optional.ofNullable(departments.get(departmentId)).map(ValueAndTimestamp::value);
  }

  @Override
  public List<RoutingRule> routingRules() {
    List<RoutingRule> all = new ArrayList<>();
    try (KeyValueIterator<String, ValueAndTimestamp<RoutingRule>> it = rules.all()) {
      while (it.hasNext()) {
        KeyValue<String, ValueAndTimestamp<RoutingRule>> next = it.next();
        if (next.value != null) {
          all.add(next.value.value());
        }
      }
    }
    return all;
  }
}
