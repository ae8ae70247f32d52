package cn.changsha.appeals.edge.input;

/**
 * Text as XML 1.0 can carry it. Control characters other than tab, line feed and carriage return
 * cannot appear in an XML document at all, escaped or not, so forms refuse them and an XML answer
 * that must quote something a caller sent replaces them.
 */
public final class XmlText {

  private XmlText() {}

  public static boolean isPrintable(String text) {
    return text.chars().noneMatch(XmlText::forbidden);
  }

  /** The text with every character XML cannot carry replaced by U+FFFD. */
  public static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> out.appendCodePoint(forbidden(c) ? 0xFFFD : c));
    return out.toString();
  }

  private static boolean forbidden(int c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF
        || (c >= 0xD800 && c <= 0xDFFF);
  }
}
