package cn.changsha.appeals.schema.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/** Serializes any generated record with its own {@link AvroSerde}, so one producer can write every topic. */
public final class SpecificRecordSerializer implements Serializer<SpecificRecord> {

  private final Map<Class<?>, AvroSerde<SpecificRecord>> serdes = new ConcurrentHashMap<>();

  @Override
  @SuppressWarnings("unchecked")
  public byte[] serialize(String topic, SpecificRecord value) {
    if (value == null) {
      return null;
    }
    return serdes.computeIfAbsent(value.getClass(), type -> new AvroSerde<>((Class<SpecificRecord>) type)).encode(value);
  }
}
