package cn.changsha.appeals.query;

import cn.changsha.appeals.edge.problem.BadRequestException;
import cn.changsha.appeals.schema.Priority;
import cn.changsha.appeals.schema.SlaPolicy;
import cn.changsha.appeals.schema.SlaState;
import cn.changsha.appeals.streams.calendar.BusinessCalendar;
import cn.changsha.appeals.streams.query.ReferenceQueries;
import cn.changsha.appeals.streams.sla.SlaPlanner;
import cn.changsha.appeals.streams.view.LiaisonView;
import cn.changsha.appeals.streams.view.SlaPolicyView;
import cn.changsha.appeals.streams.view.Times;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Promised times before submitting (for kiosks that show the promise), and the policies behind them. */
@RestController
public class SlaController {

  private static final Pattern CATEGORY = Pattern.compile("[A-Z_]{1,40}");

  private final SlaPlanner planner;
  private final ReferenceQueries reference;

  public SlaController(SlaPlanner planner, ReferenceQueries reference) {
    this.planner = planner;
    this.reference = reference;
  }

  public record Preview(
      OffsetDateTime submittedAt, String priority, String category, String policyId,
      OffsetDateTime firstResponseDue, OffsetDateTime resolutionDue,
      OffsetDateTime firstResponseWarnAt, OffsetDateTime resolutionWarnAt) {}

  @GetMapping("/api/sla/preview")
  public Preview preview(@RequestParam String submittedAt, @RequestParam(defaultValue = "NORMAL") String priority,
      @RequestParam(required = false) String category) {
    OffsetDateTime at = parse(submittedAt);
    Priority lane = Arrays.stream(Priority.values()).filter(p -> p.name().equals(priority)).findFirst()
        .orElseThrow(() -> new BadRequestException("priority", "must be one of " + Arrays.toString(Priority.values())));
    if (category != null && !CATEGORY.matcher(category).matches()) {
      throw new BadRequestException("category", "must be a category code such as MEETING_REQUEST");
    }
    SlaPolicy policy = planner.policyFor(lane, category, reference.slaPolicies());
    SlaState promised = planner.start(lane, policy, at.toInstant());
    return new Preview(at, lane.name(), category, policy.getPolicyId(),
        Times.local(promised.getFirstResponse().getDueAt()), Times.local(promised.getResolution().getDueAt()),
        Times.local(promised.getFirstResponse().getWarnAt()), Times.local(promised.getResolution().getWarnAt()));
  }

  @GetMapping("/api/sla-policies")
  public List<SlaPolicyView> policies() {
    return reference.slaPolicies().stream().map(SlaPolicyView::of).toList();
  }

  @GetMapping("/api/liaisons")
  public List<LiaisonView> liaisons() {
    return reference.liaisons().stream().map(LiaisonView::of).toList();
  }

  private static OffsetDateTime parse(String text) {
    OffsetDateTime at;
    try {
      at = OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRequestException("submittedAt", "must be ISO-8601 with an offset, e.g. 2026-09-30T16:00:00+08:00");
    }
    if (!BusinessCalendar.canReasonAbout(at.atZoneSameInstant(Times.CHANGSHA).getYear())) {
      throw new BadRequestException("submittedAt",
          "must fall in the years " + BusinessCalendar.FIRST_YEAR + " to " + BusinessCalendar.LAST_YEAR);
    }
    return at;
  }
}
