package cn.changsha.appeals.streams.stats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The value of a {@code figure-tallies} record: the tallies of one group by measure (a plain
 * figure has one, under the empty name). Written as a count, then each measure's name and tally,
 * names in order; small, and read far less often than written.
 */
public final class TallyRecords {

  public static final Serde<Map<String, Long>> SERDE = Serdes.serdeFrom(
      (topic, tallies) -> tallies == null ? null : write(tallies),
      (topic, bytes) -> bytes == null ? null : read(bytes));

  private TallyRecords() {}

  static byte[] write(Map<String, Long> tallies) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 24 * tallies.size());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(tallies.size());
      for (Map.Entry<String, Long> e : new TreeMap<>(tallies).entrySet()) {
        out.writeUTF(e.getKey());
        out.writeLong(e.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Map<String, Long> read(byte[] bytes) {
    Map<String, Long> tallies = new TreeMap<>();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        tallies.put(in.readUTF(), in.readLong());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tallies;
  }
}
