package cn.changsha.appeals.intake;

import cn.changsha.appeals.edge.problem.BadRequestException;
import cn.changsha.appeals.edge.security.Caller;
import cn.changsha.appeals.schema.CommandOutcome;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Intake as JSON: files a validated appeal ({@link AppealIntake}) and answers with a receipt. */
@RestController
@RequestMapping("/api/appeals")
public class IntakeController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final AppealIntake intake;

  public IntakeController(AppealIntake intake) {
    this.intake = intake;
  }

  @PostMapping
  public ResponseEntity<Receipt> submit(
      @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @AuthenticationPrincipal Caller caller,
      @Valid @RequestBody AppealRequest request) {
    if (idempotencyKey != null && !AppealIntake.isIdempotencyKey(idempotencyKey)) {
      throw new BadRequestException(IDEMPOTENCY_KEY, "must be 8-128 letters, digits or . _ : - (a UUID is best)");
    }
    AppealIntake.Filing filing = intake.file(caller, idempotencyKey, request);
    if (filing.refused()) {
      throw new CommandRefusedException(filing.refusal().getOutcome() == CommandOutcome.CONFLICT
          ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST, filing.refusal());
    }
    return ResponseEntity.accepted().location(URI.create(filing.receipt().track())).body(filing.receipt());
  }
}
