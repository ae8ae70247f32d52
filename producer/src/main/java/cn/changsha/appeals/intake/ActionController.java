package cn.changsha.appeals.intake;

import cn.changsha.appeals.edge.problem.BadRequestException;
import cn.changsha.appeals.edge.security.Caller;
import cn.changsha.appeals.intake.gateway.CommandGateway;
import cn.changsha.appeals.schema.AppealCommand;
import cn.changsha.appeals.schema.CommandResult;
import cn.changsha.appeals.streams.view.AppealView;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Department and enterprise actions on an appeal. Each becomes a command; the answer comes back
 * within the configured wait: 200 with the appeal, 409 (wrong state) / 400 / 404 with the reason,
 * or 202 if the topology has not answered yet (the command is on record; poll the appeal).
 */
@RestController
@RequestMapping("/api/appeals")
public class ActionController {

  private final CommandGateway gateway;
  private final Clock clock;

  public ActionController(CommandGateway gateway, Clock clock) {
    this.gateway = gateway;
    this.clock = clock;
  }

  public record Accepted(String outcome, AppealView appeal) {}

  public record Pending(String outcome, String commandId, String appealId, String poll) {}

  @PostMapping("/{appealId}/{action}")
  public ResponseEntity<?> act(
      @PathVariable String appealId, @PathVariable String action,
      @AuthenticationPrincipal Caller caller,
      @Valid @RequestBody(required = false) ActionRequest body) {
    Action what = Action.byPath(action)
        .orElseThrow(() -> new BadRequestException("action", "must be one of " + Action.paths()));
    requireUuid(appealId);
    if (!caller.is(what.actor)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only " + what.actor.name().toLowerCase() + " callers may " + what.path);
    }
    ActionRequest fields = body == null ? ActionRequest.EMPTY : body;
    AppealCommand command = Actors.command(caller, clock)
        .setAppealId(appealId)
        .setType(what.command)
        .setToDepartmentId(fields.toDepartmentId())
        .setReason(fields.reason())
        .setQuestion(fields.question())
        .setInformation(fields.information())
        .setResolution(fields.resolution())
        .setRating(fields.rating())
        .setComment(fields.comment())
        .build();

    Optional<CommandResult> answer = gateway.send(command);
    if (answer.isEmpty()) {
      return ResponseEntity.accepted().body(new Pending("PENDING", command.getCommandId(), appealId, "/api/appeals/" + appealId));
    }
    CommandResult result = answer.get();
    return switch (result.getOutcome()) {
      case ACCEPTED -> ResponseEntity.ok(new Accepted("ACCEPTED", AppealView.from(result.getState())));
      case NOT_FOUND -> throw new CommandRefusedException(HttpStatus.NOT_FOUND, result);
      case FORBIDDEN -> throw new CommandRefusedException(HttpStatus.FORBIDDEN, result);
      case INVALID_STATE, CONFLICT, DUPLICATE -> throw new CommandRefusedException(HttpStatus.CONFLICT, result);
      case INVALID_COMMAND -> throw new CommandRefusedException(HttpStatus.BAD_REQUEST, result);
    };
  }

  private static void requireUuid(String appealId) {
    try {
      UUID.fromString(appealId);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("appealId", "must be an appeal id (UUID)");
    }
  }
}
