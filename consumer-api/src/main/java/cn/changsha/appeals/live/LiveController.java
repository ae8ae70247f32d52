package cn.changsha.appeals.live;

import cn.changsha.appeals.streams.query.ReferenceQueries;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Server-sent events for the screens: what changed, so they re-read without the page reloading. */
@RestController
class LiveController {

  private final LiveUpdates live;
  private final ReferenceQueries reference;

  LiveController(LiveUpdates live, ReferenceQueries reference) {
    this.live = live;
    this.reference = reference;
  }

  @GetMapping(value = "/api/live/dashboard", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter dashboard() {
    return live.dashboard();
  }

  @GetMapping(value = "/api/live/departments/{departmentId}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter department(@PathVariable String departmentId) {
    if (reference.department(departmentId).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No department " + departmentId);
    }
    return live.department(departmentId);
  }
}
