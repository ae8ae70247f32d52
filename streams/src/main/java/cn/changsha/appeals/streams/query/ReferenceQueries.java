package cn.changsha.appeals.streams.query;

import cn.changsha.appeals.schema.ApiKey;
import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.schema.Liaison;
import cn.changsha.appeals.schema.RoutingRule;
import cn.changsha.appeals.schema.SlaPolicy;
import cn.changsha.appeals.streams.StoreNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

  /** The API key whose SHA-256 is {@code keyHash}, if issued and not revoked. */
  public Optional<ApiKey> apiKey(String keyHash) {
    return one(StoreNames.API_KEYS, keyHash);
  }

  /** Every API key in force, by the SHA-256 of the key. */
  public Map<String, ApiKey> apiKeys() {
    Map<String, ApiKey> keys = new TreeMap<>();
    ReadOnlyKeyValueStore<String, ApiKey> store = store(StoreNames.API_KEYS);
    try (KeyValueIterator<String, ApiKey> it = store.all()) {
      it.forEachRemaining(kv -> keys.put(kv.key, kv.value));
    }
    return keys;
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
