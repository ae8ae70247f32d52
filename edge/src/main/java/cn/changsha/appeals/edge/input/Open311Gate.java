package cn.changsha.appeals.edge.input;

import cn.changsha.appeals.edge.problem.Open311Errors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Open311 paths' counterpart of {@link RequestGate} and {@link JsonBodyAdvice}: GeoReport v2
 * posts forms, not JSON. A change must be {@code application/x-www-form-urlencoded} in UTF-8 (415),
 * at most the configured size however it is sent (413), and well formed (400); it is read here,
 * before sign-in, because its {@code api_key} field is a credential. Reads may carry a
 * Content-Type without a body, as some clients do. Refusals are the standard's error lists.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10)
class Open311Gate extends OncePerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private final EdgeProperties limits;

  Open311Gate(EdgeProperties limits) {
    this.limits = limits;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !Open311Errors.covers(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limits.maxBodySize().toBytes();
    if (!MediaTypes.readableAccept(request.getHeader(HttpHeaders.ACCEPT))) {
      Open311Errors.write(request, response, HttpStatus.NOT_ACCEPTABLE, "The Accept header could not be read");
      return;
    }
    if (request.getContentLengthLong() > limit) {
      Open311Errors.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "The body is larger than " + limit + " bytes");
      return;
    }
    String contentType = request.getContentType();
    boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    if (READS.contains(request.getMethod()) || (!hasBody && contentType == null)) {
      chain.doFilter(request, response);
      return;
    }
    if (!MediaTypes.isUtf8Form(contentType)) {
      Open311Errors.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "Send the request as application/x-www-form-urlencoded; charset=utf-8");
      return;
    }
    byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    if (body.length > limit) {
      Open311Errors.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "The body is larger than " + limit + " bytes");
      return;
    }
    Map<String, List<String>> parameters;
    try {
      parameters = parameters(request.getQueryString(), body);
    } catch (IllegalArgumentException e) {
      Open311Errors.write(request, response, HttpStatus.BAD_REQUEST, "The form could not be read: " + e.getMessage());
      return;
    }
    chain.doFilter(new ReadForm(request, body, parameters), response);
  }

  /** The query's parameters, then the form's, as the servlet specification orders them. */
  private static Map<String, List<String>> parameters(String query, byte[] body) {
    Map<String, List<String>> all = FormBody.parse(query);
    FormBody.parse(FormBody.strictUtf8(body)).forEach((name, values) ->
        all.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
    return all;
  }

  /** The request as the gate read it: its parameters from the query and the form, its body once more. */
  private static final class ReadForm extends HttpServletRequestWrapper {
    private final byte[] body;
    private final Map<String, String[]> parameters = new LinkedHashMap<>();

    ReadForm(HttpServletRequest request, byte[] body, Map<String, List<String>> parameters) {
      super(request);
      this.body = body;
      parameters.forEach((name, values) -> this.parameters.put(name, values.toArray(String[]::new)));
    }

    @Override
    public String getParameter(String name) {
      String[] values = parameters.get(name);
      return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return Collections.unmodifiableMap(parameters);
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      String[] values = parameters.get(name);
      return values == null ? null : values.clone();
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("The form was read already");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }
  }
}
