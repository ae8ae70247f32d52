package cn.changsha.appeals.streams.lifecycle;

import static cn.changsha.appeals.schema.AppealStatus.ACKNOWLEDGED;
import static cn.changsha.appeals.schema.AppealStatus.AWAITING_INFO;
import static cn.changsha.appeals.schema.AppealStatus.CLOSED;
import static cn.changsha.appeals.schema.AppealStatus.REOPENED;
import static cn.changsha.appeals.schema.AppealStatus.RESOLVED;
import static cn.changsha.appeals.schema.AppealStatus.ROUTED;
import static cn.changsha.appeals.schema.AppealStatus.SUBMITTED;

import cn.changsha.appeals.schema.Actor;
import cn.changsha.appeals.schema.ActorRole;
import cn.changsha.appeals.schema.AppealCommand;
import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.AppealStatus;
import cn.changsha.appeals.schema.CommandOutcome;
import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.schema.EventType;
import cn.changsha.appeals.streams.routing.ReferenceData;
import cn.changsha.appeals.streams.routing.Router;
import cn.changsha.appeals.streams.routing.RoutingDecision;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The appeal state machine. Given a command and the appeal's current state it decides which
 * events happen, or refuses with a reason. It never changes state itself: {@link
 * AppealEvolution} does that, so the same rules hold when the log is replayed.
 */
public final class AppealDecider {

  /** Statuses in which a department still has work to do: the appeal sits in its queue. */
  public static final Set<AppealStatus> OPEN =
      EnumSet.of(SUBMITTED, ROUTED, ACKNOWLEDGED, AWAITING_INFO, REOPENED);

  private static final Set<AppealStatus> HANDLING = EnumSet.of(ROUTED, ACKNOWLEDGED, REOPENED);
  private static final Actor ROUTER = new Actor(ActorRole.SYSTEM, "router");

  private final Router router;
  private final ReferenceData reference;

  public AppealDecider(Router router, ReferenceData reference) {
    this.router = router;
    this.reference = reference;
  }

  public Decision decide(AppealCommand command, AppealState state, Instant now) {
    if (command.getType() == cn.changsha.appeals.schema.CommandType.SUBMIT) {
      return submit(command, state, now);
    }
    if (state == null) {
      return Decision.refused(CommandOutcome.NOT_FOUND, "No appeal " + command.getAppealId());
    }
    Events events = new Events(command, state.getVersion(), now);
    return switch (command.getType()) {
      case ACKNOWLEDGE -> requireStatus(state, EnumSet.of(ROUTED, REOPENED), "acknowledge")
          .orElseGet(() -> events.add(EventType.ACKNOWLEDGED, state.getDepartmentId()).accept());
      case REQUEST_INFO -> requireStatus(state, HANDLING, "request information on")
          .or(() -> requireText(command.getQuestion(), "question"))
          .orElseGet(() -> events.add(EventType.INFO_REQUESTED, state.getDepartmentId()).accept());
      case PROVIDE_INFO -> requireStatus(state, EnumSet.of(AWAITING_INFO), "provide information for")
          .or(() -> requireText(command.getInformation(), "information"))
          .orElseGet(() -> events.add(EventType.INFO_PROVIDED, state.getDepartmentId()).accept());
      case TRANSFER -> requireStatus(state, HANDLING, "transfer")
          .or(() -> requireText(command.getReason(), "reason"))
          .or(() -> checkTransferTarget(state, command.getToDepartmentId()))
          .orElseGet(() -> events.add(EventType.TRANSFERRED, command.getToDepartmentId())
              .fromDepartment(state.getDepartmentId()).accept());
      case RESOLVE -> requireStatus(state, EnumSet.of(ACKNOWLEDGED, REOPENED), "resolve")
          .or(() -> requireText(command.getResolution(), "resolution"))
          .orElseGet(() -> events.add(EventType.RESOLVED, state.getDepartmentId()).accept());
      case EVALUATE -> requireStatus(state, EnumSet.of(RESOLVED), "evaluate")
          .or(() -> checkRating(command.getRating()))
          .orElseGet(() -> evaluate(events, state, command.getRating()));
      case REOPEN -> requireStatus(state, EnumSet.of(RESOLVED, CLOSED), "reopen")
          .or(() -> requireText(command.getReason(), "reason"))
          .orElseGet(() -> events.add(EventType.REOPENED, state.getDepartmentId()).accept());
      case WITHDRAW -> requireStatus(state, OPEN, "withdraw")
          .orElseGet(() -> events.add(EventType.WITHDRAWN, state.getDepartmentId()).accept());
      default -> Decision.refused(CommandOutcome.INVALID_COMMAND, "Unknown command " + command.getType());
    };
  }

