package cn.changsha.appeals.streams;

import static org.assertj.core.api.Assertions.assertThat;

import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.CommandType;
import cn.changsha.appeals.schema.Priority;
import cn.changsha.appeals.schema.serde.AvroSerde;
import cn.changsha.appeals.streams.lifecycle.DepartmentQueueIndex;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The stores of a task upgraded from the version whose queue index ordered by submission time alone. */
class QueueIndexUpgradeTest extends TopologyTestSupport {

  private final MockProcessorContext<String, String> context = new MockProcessorContext<>();

  @Test
  void anIndexInTheEarlierOrderIsRebuiltOnce() {
    String normal = fx.submit("430104", "ENVIRONMENT");
    fx.clock.set(TopologyFixture.START.plusSeconds(60));
    String urgent = fx.submit("430104", "ENVIRONMENT", Priority.URGENT);
    String elsewhere = fx.submit("430104", "REGISTRATION");
    String withdrawn = fx.submit("430104", "ENVIRONMENT", Priority.URGENT);
    fx.act(withdrawn, CommandType.WITHDRAW, c -> { });
    KeyValueStore<String, AppealState> states = inMemory(StoreNames.APPEAL_STATE, AvroSerde.of(AppealState.class));
    KeyValueStore<String, String> index = inMemory(StoreNames.DEPARTMENT_QUEUE, Serdes.String());
    for (String id : List.of(normal, urgent, elsewhere, withdrawn)) {
      AppealState s = fx.state(id);
      states.put(id, s);
      if (!id.equals(withdrawn)) {
        index.put(s.getDepartmentId() + "|" + String.format("%015d", s.getSubmittedAt().toEpochMilli()) + "|" + id, id);
      }
    }
    assertThat(queue(index, "430104-ENV")).as("the earlier order").containsExactly(normal, urgent);

    DepartmentQueueIndex upgraded = new DepartmentQueueIndex(index);
    upgraded.orderEarlierEntries(states);
    List<KeyValue<String, String>> once = entries(index);
    new DepartmentQueueIndex(index).orderEarlierEntries(states);

    assertThat(queue(index, "430104-ENV")).containsExactly(urgent, normal);
    assertThat(queue(index, "430104-MARKET")).containsExactly(elsewhere);
    assertThat(once).as("three appeals and the marker").hasSize(4)
        .contains(KeyValue.pair(DepartmentQueueIndex.key(fx.state(urgent)), urgent));
    assertThat(entries(index)).as("rebuilt once: the marker stops a second rebuild").isEqualTo(once);
  }

  private static List<String> queue(KeyValueStore<String, String> index, String departmentId) {
    List<String> ids = new ArrayList<>();
    try (var it = index.prefixScan(DepartmentQueueIndex.prefix(departmentId), Serdes.String().serializer())) {
      it.forEachRemaining(kv -> ids.add(kv.value));
    }
    return ids;
  }

  private static List<KeyValue<String, String>> entries(KeyValueStore<String, String> store) {
    List<KeyValue<String, String>> all = new ArrayList<>();
    try (var it = store.all()) {
      it.forEachRemaining(all::add);
    }
    return all;
  }

  private <V> KeyValueStore<String, V> inMemory(String name, Serde<V> values) {
    KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
        .withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    return store;
  }
}
