package cn.changsha.appeals.edge.input;

import org.springframework.http.HttpStatus;

/** A request body that cannot be read at all: too large, not UTF-8, or not JSON. */
public final class UnreadableBodyException extends RuntimeException {

  private final HttpStatus status;

  UnreadableBodyException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }
}
