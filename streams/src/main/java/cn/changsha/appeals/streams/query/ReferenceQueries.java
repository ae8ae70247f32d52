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
    return all(StoreNames.DEPARTMENTS, Comparator.comparing(Department::getDepartmentId));
  }

  public Optional<Department> department(String departmentId) {
    return one(StoreNames.DEPARTMENTS, departmentId);
  }

  public List<RoutingRule> routingRules() {
    return all(StoreNames.ROUTING_RULES, Comparator.comparingInt(RoutingRule::getOrder).thenComparing(RoutingRule::getRuleId));
  }

  public Optional<RoutingRule> routingRule(String ruleId) {
    return one(StoreNames.ROUTING_RULES, ruleId);
  }

  public List<SlaPolicy> slaPolicies() {
    return all(StoreNames.SLA_POLICIES, Comparator.comparing(SlaPolicy::getPolicyId));
  }

  public Optional<SlaPolicy> slaPolicy(String policyId) {
    return one(StoreNames.SLA_POLICIES, policyId);
  }

  public List<Liaison> liaisons() {
    return all(StoreNames.LIAISONS, Comparator.comparing(Liaison::getDepartmentId));
  }

  public Optional<Liaison> liaison(String departmentId) {
    return one(StoreNames.LIAISONS, departmentId);
  }

  private <V> Optional<V> one(String storeName, String key) {
    return Optional.ofNullable(this.<V>store(storeName).get(key));
  }

  private <V> List<V> all(String storeName, Comparator<V> order) {
    List<V> values = new ArrayList<>();
    try (KeyValueIterator<String, V> it = this.<V>store(storeName).all()) {
      it.forEachRemaining(kv -> values.add(kv.value));
    }
    values.sort(order);
    return values;
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
    return queries.retrieveQueryableStore(name, QueryableStoreTypes.keyValueStore());
  }
}
