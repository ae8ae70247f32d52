package cn.changsha.appeals.intake.reference;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The districts and categories an appeal may name, in Chinese and English, for intake forms. */
@RestController
class CatalogController {

  record Catalog(List<ReferenceCatalog.Entry> districts, List<ReferenceCatalog.Entry> categories) {}

  private final Catalog catalog;

  CatalogController(ReferenceCatalog reference) {
    this.catalog = new Catalog(
        reference.districts().stream().map(d -> new ReferenceCatalog.Entry(d.code(), d.name(), d.nameEn())).toList(),
        reference.categories());
  }

  @GetMapping("/api/catalog")
  Catalog catalog() {
    return catalog;
  }
}
