package cn.changsha.appeals.query;

import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.streams.StoreNames;
import cn.changsha.appeals.streams.lifecycle.DepartmentQueueIndex;
import cn.changsha.appeals.streams.stats.FigureKeys;
import cn.changsha.appeals.streams.stats.Figures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

/** What this instance's own state stores hold: the partitions of appeals assigned to it. */
@Component
public class LocalStores {

  private final KafkaStreamsInteractiveQueryService queries;
  private final StreamsBuilderFactoryBean streams;

  public LocalStores(KafkaStreamsInteractiveQueryService queries, StreamsBuilderFactoryBean streams) {
    this.queries = queries;
    this.streams = streams;
  }

  /**
   * An appeal from the one partition that holds it ({@link Peers#holderOf}): asked of every
   * partition of the instance, a read made a store lookup in each (up to six) to find it.
   */
  public Optional<AppealState> appeal(String appealId, int partition) {
    return Optional.ofNullable(this.<AppealState>partitionStore(StoreNames.APPEAL_STATE, partition).get(appealId));
  }

  /**
   * The first {@code limit} open appeals of a department held here, most urgent first, and how many
   * it holds in all. The index sorts by urgency within each partition: a page reads at most
   * {@code limit} index entries per partition and {@code limit} appeals, whatever the queue's length.
   */
  public QueuePart queue(String departmentId, int limit) {
    List<KeyValue<String, String>> first = new ArrayList<>();
    for (int partition : localPartitions(StoreNames.DEPARTMENT_QUEUE)) {
      ReadOnlyKeyValueStore<String, String> index = partitionStore(StoreNames.DEPARTMENT_QUEUE, partition);
      try (KeyValueIterator<String, String> it = index.prefixScan(DepartmentQueueIndex.prefix(departmentId), new StringSerializer())) {
        for (int n = 0; n < limit && it.hasNext(); n++) {
          first.add(it.next());
        }
      }
    }
    first.sort(Comparator.comparing((KeyValue<String, String> entry) -> entry.key));
    ReadOnlyKeyValueStore<String, AppealState> appeals = appeals();
    List<AppealState> open = first.stream().limit(limit).map(entry -> appeals.get(entry.value)).filter(Objects::nonNull).toList();
    long total = figures(Figures.View.department(departmentId)).tally(FigureKeys.measure(FigureKeys.department(departmentId), FigureKeys.OPEN));
    return new QueuePart(total, open);
  }

  /** A department's queue as this instance holds it: its most urgent appeals, and how many there are. */
  public record QueuePart(long total, List<AppealState> mostUrgent) {}

  /** Every appeal held here; a search reads them all. */
  public List<AppealState> allAppeals() {
    List<AppealState> all = new ArrayList<>();
    try (KeyValueIterator<String, AppealState> it = appeals().all()) {
      it.forEachRemaining(kv -> all.add(kv.value));
    }
    return all;
  }

  /** This instance's share of the kept figures of a view: the sum over the tasks it runs. */
  /**
   * Read partition by partition: a partition still being restored refuses, and so does the read,
   * instead of leaving that partition's appeals out of the figures (the store spanning all local
   * tasks quietly skipped the ones not yet running).
   */
  public Figures figures(Figures.View view) {
    Figures sum = Figures.NONE;
    for (int partition : localPartitions(StoreNames.FIGURE_TALLIES)) {
      sum = sum.plus(Figures.read(partitionStore(StoreNames.FIGURE_TALLIES, partition),
          partitionStore(StoreNames.FIGURE_MINUTES, partition), view));
    }
    return sum;
  }

  /** The partitions whose active task for {@code store} runs here. */
  private Set<Integer> localPartitions(String store) {
    HostInfo self = queries.getCurrentKafkaStreamsApplicationHostInfo();
    Set<Integer> partitions = new TreeSet<>();
    for (StreamsMetadata instance : kafkaStreams().streamsMetadataForStore(store)) {
      if (instance.hostInfo().equals(self)) {
        instance.topicPartitions().forEach(tp -> partitions.add(tp.partition()));
      }
    }
    return partitions;
  }

  private <V> ReadOnlyKeyValueStore<String, V> partitionStore(String store, int partition) {
    return kafkaStreams().store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, V>keyValueStore()).withPartition(partition));
  }

  private KafkaStreams kafkaStreams() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      throw new InvalidStateStoreException("Kafka Streams is not running yet");
    }
    return kafkaStreams;
  }

  private ReadOnlyKeyValueStore<String, AppealState> appeals() {
    return queries.retrieveQueryableStore(StoreNames.APPEAL_STATE, QueryableStoreTypes.keyValueStore());
  }
}
