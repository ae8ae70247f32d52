package cn.changsha.appeals.webhooks;

import cn.changsha.appeals.streams.query.ReferenceQueries;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Parked webhook calls: counted for monitors, replayed by administrators. */
@RestController
class WebhookController {

  private final ParkedDeliveries parked;
  private final ReferenceQueries reference;

  WebhookController(ParkedDeliveries parked, ReferenceQueries reference) {
    this.parked = parked;
    this.reference = reference;
  }

  @GetMapping("/api/webhooks/parked")
  List<ParkedDeliveries.Parked> parked() {
    return parked.byDepartment();
  }

  record Replayed(String departmentId, int replayed) {}

  /** Replays one department's parked calls (all departments' when none is named). */
  @PostMapping("/api/admin/webhooks/replay")
  Replayed replay(@RequestParam(required = false) String departmentId) {
    if (departmentId != null && reference.department(departmentId).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No department " + departmentId);
    }
    return new Replayed(departmentId, parked.replay(departmentId));
  }
}
