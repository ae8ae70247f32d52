package cn.changsha.appeals.edge.input;

import cn.changsha.appeals.edge.problem.FieldProblem;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON tree against the record an endpoint binds it to, before any binding happens:
 * every field must be a component of the record, and every value of the JSON type the component
 * takes. Jackson stops at the first mismatch and quietly turns {@code "5"}, {@code 5.0} or
 * {@code true} into what a field wants; this names every bad field and converts nothing.
 */
final class BodyShape {

  private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(
      Integer.class, int.class, Long.class, long.class, Short.class, short.class, BigInteger.class);
  private static final Set<Class<?>> NUMBERS = Set.of(Double.class, double.class, Float.class, float.class, BigDecimal.class);

  private final List<FieldProblem> problems = new ArrayList<>();

  private BodyShape() {}

  /** Every way {@code body} differs from the shape of {@code target}; empty if none. */
  static List<FieldProblem> check(JsonNode body, Type target) {
    BodyShape shape = new BodyShape();
    if (!body.isObject() && rawClass(target).isRecord()) {
      shape.problems.add(new FieldProblem("(body)", "must be a JSON object"));
    } else {
      shape.value("", body, target);
    }
    return shape.problems;
  }

  private void value(String path, JsonNode node, Type type) {
    Class<?> raw = rawClass(type);
    if (node.isNull()) {
      if (raw.isPrimitive()) {
        problems.add(new FieldProblem(path, "must not be null"));
      }
      return;
    }
    if (raw.isRecord()) {
      record(path, node, raw);
    } else if (raw == String.class) {
      text(path, node);
    } else if (raw == Boolean.class || raw == boolean.class) {
      expect(node.isBoolean(), path, "must be true or false");
    } else if (WHOLE_NUMBERS.contains(raw)) {
      wholeNumber(path, node, raw);
    } else if (NUMBERS.contains(raw)) {
      expect(node.isNumber(), path, "must be a number");
    } else if (raw.isEnum()) {
      enumeration(path, node, raw);
    } else if (Collection.class.isAssignableFrom(raw)) {
      list(path, node, type);
    } else if (Map.class.isAssignableFrom(raw)) {
      expect(node.isObject(), path, "must be an object");
    } else {
      // Dates, durations and the like travel as text; their own parsers judge the content.
      expect(node.isString(), path, "must be a string");
    }
  }

  private void record(String path, JsonNode node, Class<?> type) {
    if (!node.isObject()) {
      problems.add(new FieldProblem(path, "must be an object"));
      return;
    }
    RecordComponent[] components = type.getRecordComponents();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      Arrays.stream(components).filter(c -> c.getName().equals(field.getKey())).findFirst().ifPresentOrElse(
          component -> value(fieldPath, field.getValue(), component.getGenericType()),
          () -> problems.add(new FieldProblem(fieldPath, "is not a field of this request")));
    }
  }

  private void text(String path, JsonNode node) {
    if (!node.isString()) {
      problems.add(new FieldProblem(path, "must be a string"));
      return;
    }
    String text = node.asString();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
        problems.add(new FieldProblem(path, "must not contain control characters"));
        return;
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        problems.add(new FieldProblem(path, "must be valid Unicode text (unpaired surrogate)"));
        return;
      }
    }
  }

  private void wholeNumber(String path, JsonNode node, Class<?> type) {
    if (!node.isIntegralNumber()) {
      problems.add(new FieldProblem(path, "must be a whole number"));
    } else if ((type == Integer.class || type == int.class) && !node.canConvertToInt()) {
      problems.add(new FieldProblem(path, "is out of range"));
    } else if ((type == Long.class || type == long.class) && !node.canConvertToLong()) {
      problems.add(new FieldProblem(path, "is out of range"));
    } else if ((type == Short.class || type == short.class)
        && (!node.canConvertToInt() || node.asInt() != (short) node.asInt())) {
      problems.add(new FieldProblem(path, "is out of range"));
    }
  }

  private void enumeration(String path, JsonNode node, Class<?> type) {
    List<String> names = Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
    if (!node.isString() || !names.contains(node.asString())) {
      problems.add(new FieldProblem(path, "must be one of " + String.join(", ", names)));
    }
  }

  private void list(String path, JsonNode node, Type type) {
    if (!node.isArray()) {
      problems.add(new FieldProblem(path, "must be an array"));
      return;
    }
    Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    for (int i = 0; i < node.size(); i++) {
      value(path + "[" + i + "]", node.get(i), element);
    }
  }

  private void expect(boolean ok, String path, String message) {
    if (!ok) {
      problems.add(new FieldProblem(path, message));
    }
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return Object.class;
  }
}
