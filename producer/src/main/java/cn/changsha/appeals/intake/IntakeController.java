package cn.changsha.appeals.intake;

import cn.changsha.appeals.edge.problem.BadRequestException;
import cn.changsha.appeals.edge.security.Caller;
import cn.changsha.appeals.edge.security.ClusterSecret;
import cn.changsha.appeals.intake.gateway.CommandGateway;
import cn.changsha.appeals.schema.AppealCommand;
import cn.changsha.appeals.schema.AppealSubmission;
import cn.changsha.appeals.schema.Channel;
import cn.changsha.appeals.schema.CommandResult;
import cn.changsha.appeals.schema.CommandType;
import cn.changsha.appeals.schema.Enterprise;
import cn.changsha.appeals.streams.AppealIds;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Intake: turns a validated appeal into a SUBMIT command and answers with a receipt. */
@RestController
@RequestMapping("/api/appeals")
public class IntakeController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

  private final CommandGateway gateway;
  private final Clock clock;
  private final ClusterSecret secrets;

  public IntakeController(CommandGateway gateway, Clock clock, ClusterSecret secrets) {
    this.gateway = gateway;
    this.clock = clock;
    this.secrets = secrets;
  }

  @PostMapping
  public ResponseEntity<Receipt> submit(
      @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @AuthenticationPrincipal Caller caller,
      @Valid @RequestBody AppealRequest request) {
    if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
      throw new BadRequestException(IDEMPOTENCY_KEY, "must be 8-128 letters, digits or . _ : - (a UUID is best)");
    }
    String trackingNumber = AppealIds.trackingNumberFor(idempotencyKey);
    String appealId = AppealIds.appealIdFor(trackingNumber);
    // Derived, not drawn: a retry on any instance prints the same secret. Only its hash is kept.
    String receiptSecret = secrets.receiptSecret(trackingNumber);
    AppealCommand command = Actors.command(caller, clock)
        .setAppealId(appealId)
        .setType(CommandType.SUBMIT)
        .setTrackingNumber(trackingNumber)
        .setRequestFingerprint(AppealIds.fingerprint(request.canonical()))
        .setSubmission(submission(request, ClusterSecret.receiptSecretHash(receiptSecret)))
        .build();

    Optional<CommandResult> answer = gateway.send(command);
    URI location = URI.create("/api/appeals/" + appealId);
    if (answer.isEmpty()) {
      return ResponseEntity.accepted().location(location).body(Receipt.pending(appealId, trackingNumber, receiptSecret));
    }
    CommandResult result = answer.get();
    return switch (result.getOutcome()) {
      case ACCEPTED, DUPLICATE -> ResponseEntity.accepted().location(location).body(Receipt.of(result.getState(), receiptSecret));
      case CONFLICT -> throw new CommandRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, result);
      default -> throw new CommandRefusedException(HttpStatus.BAD_REQUEST, result);
    };
  }

  private static AppealSubmission submission(AppealRequest request, String receiptSecretHash) {
    AppealRequest.EnterpriseRequest e = request.enterprise();
    return AppealSubmission.newBuilder()
        .setEnterprise(new Enterprise(e.name().strip(), e.creditCode(), e.contactName().strip(), e.contactPhone(),
            e.greenCard() == null || e.greenCard().isBlank() ? null : e.greenCard()))
        .setDistrict(request.district())
        .setCategory(request.category())
        .setTitle(request.title().strip())
        .setDescription(request.description().strip())
        .setChannel(Channel.valueOf(request.channel()))
        .setPriority(request.priorityLane())
        .setReceiptSecretHash(receiptSecretHash)
        .build();
  }
}
