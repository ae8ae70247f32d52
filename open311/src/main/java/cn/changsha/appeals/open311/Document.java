package cn.changsha.appeals.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One GeoReport v2 answer, as a tree written either way: as the standard's XML, or as the JSON it
 * derives from that XML by the Spark convention (a list element becomes an array whose items lose
 * their element name; a field without a value is {@code null}, or an empty element).
 *
 * @param root the XML root element, e.g. {@code service_requests}; JSON has none
 * @param content a {@link Fields}, a {@link Many}, a string, number or boolean
 */
record Document(String root, Object content) {

  /** A list whose XML items are each called {@code each}, e.g. {@code <services><service>}. */
  record Many(String each, List<?> items) {}

  /** The named values of one object, in the order the standard lists them. */
  static final class Fields {
    private final Map<String, Object> values = new LinkedHashMap<>();

    Fields put(String name, Object value) {
      values.put(name, value);
      return this;
    }

    Map<String, Object> values() {
      return values;
    }
  }

  static Document list(String root, String each, List<?> items) {
    return new Document(root, new Many(each, items));
  }
}
