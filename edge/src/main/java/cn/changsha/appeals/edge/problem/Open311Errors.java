package cn.changsha.appeals.edge.problem;

import cn.changsha.appeals.edge.input.XmlText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors on the Open311 paths, in the shape GeoReport v2 clients parse: a list of
 * {@code {code, description}}, as JSON or as {@code <errors><error>...} by the path's extension.
 * Every other path keeps the problem documents of {@link Problems}.
 */
public final class Open311Errors {

  public static final String PATH_PREFIX = "/open311/";
  public static final String JSON_TYPE = "application/json;charset=UTF-8";
  public static final String XML_TYPE = "text/xml;charset=UTF-8";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

  /** One error; the code is the HTTP status, as in the standard's own examples. */
  public record Error(int code, String description) {
    public static Error of(HttpStatus status, String description) {
      return new Error(status.value(), description);
    }
  }

  private Open311Errors() {}

  public static boolean covers(HttpServletRequest request) {
    return request.getRequestURI().startsWith(PATH_PREFIX);
  }

  /** The format is named by the extension; anything but {@code .xml} is answered in JSON. */
  public static boolean asksForXml(HttpServletRequest request) {
    return request.getRequestURI().endsWith(".xml");
  }

  public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String description)
      throws IOException {
    write(request, response, status, List.of(Error.of(status, description)));
  }

  public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, List<Error> errors)
      throws IOException {
    boolean xml = asksForXml(request);
    response.setStatus(status.value());
    response.setContentType(xml ? XML_TYPE : JSON_TYPE);
    response.getOutputStream().write(render(xml, errors).getBytes(StandardCharsets.UTF_8));
  }

  public static String render(boolean xml, List<Error> errors) {
    if (!xml) {
      return JSON.writeValueAsString(errors);
    }
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter out = XML.createXMLStreamWriter(text);
      out.writeStartDocument("utf-8", "1.0");
      out.writeStartElement("errors");
      for (Error error : errors) {
        out.writeStartElement("error");
        element(out, "code", String.valueOf(error.code()));
        element(out, "description", error.description());
        out.writeEndElement();
      }
      out.writeEndElement();
      out.writeEndDocument();
      out.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Writing XML to a string cannot fail", e);
    }
    return text.toString();
  }

  private static void element(XMLStreamWriter out, String name, String text) throws XMLStreamException {
    out.writeStartElement(name);
    out.writeCharacters(XmlText.printable(text));
    out.writeEndElement();
  }
}
