package cn.changsha.appeals.streams.query;

import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.schema.Liaison;
import cn.changsha.appeals.schema.RoutingRule;
import cn.changsha.appeals.schema.SlaPolicy;
import cn.changsha.appeals.streams.StoreNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

/** Reads the reference data from this instance's global stores: every instance holds all of it. */
@Component
public class ReferenceQueries {

  private final KafkaStreamsInteractiveQueryService queries;

  public ReferenceQueries(KafkaStreamsInteractiveQueryService queries) {
    this.queries = queries;
  }

  public List<Department> departments() {
    List<Department> all = all(departmentStore());
    all.sort(Comparator.comparing(Department::getDepartmentId));
    return all;
  }

  public Optional<Department> department(String departmentId) {
    return Optional.ofNullable(departmentStore().get(departmentId));
  }

  public List<RoutingRule> routingRules() {
    List<RoutingRule> all = all(ruleStore());
    all.sort(Comparator.comparingInt(RoutingRule::getOrder).thenComparing(RoutingRule::getRuleId));
    return all;
  }

  public Optional<RoutingRule> routingRule(String ruleId) {
    return Optional.ofNullable(ruleStore().get(ruleId));
  }

  public List<SlaPolicy> slaPolicies() {
    List<SlaPolicy> all = all(store(StoreNames.SLA_POLICIES));
    all.sort(Comparator.comparing(SlaPolicy::getPolicyId));
    return all;
  }

  public Optional<SlaPolicy> slaPolicy(String policyId) {
    return Optional.ofNullable(this.<SlaPolicy>store(StoreNames.SLA_POLICIES).get(policyId));
  }

  public List<Liaison> liaisons() {
    List<Liaison> all = all(store(StoreNames.LIAISONS));
    all.sort(Comparator.comparing(Liaison::getDepartmentId));
    return all;
  }

  public Optional<Liaison> liaison(String departmentId) {
    return Optional.ofNullable(this.<Liaison>store(StoreNames.LIAISONS).get(departmentId));
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
    return queries.retrieveQueryableStore(name, QueryableStoreTypes.keyValueStore());
  }

  private ReadOnlyKeyValueStore<String, Department> departmentStore() {
    return queries.retrieveQueryableStore(StoreNames.DEPARTMENTS, QueryableStoreTypes.keyValueStore());
  }

  private ReadOnlyKeyValueStore<String, RoutingRule> ruleStore() {
    return queries.retrieveQueryableStore(StoreNames.ROUTING_RULES, QueryableStoreTypes.keyValueStore());
  }

  private static <V> List<V> all(ReadOnlyKeyValueStore<String, V> store) {
    List<V> values = new ArrayList<>();
    try (KeyValueIterator<String, V> it = store.all()) {
      it.forEachRemaining(kv -> values.add(kv.value));
    }
    return values;
  }
}
