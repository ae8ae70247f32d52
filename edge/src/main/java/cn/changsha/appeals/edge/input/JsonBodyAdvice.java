package cn.changsha.appeals.edge.input;

import cn.changsha.appeals.edge.problem.FieldProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gate every JSON request body passes before it is bound: at most the configured size (413),
 * valid UTF-8 (400), one well-formed JSON document without duplicate keys (400), and of the shape
 * of the endpoint's record, every bad field named (400). What passes is handed on unchanged.
 */
@ControllerAdvice
class JsonBodyAdvice extends RequestBodyAdviceAdapter {

  private static final JsonMapper TREES = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private final EdgeProperties limits;

  JsonBodyAdvice(EdgeProperties limits) {
    this.limits = limits;
  }

  @Override
  public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
    byte[] body = readAtMost(message.getBody(), limits.maxBodySize().toBytes());
    String text = strictUtf8(body);
    JsonNode tree;
    try {
      tree = TREES.readTree(text);
    } catch (JacksonException e) {
      String why = e.getOriginalMessage() == null ? "" : ": " + abbreviate(e.getOriginalMessage());
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new UnreadableBodyException(HttpStatus.BAD_REQUEST, "The body is not well-formed JSON" + where + why);
    }
    if (tree == null || tree.isMissingNode()) {
      throw new UnreadableBodyException(HttpStatus.BAD_REQUEST, "The body is empty");
    }
    List<FieldProblem> problems = BodyShape.check(tree, targetType);
    if (!problems.isEmpty()) {
      throw new InvalidBodyException(problems);
    }
    return new Checked(body, message.getHeaders());
  }

  /** Jackson's own words, without its notes on where in its source it was (they name library settings). */
  private static String abbreviate(String message) {
    String firstLine = message.lines().findFirst().orElse("");
    for (String internal : new String[] {" (start marker", " at [Source", "[Source"}) {
      int at = firstLine.indexOf(internal);
      firstLine = at < 0 ? firstLine : firstLine.substring(0, at);
    }
    return firstLine.length() <= 160 ? firstLine : firstLine.substring(0, 160) + "…";
  }

  private static byte[] readAtMost(InputStream in, long limit) throws IOException {
    byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    if (body.length > limit) {
      throw new UnreadableBodyException(HttpStatus.CONTENT_TOO_LARGE, "The body is larger than " + limit + " bytes");
    }
    return body;
  }

  private static String strictUtf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw new UnreadableBodyException(HttpStatus.BAD_REQUEST, "The body is not valid UTF-8");
    }
  }

  private record Checked(byte[] body, HttpHeaders headers) implements HttpInputMessage {
    @Override
    public InputStream getBody() {
      return new ByteArrayInputStream(body);
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }
  }
}
