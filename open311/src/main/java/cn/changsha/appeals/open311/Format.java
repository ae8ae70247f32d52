package cn.changsha.appeals.open311;

import cn.changsha.appeals.edge.input.XmlText;
import cn.changsha.appeals.edge.problem.Open311Errors;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two formats GeoReport v2 names by the path's extension. The answer's type is set here, so
 * no content negotiation can turn it into another format or a 406.
 */
enum Format {
  JSON(Open311Errors.JSON_TYPE) {
    @Override
    String write(Document document) {
      return MAPPER.writeValueAsString(plain(document.content()));
    }
  },
  XML(Open311Errors.XML_TYPE) {
    @Override
    String write(Document document) {
      StringWriter text = new StringWriter();
      try {
        XMLStreamWriter out = XML_OUTPUT.createXMLStreamWriter(text);
        out.writeStartDocument("utf-8", "1.0");
        element(out, document.root(), document.content());
        out.writeEndDocument();
        out.close();
      } catch (XMLStreamException e) {
        throw new IllegalStateException("Writing XML to a string cannot fail", e);
      }
      return text.toString();
    }
  };

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

  private final String contentType;

  Format(String contentType) {
    this.contentType = contentType;
  }

  static Format of(String extension) {
    return switch (extension) {
      case "json" -> JSON;
      case "xml" -> XML;
      default -> throw GeoReportException.notFound("No such format: answers are in .json or .xml");
    };
  }

  abstract String write(Document document);

  ResponseEntity<String> answer(Document document) {
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, contentType).body(write(document));
  }

  private static Object plain(Object content) {
    if (content instanceof Document.Fields fields) {
      Map<String, Object> values = new LinkedHashMap<>();
      fields.values().forEach((name, value) -> values.put(name, plain(value)));
      return values;
    }
    if (content instanceof Document.Many many) {
      List<Object> items = new ArrayList<>();
      many.items().forEach(item -> items.add(plain(item)));
      return items;
    }
    return content;
  }

  private static void element(XMLStreamWriter out, String name, Object content) throws XMLStreamException {
    out.writeStartElement(name);
    if (content instanceof Document.Fields fields) {
      for (Map.Entry<String, Object> field : fields.values().entrySet()) {
        element(out, field.getKey(), field.getValue());
      }
    } else if (content instanceof Document.Many many) {
      for (Object item : many.items()) {
        element(out, many.each(), item);
      }
    } else if (content != null) {
      out.writeCharacters(XmlText.printable(String.valueOf(content)));
    }
    out.writeEndElement();
  }
}
