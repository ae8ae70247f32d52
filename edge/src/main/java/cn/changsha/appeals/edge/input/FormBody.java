package cn.changsha.appeals.edge.input;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body or query string taken apart here rather than
 * by the container, so that its size was checked first and any byte that is not UTF-8 is refused
 * instead of silently becoming a replacement character.
 */
final class FormBody {

  /** As many as Tomcat takes by default; a form with more is not one a person filled in. */
  static final int MAX_PARAMETERS = 1000;

  private FormBody() {}

  /** Parameters in the order sent, each name with all its values. */
  static Map<String, List<String>> parse(String encoded) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return parameters;
    }
    int count = 0;
    for (String pair : encoded.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      if (++count > MAX_PARAMETERS) {
        throw new IllegalArgumentException("more than " + MAX_PARAMETERS + " parameters");
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  /** Percent-escapes become bytes, the bytes must be UTF-8. */
  static String decode(String part) {
    byte[] raw = part.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length);
    for (int i = 0; i < raw.length; i++) {
      byte b = raw[i];
      if (b == '+') {
        bytes.write(' ');
      } else if (b == '%') {
        int high = i + 2 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
        int low = i + 2 < raw.length ? Character.digit(raw[i + 2], 16) : -1;
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException("a percent sign not followed by two hex digits");
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else {
        bytes.write(b);
      }
    }
    String text = strictUtf8(bytes.toByteArray());
    if (!XmlText.isPrintable(text)) {
      throw new IllegalArgumentException("a control character");
    }
    return text;
  }

  static String strictUtf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("text that is not UTF-8");
    }
  }
}
