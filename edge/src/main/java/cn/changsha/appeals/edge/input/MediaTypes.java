package cn.changsha.appeals.edge.input;

import java.nio.charset.StandardCharsets;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The header checks both gates make, in one place: an Accept header that can be read, a form in UTF-8. */
final class MediaTypes {

  private MediaTypes() {}

  /** No Accept header, or one that parses (Spring would answer an unreadable one with an empty 406). */
  static boolean readableAccept(String accept) {
    if (accept == null) {
      return true;
    }
    try {
      MediaType.parseMediaTypes(accept);
      return true;
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  /** {@code application/x-www-form-urlencoded}, in UTF-8 or with no charset named. */
  static boolean isUtf8Form(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)
          && (type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset()));
    } catch (IllegalArgumentException e) { // an unreadable type, or a charset this JVM does not know
      return false;
    }
  }
}
