package cn.changsha.appeals.intake.reference;

import cn.changsha.appeals.edge.problem.BadRequestException;
import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.schema.Liaison;
import cn.changsha.appeals.schema.Priority;
import cn.changsha.appeals.schema.RoutingRule;
import cn.changsha.appeals.schema.SlaPolicy;
import cn.changsha.appeals.schema.SlaTarget;
import cn.changsha.appeals.schema.TargetKind;
import cn.changsha.appeals.schema.Webhook;
import cn.changsha.appeals.streams.config.AppealsProperties;
import cn.changsha.appeals.streams.query.ReferenceQueries;
import cn.changsha.appeals.streams.view.DepartmentView;
import cn.changsha.appeals.streams.view.LiaisonView;
import cn.changsha.appeals.streams.view.SlaPolicyView;
import cn.changsha.appeals.streams.view.RoutingRuleView;
import cn.changsha.appeals.topics.Topics;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Changes routing rules, departments, SLA policies and the liaison directory at run time by publishing to their compacted topics. Each
 * call returns once this instance's global table holds the change, so the next appeal submitted
 * here is routed by it; other instances follow within moments.
 */
@RestController
@RequestMapping("/api/admin")
public class ReferenceDataController {

  private static final int MAX_WORKING_DAYS = 250;

  private final ReferenceDataPublisher publisher;
  private final ReferenceQueries reference;
  private final ReferenceCatalog catalog;
  private final AppealsProperties appeals;

  public ReferenceDataController(ReferenceDataPublisher publisher, ReferenceQueries reference,
      ReferenceCatalog catalog, AppealsProperties appeals) {
    this.publisher = publisher;
    this.reference = reference;
    this.catalog = catalog;
    this.appeals = appeals;
  }

  public record RuleRequest(
      @NotNull @Min(0) @Max(1_000_000) Integer order, String district, String category,
      @NotBlank String departmentId, @Size(max = 200) String description) {}

  public record DepartmentRequest(
      @NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 200) String nameEn, String district,
      @NotNull Boolean active) {}

  public record TargetRequest(@NotNull TargetKind kind, @NotNull @Min(0) @Max(2000) Integer amount) {}

  public record PolicyRequest(@NotNull Priority priority, String category,
      @NotNull @Valid TargetRequest firstResponse, @NotNull @Valid TargetRequest resolution) {}

  public record LiaisonRequest(@NotBlank @Size(max = 100) String departmentHead,
      @NotBlank @Size(max = 100) String deputyDistrictHead, @NotBlank @Size(max = 100) String efficiencyCenter) {}

  @PutMapping("/sla-policies/{policyId}")
  public SlaPolicyView putPolicy(@PathVariable String policyId, @Valid @RequestBody PolicyRequest body) {
    requireId("policyId", policyId);
    requireKnown("category", body.category(), catalog.categoryCodes());
    for (TargetRequest target : List.of(body.firstResponse(), body.resolution())) {
      if (target.kind() == TargetKind.WORKING_HOURS && target.amount() == 0) {
        throw new BadRequestException("amount", "a target in working hours must be at least 1");
      }
      if (target.kind() == TargetKind.WORKING_DAYS && target.amount() > MAX_WORKING_DAYS) {
        // The calendar reasons a few years ahead; a target beyond that is a typo, not a policy.
        throw new BadRequestException("amount", "a target in working days must be at most " + MAX_WORKING_DAYS);
      }
    }
    SlaPolicy policy = new SlaPolicy(policyId, body.priority(), body.category(),
        new SlaTarget(body.firstResponse().kind(), body.firstResponse().amount()),
        new SlaTarget(body.resolution().kind(), body.resolution().amount()));
    publisher.publishPolicies(List.of(policy));
    Visible.await(() -> reference.slaPolicy(policyId).filter(policy::equals).isPresent());
    return SlaPolicyView.of(policy);
  }

  @PutMapping("/liaisons/{departmentId}")
  public LiaisonView putLiaison(@PathVariable String departmentId, @Valid @RequestBody LiaisonRequest body) {
    requireId("departmentId", departmentId);
    if (reference.department(departmentId).isEmpty()) {
      throw new BadRequestException("departmentId", "no department " + departmentId);
    }
    Liaison liaison = new Liaison(departmentId, body.departmentHead(), body.deputyDistrictHead(), body.efficiencyCenter());
    publisher.publishLiaisons(List.of(liaison));
    Visible.await(() -> reference.liaison(departmentId).filter(liaison::equals).isPresent());
    return LiaisonView.of(liaison);
  }

  @PutMapping("/routing-rules/{ruleId}")
  public RoutingRuleView putRule(@PathVariable String ruleId, @Valid @RequestBody RuleRequest body) {
    requireId("ruleId", ruleId);
    requireKnown("district", body.district(), catalog.districtCodes());
    requireKnown("category", body.category(), catalog.categoryCodes());
    if (reference.department(body.departmentId()).isEmpty()) {
      throw new BadRequestException("departmentId", "no department " + body.departmentId());
    }
    RoutingRule rule = new RoutingRule(ruleId, body.order(), body.district(), body.category(), body.departmentId(), body.description());
    publisher.publishRules(List.of(rule));
    Visible.await(() -> reference.routingRule(ruleId).filter(rule::equals).isPresent());
    return RoutingRuleView.of(rule);
  }

  @DeleteMapping("/routing-rules/{ruleId}")
  public ResponseEntity<Void> deleteRule(@PathVariable String ruleId) {
    requireId("ruleId", ruleId);
    if (reference.routingRule(ruleId).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No routing rule " + ruleId);
    }
    publisher.deleteRule(ruleId);
    Visible.await(() -> reference.routingRule(ruleId).isEmpty());
    return ResponseEntity.noContent().build();
  }

  @PutMapping("/departments/{departmentId}")
  public DepartmentView putDepartment(@PathVariable String departmentId, @Valid @RequestBody DepartmentRequest body) {
    requireId("departmentId", departmentId);
    requireKnown("district", body.district(), catalog.districtCodes());
    if (!body.active() && departmentId.equals(appeals.lastResortDepartment())) {
      throw new BadRequestException("active", "the last-resort department " + departmentId + " must stay active");
    }
    // The webhook is set on its own (below) and kept through every other change.
    Webhook webhook = reference.department(departmentId).map(Department::getWebhook).orElse(null);
    Department department = new Department(departmentId, body.name(), body.nameEn(), body.district(),
        Topics.departmentQueue(departmentId), body.active(), webhook);
    publisher.publishDepartments(List.of(department));
    Visible.await(() -> reference.department(departmentId).filter(department::equals).isPresent());
    return DepartmentView.of(department);
  }

  private static void requireId(String field, String id) {
    if (!Topics.isValidDepartmentId(id)) {
      throw new BadRequestException(field, "must be 1-64 letters, digits, '_' or '-'");
    }
  }

  /** Optional codes: absent is fine (a rule or policy for any category), present must be known. */
  private static void requireKnown(String field, String value, Set<String> known) {
    if (value != null && !known.contains(value)) {
      throw new BadRequestException(field, "unknown code " + value);
    }
  }

}
