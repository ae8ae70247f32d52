package cn.changsha.appeals.streams.lifecycle;

import static cn.changsha.appeals.schema.AppealStatus.ACKNOWLEDGED;
import static cn.changsha.appeals.schema.AppealStatus.AWAITING_INFO;
import static cn.changsha.appeals.schema.AppealStatus.CLOSED;
import static cn.changsha.appeals.schema.AppealStatus.REOPENED;
import static cn.changsha.appeals.schema.AppealStatus.RESOLVED;
import static cn.changsha.appeals.schema.AppealStatus.ROUTED;

import cn.changsha.appeals.schema.Actor;
import cn.changsha.appeals.schema.ActorRole;
import cn.changsha.appeals.schema.AppealCommand;
import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.AppealStatus;
import cn.changsha.appeals.schema.AppealStatuses;
import cn.changsha.appeals.schema.AppealSubmission;
import cn.changsha.appeals.schema.CommandOutcome;
import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.schema.EventType;
import cn.changsha.appeals.schema.Liaison;
import cn.changsha.appeals.schema.SlaClockKind;
import cn.changsha.appeals.schema.SlaPolicy;
import cn.changsha.appeals.schema.SlaState;
import cn.changsha.appeals.streams.routing.ReferenceData;
import cn.changsha.appeals.streams.routing.Router;
import cn.changsha.appeals.streams.routing.RoutingDecision;
import cn.changsha.appeals.streams.sla.SlaPlanner;
import cn.changsha.appeals.streams.sla.SlaTimer;
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

  private static final Set<AppealStatus> HANDLING = EnumSet.of(ROUTED, ACKNOWLEDGED, REOPENED);
  private static final Actor ROUTER = new Actor(ActorRole.SYSTEM, "router", null);
  private static final Actor SLA_MONITOR = new Actor(ActorRole.SYSTEM, "sla-monitor", null);

  private final Router router;
  private final ReferenceData reference;
  private final SlaPlanner sla;

  public AppealDecider(Router router, ReferenceData reference, SlaPlanner sla) {
    this.router = router;
    this.reference = reference;
    this.sla = sla;
  }

  public Decision decide(AppealCommand command, AppealState state, Instant now) {
    if (command.getType() == cn.changsha.appeals.schema.CommandType.SUBMIT) {
      return submit(command, state, now);
    }
    if (state == null) {
      return Decision.refused(CommandOutcome.NOT_FOUND, "No appeal " + command.getAppealId());
    }
    Actor actor = command.getActor();
    if (actor.getRole() == ActorRole.DEPARTMENT && !Objects.equals(actor.getDepartmentId(), state.getDepartmentId())) {
      // Decided here, in order with the transfers, so a department that has just handed an
      // appeal on cannot act on it a moment later.
      return Decision.refused(CommandOutcome.FORBIDDEN, "Appeal " + command.getAppealId() + " is not held by department "
          + actor.getDepartmentId());
    }
    Events events = Events.of(command, state.getVersion(), now);
    SlaState clocks = state.getSla();
    return switch (command.getType()) {
      case ACKNOWLEDGE -> requireStatus(state, EnumSet.of(ROUTED, REOPENED), "acknowledge")
          .orElseGet(() -> events.add(EventType.ACKNOWLEDGED, state.getDepartmentId())
              .sla(clocks == null ? null : sla.stop(clocks, SlaClockKind.FIRST_RESPONSE, now)).accept());
      case REQUEST_INFO -> requireStatus(state, HANDLING, "request information on")
          .or(() -> requireText(command.getQuestion(), "question"))
          .orElseGet(() -> events.add(EventType.INFO_REQUESTED, state.getDepartmentId())
              .sla(clocks == null ? null : sla.pause(clocks, now)).accept());
      case PROVIDE_INFO -> requireStatus(state, EnumSet.of(AWAITING_INFO), "provide information for")
          .or(() -> requireText(command.getInformation(), "information"))
          .orElseGet(() -> events.add(EventType.INFO_PROVIDED, state.getDepartmentId())
              .sla(clocks == null ? null : sla.resume(clocks, now)).accept());
      case TRANSFER -> requireStatus(state, HANDLING, "transfer")
          .or(() -> requireText(command.getReason(), "reason"))
          .or(() -> checkTransferTarget(state, command.getToDepartmentId()))
          .orElseGet(() -> events.add(EventType.TRANSFERRED, command.getToDepartmentId())
              .fromDepartment(state.getDepartmentId()).accept());
      case RESOLVE -> requireStatus(state, EnumSet.of(ACKNOWLEDGED, REOPENED), "resolve")
          .or(() -> requireText(command.getResolution(), "resolution"))
          .orElseGet(() -> events.add(EventType.RESOLVED, state.getDepartmentId())
              .sla(clocks == null ? null : sla.stop(clocks, SlaClockKind.RESOLUTION, now)).accept());
      case EVALUATE -> requireStatus(state, EnumSet.of(RESOLVED), "evaluate")
          .or(() -> checkRating(command.getRating()))
          .orElseGet(() -> evaluate(events, state, command.getRating(), now));
      case REOPEN -> requireStatus(state, EnumSet.of(RESOLVED, CLOSED), "reopen")
          .or(() -> requireText(command.getReason(), "reason"))
          .orElseGet(() -> events.add(EventType.REOPENED, state.getDepartmentId()).sla(reopened(state, now)).accept());
      case WITHDRAW -> requireStatus(state, AppealStatuses.OPEN, "withdraw")
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
    AppealSubmission submission = command.getSubmission();
    RoutingDecision route = router.route(submission.getDistrict(), submission.getCategory(), reference);
    SlaPolicy policy = policyFor(submission);
    Events events = Events.of(command, 0, now);
    events.add(EventType.SUBMITTED, null).submission(command);
    events.add(EventType.ROUTED, route.departmentId()).routedBy(route.ruleId())
        .sla(sla.start(submission.getPriority(), policy, now));
    return events.accept();
  }

  private Decision evaluate(Events events, AppealState state, int rating, Instant now) {
    events.add(EventType.EVALUATED, state.getDepartmentId());
    // 1-2 stars means the enterprise is not satisfied: the appeal goes back to the department.
    if (rating <= 2) {
      events.add(EventType.REOPENED, state.getDepartmentId()).sla(reopened(state, now));
    } else {
      events.add(EventType.CLOSED, state.getDepartmentId());
    }
    return events.accept();
  }

  /**
   * A timer that has come due: warn, breach or escalate, naming the role the liaison directory
   * gives for the department that holds the appeal now.
   */
  public Decision fire(SlaTimer timer, AppealState state, Instant now) {
    SlaState clocks = state.getSla();
    String department = state.getDepartmentId();
    Liaison liaison = reference.liaison(department).orElse(fallbackLiaison(department));
    String timerId = "timer:" + state.getAppealId() + ":" + timer.clock() + ":" + timer.step() + ":" + clocks.getResolutionCycle();
    Events events = new Events(timerId, state.getAppealId(), SLA_MONITOR, state.getVersion(), now);
    switch (timer.step()) {
      case WARN -> {
        SlaState warned = sla.warned(clocks, timer.clock());
        events.add(EventType.SLA_WARNING, department).clock(timer.clock()).sla(warned);
        events.add(EventType.ESCALATED, department).clock(timer.clock()).escalatedTo(liaison.getDepartmentHead()).sla(warned);
      }
      case BREACH -> {
        SlaState breached = sla.breached(clocks, timer.clock(), now);
        events.add(EventType.SLA_BREACHED, department).clock(timer.clock()).sla(breached);
        events.add(EventType.ESCALATED, department).clock(timer.clock()).escalatedTo(liaison.getDeputyDistrictHead()).sla(breached);
      }
      case ESCALATE -> events.add(EventType.ESCALATED, department).clock(timer.clock())
          .escalatedTo(liaison.getEfficiencyCenter()).sla(sla.escalated(clocks, timer.clock()));
      default -> throw new IllegalArgumentException("Unknown timer step " + timer.step());
    }
    return events.accept();
  }

  private SlaState reopened(AppealState state, Instant now) {
    return state.getSla() == null ? null : sla.newResolutionCycle(state.getSla(), policyFor(state.getSubmission()), now);
  }

  private SlaPolicy policyFor(AppealSubmission submission) {
    return sla.policyFor(submission.getPriority(), submission.getCategory(), reference.slaPolicies());
  }

  /** Roles named after the department, for a department missing from the liaison directory. */
  private static Liaison fallbackLiaison(String departmentId) {
    return new Liaison(departmentId, departmentId + " 部门负责人 / department head",
        departmentId + " 分管副区长 / supervising deputy district head", "效能中心 / efficiency center");
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
    private final String causeId;
    private final String appealId;
    private final Actor actor;
    private final AppealCommand command;
    private final Instant now;
    private final List<AppealEvent.Builder> built = new ArrayList<>();
    private long sequence;

    Events(String causeId, String appealId, Actor actor, long lastSequence, Instant now) {
      this(causeId, appealId, actor, null, lastSequence, now);
    }

    private Events(String causeId, String appealId, Actor actor, AppealCommand command, long lastSequence, Instant now) {
      this.causeId = causeId;
      this.appealId = appealId;
      this.actor = actor;
      this.command = command;
      this.sequence = lastSequence;
      this.now = now;
    }

    static Events of(AppealCommand command, long lastSequence, Instant now) {
      return new Events(command.getCommandId(), command.getAppealId(), command.getActor(), command, lastSequence, now);
    }

    Events add(EventType type, String departmentId) {
      sequence++;
      // Derived from the cause, so reprocessing a command or a timer yields the same event ids.
      String eventId = UUID.nameUUIDFromBytes((causeId + "#" + built.size()).getBytes(StandardCharsets.UTF_8)).toString();
      AppealEvent.Builder event = AppealEvent.newBuilder()
          .setEventId(eventId)
          .setAppealId(appealId)
          .setSequence(sequence)
          .setType(type)
          .setAt(now)
          .setActor(type == EventType.ROUTED ? ROUTER : actor)
          .setDepartmentId(departmentId);
      if (command != null) {
        event.setCommandId(command.getCommandId())
            .setReason(command.getReason())
            .setQuestion(command.getQuestion())
            .setInformation(command.getInformation())
            .setResolution(command.getResolution())
            .setRating(command.getRating())
            .setComment(command.getComment());
      }
      built.add(event);
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

    Events sla(SlaState state) {
      last().setSla(state);
      return this;
    }

    Events clock(SlaClockKind kind) {
      last().setSlaClock(kind);
      return this;
    }

    Events escalatedTo(String role) {
      last().setEscalatedTo(role);
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
