package cn.changsha.appeals.streams.config;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * One bounded pool of off-heap memory for every RocksDB store of the instance. Left to its
 * defaults each store opens its own 50 MB block cache and up to three 16 MB memtables; with six
 * partitions and six stores that is thirty-six of each, and the resident size grows past any heap
 * setting. Here the block cache, the memtables (through a write buffer manager charged to the
 * cache) and the index and filter blocks all come out of {@link #MEMORY_CONFIG} bytes shared by all
 * stores; the pool is made once per JVM, as Kafka Streams creates a setter per store.
 */
public final class SharedStoreMemory implements RocksDBConfigSetter {

  /** Streams setting carrying the pool's size in bytes (from {@code appeals.store-memory}). */
  public static final String MEMORY_CONFIG = "appeals.store.memory.bytes";

  /** The memtables may take up to half the pool; the rest is for reading. */
  private static final double MEMTABLE_SHARE = 0.5;
  /** Index and filter blocks are kept before data blocks are evicted. */
  private static final double HIGH_PRIORITY_SHARE = 0.1;

  private static Cache cache;
  private static WriteBufferManager writeBuffers;

  private static synchronized void createPool(long bytes) {
    if (cache == null) {
      cache = new LRUCache(bytes, -1, false, HIGH_PRIORITY_SHARE);
      writeBuffers = new WriteBufferManager((long) (bytes * MEMTABLE_SHARE), cache);
    }
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    createPool(Long.parseLong(String.valueOf(configs.get(MEMORY_CONFIG))));
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(cache);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(writeBuffers);
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // The pool outlives any one store: every store of the instance shares it.
  }
}
