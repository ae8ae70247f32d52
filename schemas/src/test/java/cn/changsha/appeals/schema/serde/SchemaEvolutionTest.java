package cn.changsha.appeals.schema.serde;

import static org.assertj.core.api.Assertions.assertThat;

import cn.changsha.appeals.schema.ApiKey;
import cn.changsha.appeals.schema.AppealCommand;
import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.CommandResult;
import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.schema.Hotspot;
import cn.changsha.appeals.schema.HotspotWindow;
import cn.changsha.appeals.schema.Liaison;
import cn.changsha.appeals.schema.RoutingRule;
import cn.changsha.appeals.schema.SlaPolicy;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.avro.util.RandomData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Data written by every released schema version must still be read into today's classes, and
 * today's schemas must have been released (copied to avro-history) before they ship.
 */
class SchemaEvolutionTest {

  static final List<Class<? extends SpecificRecordBase>> TOPIC_VALUES = List.of(
      AppealCommand.class, AppealEvent.class, AppealState.class, CommandResult.class,
      Department.class, RoutingRule.class, SlaPolicy.class, Liaison.class, Hotspot.class, HotspotWindow.class, ApiKey.class);

  static Stream<Schema> released() {
    return SchemaHistory.releasedSchemas().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("released")
  @SuppressWarnings("unchecked")
  void recordsWrittenWithAReleasedSchemaAreReadByTodaysClass(Schema writer) throws Exception {
    Class<? extends SpecificRecord> current = (Class<? extends SpecificRecord>) Class.forName(writer.getFullName());
    AvroSerde<? extends SpecificRecord> serde = AvroSerde.of(current);
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(serde.schema(), writer).getType())
        .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);

    int checked = 0;
    for (Object datum : new RandomData(writer, 25, 20261126L)) {
      GenericRecord old = (GenericRecord) datum;
      SpecificRecord read = serde.decode(encode(writer, old));
      // Projecting what was read back onto the old schema must give the old record again.
      assertThat(GenericData.get().compare(projectBack(read, serde.schema(), writer), old, writer)).isZero();
      checked++;
    }
    assertThat(checked).isEqualTo(25);
  }

  @Test
  void everyCurrentSchemaIsInTheHistory() {
    List<Long> released = SchemaHistory.releasedSchemas().stream()
        .map(SchemaNormalization::parsingFingerprint64).toList();
    for (Class<? extends SpecificRecordBase> type : TOPIC_VALUES) {
      Schema schema = AvroSerde.of(type).schema();
      assertThat(released)
          .as("%s changed: copy its released schema to avro-history and list it in index.txt", type.getSimpleName())
          .contains(SchemaNormalization.parsingFingerprint64(schema));
    }
  }

  @Test
  void aWriterWithoutTheOptionalFieldsIsReadWithTheirDefaults() throws Exception {
    Schema minimal = new Schema.Parser().parse("""
        {"type": "record", "name": "Department", "namespace": "cn.changsha.appeals.schema",
         "fields": [
           {"name": "departmentId", "type": "string"},
           {"name": "name", "type": "string"},
           {"name": "nameEn", "type": "string"},
           {"name": "queueTopic", "type": "string"}]}""");
    GenericRecord old = new GenericData.Record(minimal);
    old.put("departmentId", "430112-BSC");
    old.put("name", "望城区企业服务中心");
    old.put("nameEn", "Wangcheng Business Service Center");
    old.put("queueTopic", "dept-queue.430112-BSC");
    AvroSerde<Department> serde = AvroSerde.of(Department.class);
    serde.addWriterSchema(minimal);

    Department read = serde.decode(encode(minimal, old));

    assertThat(read.getName()).isEqualTo("望城区企业服务中心");
    assertThat(read.getDistrict()).isNull();
    assertThat(read.getActive()).isTrue();
  }

  private static byte[] encode(Schema writer, GenericRecord record) throws Exception {
    ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), writer).encode(record);
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  private static Object projectBack(SpecificRecord read, Schema current, Schema old) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<SpecificRecord>(current, SpecificData.getForClass(read.getClass())).write(read, encoder);
    encoder.flush();
    return new GenericDatumReader<GenericRecord>(current, old)
        .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
  }
}
