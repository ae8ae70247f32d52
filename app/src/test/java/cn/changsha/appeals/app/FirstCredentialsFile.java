package cn.changsha.appeals.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Reads the credentials file a first start writes: role, name, department, key per line. */
final class FirstCredentialsFile {

  private FirstCredentialsFile() {}

  static Map<String, String> read(Path file) {
    Map<String, String> keys = new HashMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] fields = line.split("\t");
          keys.put(fields[1], fields[3]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return keys;
  }
}
