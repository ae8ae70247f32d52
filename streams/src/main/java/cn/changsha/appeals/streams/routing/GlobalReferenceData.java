package cn.changsha.appeals.streams.routing;

import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.schema.Liaison;
import cn.changsha.appeals.schema.RoutingRule;
import cn.changsha.appeals.schema.SlaPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/** Reference data read from the global stores a processor sees; changes arrive without a restart. */
public final class GlobalReferenceData implements ReferenceData {

  private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<Department>> departments;
  private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<RoutingRule>> rules;
  private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<SlaPolicy>> policies;
  private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<Liaison>> liaisons;

  public GlobalReferenceData(
      ReadOnlyKeyValueStore<String, ValueAndTimestamp<Department>> departments,
      ReadOnlyKeyValueStore<String, ValueAndTimestamp<RoutingRule>> rules,
      ReadOnlyKeyValueStore<String, ValueAndTimestamp<SlaPolicy>> policies,
      ReadOnlyKeyValueStore<String, ValueAndTimestamp<Liaison>> liaisons) {
    this.departments = departments;
    this.rules = rules;
    this.policies = policies;
    this.liaisons = liaisons;
  }

  @Override
  public Optional<Department> department(String departmentId) {
    return Optional.ofNullable(departments.get(departmentId)).map(ValueAndTimestamp::value);
  }

  @Override
  public List<RoutingRule> routingRules() {
    return all(rules);
  }

  @Override
  public List<SlaPolicy> slaPolicies() {
    return all(policies);
  }

  @Override
  public Optional<Liaison> liaison(String departmentId) {
    return departmentId == null ? Optional.empty()
        : Optional.ofNullable(liaisons.get(departmentId)).map(ValueAndTimestamp::value);
  }

  private static <V> List<V> all(ReadOnlyKeyValueStore<String, ValueAndTimestamp<V>> store) {
    List<V> values = new ArrayList<>();
    try (KeyValueIterator<String, ValueAndTimestamp<V>> it = store.all()) {
      it.forEachRemaining(kv -> {
        if (kv.value != null) {
          values.add(kv.value.value());
        }
      });
    }
    return values;
  }
}
