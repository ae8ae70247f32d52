package cn.changsha.appeals.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Discovery, the service list and each service's definition: public, as the standard has them. */
@RestController
final class ServicesController {

  static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
  /** When the endpoint or its services last changed in a way a client that caches them should see. */
  static final String CHANGESET = "2026-11-27T00:00:00+08:00";

  private final ServiceCatalog catalog;
  private final Jurisdiction jurisdiction;

  ServicesController(ServiceCatalog catalog, Jurisdiction jurisdiction) {
    this.catalog = catalog;
    this.jurisdiction = jurisdiction;
  }

  @GetMapping("/open311/v2/discovery.{format}")
  ResponseEntity<String> discovery(@PathVariable String format, HttpServletRequest request) {
    Format answer = Format.of(format);
    String base = ServletUriComponentsBuilder.fromContextPath(request).path("/open311/v2").toUriString();
    return answer.answer(new Document("discovery", new Document.Fields()
        .put("changeset", CHANGESET)
        .put("contact", "长沙市优化营商环境办公室 / Changsha Business Environment Office (jurisdiction " + jurisdiction.id() + ")")
        .put("key_service", "API keys of role KIOSK are issued by the system's administrators (POST /api/admin/api-keys); "
            + "send one as api_key when posting a request")
        .put("endpoints", new Document.Many("endpoint", List.of(new Document.Fields()
            .put("specification", SPECIFICATION)
            .put("url", base)
            .put("changeset", CHANGESET)
            .put("type", "production")
            .put("formats", new Document.Many("format", List.of("text/xml", "application/json"))))))));
  }

  @GetMapping("/open311/v2/services.{format}")
  ResponseEntity<String> services(@PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
    Format answer = Format.of(format);
    jurisdiction.check(jurisdictionId);
    return answer.answer(catalog.services());
  }

  @GetMapping("/open311/v2/services/{serviceCode}.{format}")
  ResponseEntity<String> definition(@PathVariable String serviceCode, @PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
    Format answer = Format.of(format);
    jurisdiction.check(jurisdictionId);
    return answer.answer(catalog.definition(serviceCode));
  }
}
