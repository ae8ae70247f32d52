package cn.changsha.appeals.intake.reference;

import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.schema.Liaison;
import cn.changsha.appeals.schema.Priority;
import cn.changsha.appeals.schema.RoutingRule;
import cn.changsha.appeals.schema.SlaPolicy;
import cn.changsha.appeals.schema.SlaTarget;
import cn.changsha.appeals.schema.TargetKind;
import cn.changsha.appeals.topics.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The districts, categories and default departments of the city, read from a JSON file
 * ({@code reference-data/changsha.json} unless {@code appeals.reference-data} names another). The
 * departments and routing rules it implies are published once, at the first start; after that the
 * compacted topics are the truth and the admin API changes them.
 */
public record ReferenceCatalog(
    List<District> districts, List<Entry> categories, List<CityDepartment> cityDepartments,
    List<DepartmentKind> departmentKinds, List<PolicyEntry> slaPolicies) {

  public record Entry(String code, String name, String nameEn) {}

  /** A district, with the roles its escalation chain reaches: the supervising deputy head and the efficiency center. */
  public record District(String code, String name, String nameEn, String deputyHead, String efficiencyCenter) {}

  public record CityDepartment(String id, String name, String nameEn, String deputyHead, String efficiencyCenter) {}

  public record Target(TargetKind kind, int amount) {}

  public record PolicyEntry(String policyId, Priority priority, String category, Target firstResponse, Target resolution) {}

  /** A department every district has, e.g. its market regulation bureau, and the categories it owns. */
  public record DepartmentKind(String suffix, String name, String nameEn, List<String> categories, Boolean districtFallback) {
    boolean isDistrictFallback() {
      return Boolean.TRUE.equals(districtFallback);
    }
  }

  /** Routing rules for a category in a district are tried first; the district fallback after them. */
  public static final int CATEGORY_RULE_ORDER = 100;
  public static final int DISTRICT_FALLBACK_ORDER = 10_000;

  public static ReferenceCatalog read(InputStream json) throws IOException {
    return JsonMapper.builder().build().readValue(json, ReferenceCatalog.class);
  }

  public Set<String> districtCodes() {
    return districts.stream().map(District::code).collect(Collectors.toUnmodifiableSet());
  }

  public Set<String> categoryCodes() {
    return categories.stream().map(Entry::code).collect(Collectors.toUnmodifiableSet());
  }

  public static String departmentId(String district, DepartmentKind kind) {
    return district + "-" + kind.suffix();
  }

  public List<Department> departments() {
    List<Department> all = new ArrayList<>();
    for (CityDepartment city : cityDepartments) {
      all.add(new Department(city.id(), city.name(), city.nameEn(), null, Topics.departmentQueue(city.id()), true, null));
    }
    for (District district : districts) {
      for (DepartmentKind kind : departmentKinds) {
        String id = departmentId(district.code(), kind);
        all.add(new Department(id,
            kind.name().replace("{district}", district.name()),
            kind.nameEn().replace("{districtEn}", district.nameEn()),
            district.code(), Topics.departmentQueue(id), true, null));
      }
    }
    return all;
  }

  public List<RoutingRule> routingRules() {
    List<RoutingRule> rules = new ArrayList<>();
    for (District district : districts) {
      for (DepartmentKind kind : departmentKinds) {
        String departmentId = departmentId(district.code(), kind);
        for (String category : kind.categories()) {
          rules.add(new RoutingRule(district.code() + "-" + category, CATEGORY_RULE_ORDER,
              district.code(), category, departmentId, district.name() + " " + category));
        }
        if (kind.isDistrictFallback()) {
          rules.add(new RoutingRule("fallback-" + district.code(), DISTRICT_FALLBACK_ORDER,
              district.code(), null, departmentId, district.name() + " 兜底 / fallback"));
        }
      }
    }
    return rules;
  }

  public List<SlaPolicy> policies() {
    return slaPolicies.stream().map(p -> new SlaPolicy(p.policyId(), p.priority(), p.category(),
        new SlaTarget(p.firstResponse().kind(), p.firstResponse().amount()),
        new SlaTarget(p.resolution().kind(), p.resolution().amount()))).toList();
  }

  /** The escalation chain of every department: its own head, then its district's deputy head and efficiency center. */
  public List<Liaison> liaisons() {
    List<Liaison> all = new ArrayList<>();
    for (CityDepartment city : cityDepartments) {
      all.add(new Liaison(city.id(), city.name() + "主要负责人", city.deputyHead(), city.efficiencyCenter()));
    }
    for (District district : districts) {
      for (DepartmentKind kind : departmentKinds) {
        String name = kind.name().replace("{district}", district.name());
        all.add(new Liaison(departmentId(district.code(), kind), name + "主要负责人",
            district.deputyHead(), district.efficiencyCenter()));
      }
    }
    return all;
  }
}
