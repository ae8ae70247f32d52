package cn.changsha.appeals.edge.problem;

/** A request value that fails validation outside the request body (a header or a path variable). */
public final class BadRequestException extends RuntimeException {

  private final String field;

  public BadRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
