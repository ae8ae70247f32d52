package cn.changsha.appeals.intake;

import cn.changsha.appeals.edge.problem.Problems;
import cn.changsha.appeals.intake.gateway.CommandGateway.CommandNotRecordedException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The write side's own answers: a refusal from the topology carries its reason; Kafka down is a 503. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems {

  @ExceptionHandler(CommandRefusedException.class)
  ProblemDetail refused(CommandRefusedException e) {
    return Problems.of(e.status(), "Command refused", e.result().getReason(),
        Map.of("outcome", e.result().getOutcome().name(), "appealId", e.result().getAppealId()));
  }

  @ExceptionHandler(CommandNotRecordedException.class)
  ProblemDetail notRecorded(CommandNotRecordedException e) {
    return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Not recorded", "Kafka is not reachable; nothing was recorded, retry later");
  }
}
