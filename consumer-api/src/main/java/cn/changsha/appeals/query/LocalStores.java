package cn.changsha.appeals.query;

import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.streams.StoreNames;
import cn.changsha.appeals.streams.stats.Figures;
import cn.changsha.appeals.streams.lifecycle.DepartmentQueueIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

/** What this instance's own state stores hold: the partitions of appeals assigned to it. */
@Component
public class LocalStores {

  private final KafkaStreamsInteractiveQueryService queries;

  public LocalStores(KafkaStreamsInteractiveQueryService queries) {
    this.queries = queries;
  }

  public Optional<AppealState> appeal(String appealId) {
    return Optional.ofNullable(appeals().get(appealId));
  }

  /** Open appeals of a department held here, oldest first (the index is ordered by submission time). */
  public List<AppealState> queue(String departmentId) {
    ReadOnlyKeyValueStore<String, String> index =
        queries.retrieveQueryableStore(StoreNames.DEPARTMENT_QUEUE, QueryableStoreTypes.keyValueStore());
    ReadOnlyKeyValueStore<String, AppealState> appeals = appeals();
    List<AppealState> open = new ArrayList<>();
    try (KeyValueIterator<String, String> it = index.prefixScan(DepartmentQueueIndex.prefix(departmentId), new StringSerializer())) {
      it.forEachRemaining(entry -> Optional.ofNullable(appeals.get(entry.value)).ifPresent(open::add));
    }
    return open;
  }

  /** Every appeal held here; a search reads them all. */
  public List<AppealState> allAppeals() {
    List<AppealState> all = new ArrayList<>();
    try (KeyValueIterator<String, AppealState> it = appeals().all()) {
      it.forEachRemaining(kv -> all.add(kv.value));
    }
    return all;
  }

  /** This instance's share of the kept figures of a view: the sum over the tasks it runs. */
  public Figures figures(Figures.View view) {
    return Figures.read(queries.retrieveQueryableStore(StoreNames.FIGURE_TALLIES, QueryableStoreTypes.<String, Map<String, Long>>keyValueStore()),
        queries.retrieveQueryableStore(StoreNames.FIGURE_MINUTES, QueryableStoreTypes.<String, byte[]>keyValueStore()), view);
  }

  private ReadOnlyKeyValueStore<String, AppealState> appeals() {
    return queries.retrieveQueryableStore(StoreNames.APPEAL_STATE, QueryableStoreTypes.keyValueStore());
  }
}