  private Decision submit(AppealCommand command, AppealState state, Instant now) {
    if (state != null) {
      // A retry of the same request (same idempotency key, same content) gets the same receipt.
      return Objects.equals(state.getRequestFingerprint(), command.getRequestFingerprint())
          ? Decision.duplicate()
          : Decision.refused(CommandOutcome.CONFLICT,
              "Idempotency key already used for a different request (tracking number " + state.getTrackingNumber() + ")");
    }
    if (command.getSubmission() == null || command.getTrackingNumber() == null) {
      return Decision.refused(CommandOutcome.INVALID_COMMAND, "A submission needs its content and tracking number");
    }
    RoutingDecision route = router.route(
        command.getSubmission().getDistrict(), command.getSubmission().getCategory(), reference);
    Events events = new Events(command, 0, now);
    events.add(EventType.SUBMITTED, null).submission(command);
    events.add(EventType.ROUTED, route.departmentId()).routedBy(route.ruleId());
    return events.accept();
  }

  private Decision evaluate(Events events, AppealState state, int rating) {
    events.add(EventType.EVALUATED, state.getDepartmentId());
    // 1-2 stars means the enterprise is not satisfied: the appeal goes back to the department.
    events.add(rating <= 2 ? EventType.REOPENED : EventType.CLOSED, state.getDepartmentId());
    return events.accept();
  }

  private static Optional<Decision> requireStatus(AppealState state, Set<AppealStatus> allowed, String verb) {
    if (allowed.contains(state.getStatus())) {
      return Optional.empty();
    }
    return Optional.of(Decision.refused(CommandOutcome.INVALID_STATE,
        "Cannot " + verb + " an appeal that is " + state.getStatus() + "; allowed from " + allowed));
  }

  private static Optional<Decision> requireText(String value, String field) {
    if (value != null && !value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Decision.refused(CommandOutcome.INVALID_COMMAND, "A " + field + " is required"));
  }

  private static Optional<Decision> checkRating(Integer rating) {
    if (rating != null && rating >= 1 && rating <= 5) {
      return Optional.empty();
    }
    return Optional.of(Decision.refused(CommandOutcome.INVALID_COMMAND, "Rating must be 1 to 5"));
  }

  private Optional<Decision> checkTransferTarget(AppealState state, String target) {
    if (target == null || target.isBlank()) {
      return Optional.of(Decision.refused(CommandOutcome.INVALID_COMMAND, "A toDepartmentId is required"));
    }
    if (target.equals(state.getDepartmentId())) {
      return Optional.of(Decision.refused(CommandOutcome.INVALID_COMMAND, "The appeal is already with " + target));
    }
    boolean active = reference.department(target).map(Department::getActive).orElse(false);
    return active ? Optional.empty()
        : Optional.of(Decision.refused(CommandOutcome.INVALID_COMMAND, "No active department " + target));
  }

  /** Builds the events of one decision, numbered after the appeal's last event. */
  private static final class Events {
    private final AppealCommand command;
    private final Instant now;
    private final List<AppealEvent.Builder> built = new ArrayList<>();
    private long sequence;

    Events(AppealCommand command, long lastSequence, Instant now) {
      this.command = command;
      this.sequence = lastSequence;
      this.now = now;
    }

    Events add(EventType type, String departmentId) {
      sequence++;
      // Derived from the command, so reprocessing a command yields the same event ids.
      String eventId = UUID.nameUUIDFromBytes(
          (command.getCommandId() + "#" + built.size()).getBytes(StandardCharsets.UTF_8)).toString();
      built.add(AppealEvent.newBuilder()
          .setEventId(eventId)
          .setAppealId(command.getAppealId())
          .setSequence(sequence)
          .setType(type)
          .setAt(now)
          .setActor(type == EventType.ROUTED ? ROUTER : command.getActor())
          .setCommandId(command.getCommandId())
          .setDepartmentId(departmentId)
          .setReason(command.getReason())
          .setQuestion(command.getQuestion())
          .setInformation(command.getInformation())
          .setResolution(command.getResolution())
          .setRating(command.getRating())
          .setComment(command.getComment()));
      return this;
    }

    Events submission(AppealCommand submit) {
      last().setSubmission(submit.getSubmission()).setTrackingNumber(submit.getTrackingNumber())
          .setRequestFingerprint(submit.getRequestFingerprint());
      return this;
    }

    Events routedBy(String ruleId) {
      last().setRoutingRuleId(ruleId);
      return this;
    }

    Events fromDepartment(String departmentId) {
      last().setFromDepartmentId(departmentId);
      return this;
    }

    Decision accept() {
      return Decision.accepted(built.stream().map(AppealEvent.Builder::build).toList());
    }

    private AppealEvent.Builder last() {
      return built.get(built.size() - 1);
    }
  }
}
