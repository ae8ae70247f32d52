package cn.changsha.appeals.streams.routing;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Counts the changes to the routing rules and SLA policies as the global thread writes them, so
 * the tasks can keep the decoded lists between changes instead of reading and decoding every rule
 * for every appeal (the largest single cost of a submission before). A count moves only after
 * its store has the change, so a task that sees the new count reads the new data.
 */
public final class ReferenceChanges {

  final AtomicLong rules = new AtomicLong();
  final AtomicLong policies = new AtomicLong();

  public <V> Processor<String, V, Void, Void> rulesWriter(String store) {
    return new Writer<>(store, rules);
  }

  public <V> Processor<String, V, Void, Void> policiesWriter(String store) {
    return new Writer<>(store, policies);
  }

  /** What a global table does with each record of its topic, and then a count of it. */
  private static final class Writer<V> implements Processor<String, V, Void, Void> {

    private final String storeName;
    private final AtomicLong changes;
    private TimestampedKeyValueStore<String, V> store;

    Writer(String storeName, AtomicLong changes) {
      this.storeName = storeName;
      this.changes = changes;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
      if (record.key() == null) {
        return;
      }
      if (record.value() == null) {
        store.delete(record.key());
      } else {
        store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
      }
      changes.incrementAndGet();
    }
  }
}
