package cn.changsha.appeals.query;

import cn.changsha.appeals.schema.AppealStatus;
import cn.changsha.appeals.streams.stats.Figures;
import cn.changsha.appeals.streams.view.AppealView;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Peer-to-peer reads: only this instance's own stores, never forwarded again. */
@RestController
public class InternalQueryController {

  private final AppealQueries appeals;

  public InternalQueryController(AppealQueries appeals) {
    this.appeals = appeals;
  }

  @GetMapping("/internal/appeals/{appealId}")
  public AppealView appeal(@PathVariable String appealId) {
    return appeals.localAppeal(appealId).map(AppealView::from)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No appeal " + appealId + " here"));
  }

  @GetMapping("/internal/appeals")
  public List<AppealView> matching(@RequestParam Instant from, @RequestParam Instant to,
      @RequestParam(defaultValue = "") List<String> categories, @RequestParam(defaultValue = "") List<AppealStatus> statuses,
      @RequestParam int limit) {
    return appeals.localMatching(new AppealFilter(from, to, Set.copyOf(categories), Set.copyOf(statuses), limit));
  }

  @GetMapping("/internal/appeals/{appealId}/receipt")
  public AppealQueries.StoredHash receipt(@PathVariable String appealId) {
    return appeals.localReceipt(appealId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No appeal " + appealId + " here"));
  }

  @GetMapping("/internal/figures/{view}")
  public List<Figures> figures(@PathVariable AppealQueries.FigureView view, @RequestParam(required = false) YearMonth month) {
    if (view == AppealQueries.FigureView.MONTH && month == null) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "month is required");
    }
    return List.of(appeals.localFigures(view, month));
  }

  @GetMapping("/internal/departments/{departmentId}/queue")
  public List<AppealQueries.QueuePage> queue(@PathVariable String departmentId, @RequestParam int limit) {
    QueryController.checkQueuePage(limit);
    return List.of(appeals.localQueue(departmentId, limit));
  }
}
