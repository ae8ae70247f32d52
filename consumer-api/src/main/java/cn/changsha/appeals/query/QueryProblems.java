package cn.changsha.appeals.query;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * While Kafka Streams moves partitions between instances (a start, a stop, a crash) its stores
 * cannot be read for a moment: that is a 503 to retry, not a server error. So is a read refused
 * because too many reads of whole queues run at once ({@link WholeScans}). Ordered before the last
 * resort, which would otherwise take them for bugs.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
@RestControllerAdvice(assignableTypes = {QueryController.class, InternalQueryController.class,
    StatisticsController.class, HotspotController.class, SlaController.class})
public class QueryProblems {

  @ExceptionHandler(InvalidStateStoreException.class)
  ResponseEntity<ProblemDetail> rebalancing(InvalidStateStoreException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "The state stores are being moved between instances; retry in a few seconds");
    problem.setTitle("Rebalancing");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
  }

  @ExceptionHandler(WholeScans.Busy.class)
  ResponseEntity<ProblemDetail> busy(WholeScans.Busy e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getReason());
    problem.setTitle("Busy");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
  }
}
