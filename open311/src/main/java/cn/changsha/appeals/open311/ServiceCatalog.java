package cn.changsha.appeals.open311;

import cn.changsha.appeals.intake.reference.ReferenceCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The services of GeoReport v2 are the appeal categories: one service per category, its code the
 * category's code. The name is the Chinese one, as enterprises and staff read it; the English name
 * is the description and the first keyword, so English-speaking clients can show or search it.
 * All are in one group, 企业诉求 (enterprise appeals).
 */
@Component
final class ServiceCatalog {

  private final ReferenceCatalog reference;

  ServiceCatalog(ReferenceCatalog reference) {
    this.reference = reference;
  }

  Optional<ReferenceCatalog.Entry> category(String serviceCode) {
    return reference.categories().stream().filter(c -> c.code().equals(serviceCode)).findFirst();
  }

  Optional<ReferenceCatalog.District> district(String code) {
    return reference.districts().stream().filter(d -> d.code().equals(code)).findFirst();
  }

  /** A code the client sent that names no service: the standard's 404. */
  ReferenceCatalog.Entry known(String serviceCode) {
    return category(serviceCode).orElseThrow(() -> GeoReportException.notFound(
        "service_code " + GeoReportException.quoted(serviceCode) + " was not found; GET services lists them"));
  }

  Document services() {
    List<Document.Fields> services = reference.categories().stream().map(category -> new Document.Fields()
        .put("service_code", category.code())
        .put("service_name", category.name())
        .put("description", category.nameEn())
        .put("metadata", true)
        .put("type", "realtime")
        .put("keywords", keywords(category))
        .put("group", "企业诉求")).toList();
    return Document.list("services", "service", services);
  }

  /** The English name, and the code where it says something else (REGISTRATION for "Business registration"). */
  private static String keywords(ReferenceCatalog.Entry category) {
    String code = category.code().replace('_', ' ');
    return category.nameEn().equalsIgnoreCase(code) ? category.nameEn() : category.nameEn() + ", " + category.code();
  }

  Document definition(String serviceCode) {
    ReferenceCatalog.Entry category = known(serviceCode);
    List<Document.Fields> attributes = new ArrayList<>();
    int order = 1;
    for (ServiceAttribute attribute : ServiceAttribute.values()) {
      Document.Fields fields = new Document.Fields()
          .put("variable", true)
          .put("code", attribute.code())
          .put("datatype", attribute.datatype())
          .put("required", attribute.required())
          .put("datatype_description", attribute.datatypeDescription())
          .put("order", order++)
          .put("description", attribute.description());
      if (attribute == ServiceAttribute.DISTRICT) {
        fields.put("values", new Document.Many("value", reference.districts().stream()
            .map(d -> new Document.Fields().put("key", d.code()).put("name", d.name() + " " + d.nameEn())).toList()));
      }
      attributes.add(fields);
    }
    return new Document("service_definition", new Document.Fields()
        .put("service_code", category.code())
        .put("attributes", new Document.Many("attribute", attributes)));
  }
}
