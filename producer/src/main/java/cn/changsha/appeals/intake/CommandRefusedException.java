package cn.changsha.appeals.intake;

import cn.changsha.appeals.schema.CommandResult;
import org.springframework.http.HttpStatus;

/** The topology answered a command with a refusal; the reason goes back to the caller. */
public final class CommandRefusedException extends RuntimeException {

  private final HttpStatus status;
  private final CommandResult result;

  public CommandRefusedException(HttpStatus status, CommandResult result) {
    super(result.getReason());
    this.status = status;
    this.result = result;
  }

  public HttpStatus status() {
    return status;
  }

  public CommandResult result() {
    return result;
  }
}
