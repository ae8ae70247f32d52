package cn.changsha.appeals.intake;

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
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Filing an appeal, whichever way it arrives ({@code /api/appeals}, Open311): a validated request
 * becomes one SUBMIT command, and the topology's answer a receipt or a refusal. Each way in keeps
 * only its own wire format and the way it reports a refusal.
 */
@Component
public final class AppealIntake {

  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

  private final CommandGateway gateway;
  private final Clock clock;
  private final ClusterSecret secrets;

  public AppealIntake(CommandGateway gateway, Clock clock, ClusterSecret secrets) {
    this.gateway = gateway;
    this.clock = clock;
    this.secrets = secrets;
  }

  /** The outcome: a receipt (routed, or pending when the topology has not answered yet), or the topology's refusal. */
  public record Filing(Receipt receipt, CommandResult refusal) {
    public boolean refused() {
      return refusal != null;
    }
  }

  public static boolean isIdempotencyKey(String key) {
    return key != null && IDEMPOTENCY_KEY.matcher(key).matches();
  }

  /**
   * Files {@code request} for {@code caller}. With an idempotency key the tracking number, the
   * appeal id and the receipt secret are derived from it, so a retry names the same appeal.
   *
   * @throws CommandGateway.CommandNotRecordedException when Kafka did not take the command
   */
  public Filing file(Caller caller, String idempotencyKey, AppealRequest request) {
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
    if (answer.isEmpty()) {
      return new Filing(Receipt.pending(appealId, trackingNumber, receiptSecret), null);
    }
    CommandResult result = answer.get();
    return switch (result.getOutcome()) {
      case ACCEPTED, DUPLICATE -> new Filing(Receipt.of(result.getState(), receiptSecret), null);
      default -> new Filing(null, result);
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
