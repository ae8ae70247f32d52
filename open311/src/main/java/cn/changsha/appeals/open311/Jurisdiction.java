package cn.changsha.appeals.open311;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one jurisdiction this endpoint serves. The standard suggests the root of the city's website
 * without "www": {@code changsha.gov.cn}. A client may leave {@code jurisdiction_id} out or empty;
 * any other value is a jurisdiction not found here.
 */
@Component
final class Jurisdiction {

  private final String id;

  Jurisdiction(@Value("${appeals.open311.jurisdiction-id:changsha.gov.cn}") String id) {
    this.id = id;
  }

  String id() {
    return id;
  }

  void check(String requested) {
    if (requested != null && !requested.isBlank() && !requested.strip().equalsIgnoreCase(id)) {
      throw GeoReportException.notFound("jurisdiction_id " + GeoReportException.quoted(requested)
          + " was not found: this endpoint serves " + id + " only");
    }
  }
}
