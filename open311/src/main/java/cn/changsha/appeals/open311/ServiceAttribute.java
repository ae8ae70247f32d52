package cn.changsha.appeals.open311;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a service definition asks beyond the standard's own fields: where the enterprise is
 * (the district routes the appeal) and who it is. Every service (category) asks the same. Each
 * names the {@code AppealRequest} property it fills, so a validation error is reported under the
 * form field the client sent.
 */
enum ServiceAttribute {
  DISTRICT("district", "singlevaluelist", true, "district",
      "企业所在区县(市) / The district (county, city) the enterprise is in; it decides who handles the appeal", null),
  ENTERPRISE_NAME("enterprise_name", "string", true, "enterprise.name",
      "企业名称 / The enterprise's registered name", "至多100字 / at most 100 characters"),
  CREDIT_CODE("credit_code", "string", true, "enterprise.creditCode",
      "统一社会信用代码 / The enterprise's unified social credit code",
      "18位,含校验位(GB 32100-2015) / 18 characters with its check character (GB 32100-2015)"),
  CONTACT_NAME("contact_name", "string", true, "enterprise.contactName",
      "联系人姓名 / The contact person; if left out, last_name and first_name are used",
      "至多50字 / at most 50 characters"),
  CONTACT_PHONE("contact_phone", "string", true, "enterprise.contactPhone",
      "联系电话 / The contact's phone; if left out, phone is used",
      "11位手机号或带区号的固定电话 / an 11-digit mobile or a landline with its area code, e.g. 0731-88888888"),
  GREEN_CARD("green_card", "string", false, "enterprise.greenCard",
      "企业家绿卡号(如有):享受优先办理 / The entrepreneur green card number, if any: a faster lane",
      "字母、数字和“-” / letters, digits and '-'"),
  TITLE("title", "string", false, "title",
      "诉求标题;不填则取描述的第一行 / A title; if left out, the first line of the description",
      "2至100字 / 2 to 100 characters");

  private final String code;
  private final String datatype;
  private final boolean required;
  private final String property;
  private final String description;
  private final String datatypeDescription;

  ServiceAttribute(String code, String datatype, boolean required, String property, String description,
      String datatypeDescription) {
    this.code = code;
    this.datatype = datatype;
    this.required = required;
    this.property = property;
    this.description = description;
    this.datatypeDescription = datatypeDescription;
  }

  String code() {
    return code;
  }

  String datatype() {
    return datatype;
  }

  boolean required() {
    return required;
  }

  String description() {
    return description;
  }

  String datatypeDescription() {
    return datatypeDescription;
  }

  /** How a client names it in the posted form. */
  String field() {
    return "attribute[" + code + "]";
  }

  static Optional<ServiceAttribute> byCode(String code) {
    return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
  }

  static Optional<ServiceAttribute> byProperty(String property) {
    return Arrays.stream(values()).filter(a -> a.property.equals(property)).findFirst();
  }
}
