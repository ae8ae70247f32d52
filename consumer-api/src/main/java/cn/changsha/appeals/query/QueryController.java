package cn.changsha.appeals.query;

import cn.changsha.appeals.edge.security.Caller;
import cn.changsha.appeals.streams.AppealIds;
import cn.changsha.appeals.streams.query.ReferenceQueries;
import cn.changsha.appeals.streams.view.AppealView;
import cn.changsha.appeals.streams.view.DepartmentView;
import cn.changsha.appeals.streams.view.RoutingRuleView;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The read side: appeals, department queues and reference data, all from Kafka Streams state. */
@RestController
public class QueryController {

  private final AppealQueries appeals;
  private final ReferenceQueries reference;

  public QueryController(AppealQueries appeals, ReferenceQueries reference) {
    this.appeals = appeals;
    this.reference = reference;
  }

  private static final int MAX_QUEUE_PAGE = 10_000;

  /** A queue page is 1 to 10,000 appeals long, asked of this instance or of a peer. */
  static void checkQueuePage(int limit) {
    if (limit < 1 || limit > MAX_QUEUE_PAGE) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be 1 to " + MAX_QUEUE_PAGE);
    }
  }

  public record Queue(String departmentId, int total, List<QueueEntry> appeals) {}

  @GetMapping("/api/appeals/{appealId}")
  public AppealView appeal(@PathVariable String appealId, @AuthenticationPrincipal Caller caller) {
    return CallerViews.appealFor(caller, appeals.appeal(appealId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No appeal " + appealId)));
  }

  @GetMapping(value = "/api/appeals", params = "trackingNumber")
  public AppealView byTrackingNumber(@RequestParam String trackingNumber, @AuthenticationPrincipal Caller caller) {
    String normalised = trackingNumber.strip().toUpperCase();
    if (!AppealIds.isTrackingNumber(normalised)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A tracking number is CS followed by 10 letters and digits");
    }
    return CallerViews.appealFor(caller, appeals.appeal(AppealIds.appealIdFor(normalised))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No appeal with tracking number " + normalised)));
  }

  @GetMapping("/api/departments")
  public List<DepartmentView> departments() {
    return reference.departments().stream().map(DepartmentView::of).toList();
  }

  @GetMapping("/api/departments/{departmentId}/queue")
  public Queue queue(@PathVariable String departmentId, @RequestParam(defaultValue = "1000") int limit) {
    if (reference.department(departmentId).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No department " + departmentId);
    }
    checkQueuePage(limit);
    AppealQueries.QueuePage page = appeals.queue(departmentId, limit);
    return new Queue(departmentId, Math.toIntExact(page.total()), page.appeals());
  }

  @GetMapping("/api/routing-rules")
  public List<RoutingRuleView> routingRules() {
    return reference.routingRules().stream().map(RoutingRuleView::of).toList();
  }
}
