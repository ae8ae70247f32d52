package cn.changsha.appeals.schema.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;

/**
 * Every released version of every record schema, read from {@code avro-history/} on the
 * classpath. {@code avro-history/index.txt} lists one file per line; each file holds a complete,
 * self-contained schema. When a schema changes, copy the released version there before the
 * change ships: the decoder can only read what it finds here.
 */
public final class SchemaHistory {

  private static final String INDEX = "avro-history/index.txt";
  private static volatile List<Schema> cached;

  private SchemaHistory() {}

  public static List<Schema> releasedSchemas() {
    List<Schema> schemas = cached;
    if (schemas == null) {
      schemas = List.copyOf(load());
      cached = schemas;
    }
    return schemas;
  }

  static SchemaStore.Cache store() {
    SchemaStore.Cache store = new SchemaStore.Cache();
    releasedSchemas().forEach(store::addSchema);
    return store;
  }

  private static List<Schema> load() {
    List<Schema> schemas = new ArrayList<>();
    for (String file : read(INDEX).split("\\R")) {
      String name = file.strip();
      if (!name.isEmpty() && !name.startsWith("#")) {
        schemas.add(new Schema.Parser().parse(read("avro-history/" + name)));
      }
    }
    return schemas;
  }

  private static String read(String resource) {
    try (InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
