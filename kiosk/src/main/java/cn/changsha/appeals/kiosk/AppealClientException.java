package cn.changsha.appeals.kiosk;

/** The server refused a request (4xx) or could not be reached; the message says which and why. */
public final class AppealClientException extends RuntimeException {

  private final int status;

  public AppealClientException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** HTTP status, or 0 if no answer came. */
  public int status() {
    return status;
  }
}
