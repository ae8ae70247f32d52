package cn.changsha.appeals.schema.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for generated Avro records that needs no schema registry.
 *
 * <p>Records travel in Avro's single-object encoding: a two-byte marker, the 64-bit fingerprint of
 * the writer schema, then the binary body. The decoder resolves older writer schemas through
 * {@link SchemaHistory}, which holds every schema version that has ever been released, so data
 * written by an earlier release is read into today's classes.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

  static {
    trustGeneratedRecords();
  }

  private final Class<T> type;
  private final Schema schema;
  private final SchemaStore.Cache writerSchemas;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  public AvroSerde(Class<T> type) {
    this.type = type;
    SpecificData model = SpecificData.getForClass(type);
    this.schema = model.getSchema(type);
    this.encoder = new BinaryMessageEncoder<>(model, schema);
    this.writerSchemas = SchemaHistory.store();
    this.decoder = new BinaryMessageDecoder<>(model, schema, writerSchemas);
  }

  public Schema schema() {
    return schema;
  }

  /** Lets this serde read data written with a schema that is not (yet) in the released history. */
  public void addWriterSchema(Schema writer) {
    writerSchemas.addSchema(writer);
  }

  public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
    return new AvroSerde<>(type);
  }

  /**
   * Avro 1.12 refuses to instantiate classes that are not on its trust list. Our generated
   * records are the only ones we decode, so they are added to the default list once.
   */
  public static void trustGeneratedRecords() {
    ClassSecurityValidator.ClassSecurityPredicate ours =
        type -> type.getName().startsWith("cn.changsha.appeals.schema.");
    ClassSecurityValidator.setGlobal(
        ClassSecurityValidator.composite(ClassSecurityValidator.DEFAULT, ours));
  }

  public byte[] encode(T value) {
    try {
      ByteBuffer buffer = encoder.encode(value);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public T decode(byte[] bytes) {
    try {
      return decoder.decode(bytes);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot decode " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : encode(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> bytes == null ? null : decode(bytes);
  }
}
