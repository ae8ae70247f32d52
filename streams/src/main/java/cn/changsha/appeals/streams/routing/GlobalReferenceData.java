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

/**
 * Reference data read from the global stores a processor sees; changes arrive without a restart.
 * Rules and policies, read whole for every submission, are decoded once per change.
 */
public final class GlobalReferenceData implements ReferenceData {

  private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<Department>> departments;
  private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<RoutingRule>> rules;
  private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<SlaPolicy>> policies;
  private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<Liaison>> liaisons;
  private final ReferenceChanges changes;
  private Cached<RoutingRule> cachedRules = Cached.none();
  private Cached<SlaPolicy> cachedPolicies = Cached.none();

  /** A decoded list and the count of changes it reflects. */
  private record Cached<V>(long changes, List<V> values) {
    static <V> Cached<V> none() {
      return new Cached<>(-1, List.of());
    }
  }

  public GlobalReferenceData(
      ReadOnlyKeyValueStore<String, ValueAndTimestamp<Department>> departments,
      ReadOnlyKeyValueStore<String, ValueAndTimestamp<RoutingRule>> rules,
      ReadOnlyKeyValueStore<String, ValueAndTimestamp<SlaPolicy>> policies,
      ReadOnlyKeyValueStore<String, ValueAndTimestamp<Liaison>> liaisons,
      ReferenceChanges changes) {
    this.departments = departments;
    this.rules = rules;
    this.policies = policies;
    this.liaisons = liaisons;
    this.changes = changes;
  }

  @Override
  public Optional<Department> department(String departmentId) {
    return Optional.ofNullable(departments.get(departmentId)).map(ValueAndTimestamp::value);
  }

  @Override
  public List<RoutingRule> routingRules() {
    long now = changes.rules.get();
    if (cachedRules.changes() != now) {
      cachedRules = new Cached<>(now, all(rules));
    }
    return cachedRules.values();
  }

  @Override
  public List<SlaPolicy> slaPolicies() {
    long now = changes.policies.get();
    if (cachedPolicies.changes() != now) {
      cachedPolicies = new Cached<>(now, all(policies));
    }
    return cachedPolicies.values();
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
    return List.copyOf(values);
  }
}
