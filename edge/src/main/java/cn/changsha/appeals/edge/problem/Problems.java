package cn.changsha.appeals.edge.problem;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** RFC 9457 problem documents, built the same way wherever an error is answered. */
public final class Problems {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Problems() {}

  public static ProblemDetail of(HttpStatusCode status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  public static ProblemDetail of(HttpStatusCode status, String title, String detail, Map<String, Object> properties) {
    ProblemDetail problem = of(status, title, detail);
    properties.forEach(problem::setProperty);
    return problem;
  }

  /** A 400 that names every bad field, sorted so a kiosk can mark them in order. */
  public static ProblemDetail invalid(List<FieldProblem> problems) {
    List<FieldProblem> sorted = problems.stream().sorted(Comparator.comparing(FieldProblem::field)).toList();
    return of(HttpStatus.BAD_REQUEST, "Invalid request", sorted.size() + " field(s) are not valid", Map.of("errors", sorted));
  }

  /** For answers written outside Spring MVC (filters, the servlet container), in the shape Spring MVC gives them. */
  public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(JSON.writeValueAsBytes(body));
  }
}
