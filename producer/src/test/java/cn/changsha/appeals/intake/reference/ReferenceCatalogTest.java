package cn.changsha.appeals.intake.reference;

import static org.assertj.core.api.Assertions.assertThat;

import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.schema.RoutingRule;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReferenceCatalogTest {

  static ReferenceCatalog catalog;

  @BeforeAll
  static void read() throws Exception {
    try (InputStream in = ReferenceCatalogTest.class.getClassLoader().getResourceAsStream("reference-data/changsha.json")) {
      catalog = ReferenceCatalog.read(in);
    }
  }

  @Test
  void theNineDistrictsAndFourteenCategoriesOfTheBrief() {
    assertThat(catalog.districtCodes()).containsExactlyInAnyOrder(
        "430102", "430103", "430104", "430105", "430111", "430112", "430121", "430181", "430182");
    assertThat(catalog.categoryCodes()).containsExactlyInAnyOrder("PARKING", "TRAFFIC", "TRANSIT", "RECRUITMENT",
        "REGISTRATION", "ENVIRONMENT", "FINANCING", "LEGAL", "TAX", "COMPENSATION", "URBAN_MANAGEMENT",
        "CONSTRUCTION_PERMIT", "MEETING_REQUEST", "OTHER");
  }

  @Test
  void everyDistrictHasARuleForEveryCategoryAndAFallbackToARealDepartment() {
    Map<String, Department> departments = catalog.departments().stream()
        .collect(Collectors.toMap(Department::getDepartmentId, Function.identity()));
    assertThat(departments).hasSize(1 + 9 * 12).containsKey("CS-OPT");
    for (String district : catalog.districtCodes()) {
      Set<String> covered = catalog.routingRules().stream()
          .filter(r -> district.equals(r.getDistrict()) && r.getCategory() != null)
          .map(RoutingRule::getCategory).collect(Collectors.toSet());
      assertThat(covered).as(district).isEqualTo(catalog.categoryCodes());
      assertThat(catalog.routingRules()).filteredOn(r -> district.equals(r.getDistrict()) && r.getCategory() == null)
          .singleElement().satisfies(r -> assertThat(r.getDepartmentId()).isEqualTo(district + "-BSC"));
    }
    for (RoutingRule rule : catalog.routingRules()) {
      Department owner = departments.get(rule.getDepartmentId());
      assertThat(owner).as(rule.getRuleId()).isNotNull();
      assertThat(owner.getDistrict()).isEqualTo(rule.getDistrict());
    }
    assertThat(departments.get("430112-BSC").getName()).isEqualTo("望城区企业服务中心");
  }
}
