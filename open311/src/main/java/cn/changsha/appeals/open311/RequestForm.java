package cn.changsha.appeals.open311;

import cn.changsha.appeals.intake.AppealRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A posted GeoReport v2 form read as an ordinary appeal: the category from {@code service_code},
 * the district and the enterprise from the service's attributes ({@code attribute[code]=value}),
 * the standard's {@code last_name}, {@code first_name} and {@code phone} when the contact
 * attributes are left out. Nothing that has no place in an appeal is kept (lat/long, email,
 * device_id, media_url, account_id); an {@code address_string} is added to the description, as
 * appeals have no address of their own.
 */
final class RequestForm {

  /**
   * Open311 reaches us from civic apps, hotline systems and web forms alike, and cannot say which:
   * OTHER claims no more than is known. The key that filed it is recorded as the actor.
   */
  static final String CHANNEL = "OTHER";

  private static final int TITLE_LENGTH = 50;

  private final Map<String, String[]> parameters;

  RequestForm(Map<String, String[]> parameters) {
    this.parameters = parameters;
  }

  /** The appeal this form asks for, not yet validated; a form naming attributes the service does not have is refused. */
  AppealRequest appeal(String serviceCode) {
    Map<ServiceAttribute, String> attributes = attributes();
    String description = value("description");
    String address = value("address_string");
    String fullDescription = address == null || description == null ? description : description + "\n地址 / Address: " + address;
    String title = attributes.containsKey(ServiceAttribute.TITLE) ? attributes.get(ServiceAttribute.TITLE) : titleOf(description);
    return new AppealRequest(
        new AppealRequest.EnterpriseRequest(
            attributes.get(ServiceAttribute.ENTERPRISE_NAME),
            attributes.get(ServiceAttribute.CREDIT_CODE),
            attributes.getOrDefault(ServiceAttribute.CONTACT_NAME, personName()),
            attributes.getOrDefault(ServiceAttribute.CONTACT_PHONE, value("phone")),
            attributes.get(ServiceAttribute.GREEN_CARD)),
        attributes.get(ServiceAttribute.DISTRICT), serviceCode, title, fullDescription, CHANNEL, null);
  }

  /** Each violation under the form field it came from, so a client can mark it. */
  static List<String> errors(Set<ConstraintViolation<AppealRequest>> violations) {
    return violations.stream().map(v -> {
      String property = v.getPropertyPath().toString();
      String field = ServiceAttribute.byProperty(property).map(ServiceAttribute::field)
          .orElse("category".equals(property) ? "service_code" : property);
      Annotation constraint = v.getConstraintDescriptor().getAnnotation();
      boolean missing = constraint instanceof NotBlank || constraint instanceof NotNull;
      return field + (missing && (v.getInvalidValue() == null || v.getInvalidValue().toString().isBlank())
          ? " was not provided" : ": " + v.getMessage());
    }).sorted().toList();
  }

  /** A field's first value, stripped; an empty one is one not sent, as the standard says. */
  String value(String name) {
    String[] values = parameters.get(name);
    if (values == null || values.length == 0 || values[0] == null || values[0].isBlank()) {
      return null;
    }
    return values[0].strip();
  }

  private Map<ServiceAttribute, String> attributes() {
    Map<ServiceAttribute, String> attributes = new EnumMap<>(ServiceAttribute.class);
    List<String> unknown = new ArrayList<>();
    for (String name : parameters.keySet()) {
      if (!name.startsWith("attribute[")) {
        continue;
      }
      int close = name.indexOf(']');
      String code = close < 0 ? "" : name.substring("attribute[".length(), close);
      ServiceAttribute attribute = ServiceAttribute.byCode(code).orElse(null);
      if (attribute == null || close != name.length() - 1) {
        unknown.add(GeoReportException.quoted(name) + " is not an attribute of this service; GET services/{service_code} lists them");
        continue;
      }
      String value = value(name);
      if (value != null) {
        attributes.put(attribute, value);
      }
    }
    if (!unknown.isEmpty()) {
      throw GeoReportException.badRequest(unknown);
    }
    return attributes;
  }

  /** Chinese names are written family name first and without a space; others as the client gives them. */
  private String personName() {
    String last = value("last_name");
    String first = value("first_name");
    if (last == null || first == null) {
      return last == null ? first : last;
    }
    return isHan(last) && isHan(first) ? last + first : first + " " + last;
  }

  private static boolean isHan(String text) {
    return text.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  private static String titleOf(String description) {
    if (description == null) {
      return null;
    }
    String firstLine = description.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(description);
    return firstLine.codePointCount(0, firstLine.length()) <= TITLE_LENGTH ? firstLine
        : firstLine.substring(0, firstLine.offsetByCodePoints(0, TITLE_LENGTH - 1)) + "…";
  }
}
