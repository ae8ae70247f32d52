package cn.changsha.appeals.edge.input;

import cn.changsha.appeals.edge.problem.FieldProblem;
import java.util.List;

/** A request body that is JSON but not of the shape its endpoint takes; every bad field is listed. */
public final class InvalidBodyException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidBodyException(List<FieldProblem> problems) {
    super(problems.size() + " field(s) are not valid");
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
