package cn.changsha.appeals.topics;

import org.apache.kafka.common.serialization.Serde;

/** A topic's name together with the serdes of its keys and values, so the two never drift apart. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {}
