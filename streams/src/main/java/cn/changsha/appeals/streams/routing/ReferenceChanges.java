package cn.changsha.appeals.streams.routing;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Counts the changes to the routing rules, SLA policies and API keys as the global thread writes
 * them, so readers can keep what they decoded between changes: the tasks their lists of rules and
 * policies (reading and decoding every rule for every appeal was the largest single cost of a
 * submission), the API its keys in force (every request read the key store, whose reads take one
 * lock). A count moves only after its store has the change, so a reader that sees the new count
 * reads the new data.
 */
public final class ReferenceChanges {

  final AtomicLong rules = new AtomicLong();
  final AtomicLong policies = new AtomicLong();
  private final AtomicLong apiKeys = new AtomicLong();

  public <V> Processor<String, V, Void, Void> rulesWriter(String store) {
    return new Writer<>(store, rules);
  }

  public <V> Processor<String, V, Void, Void> policiesWriter(String store) {
    return new Writer<>(store, policies);
  }

  public <V> Processor<String, V, Void, Void> apiKeysWriter(String store) {
    return new Writer<>(store, apiKeys);
  }

  /** How many changes to the API keys this instance's store has taken since it started. */
  public long apiKeyChanges() {
    return apiKeys.get();
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
