package cn.changsha.appeals.query;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Writes every {@link OffsetDateTime} in an answer as the text {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}
 * gives (as Jackson would), but without its formatter. On Java 17 that formatter makes a
 * {@code BigDecimal} and more for each fraction of a second; an appeal carries some twenty times,
 * and their formatting was a fifth of what a read of one appeal allocated (PERFORMANCE.md): less
 * garbage, fewer young collections, and those pauses set the reads' slowest percentile.
 */
@Configuration(proxyBeanMethods = false)
public class TimeText {

  @Bean
  JsonMapperBuilderCustomizer isoTimesWithoutFormatter() {
    return builder -> builder.addModule(new SimpleModule("iso-times").addSerializer(OffsetDateTime.class, new Serializer()));
  }

  /** The same text as {@code ISO_OFFSET_DATE_TIME.format(time)}. */
  public static String of(OffsetDateTime time) {
    int year = time.getYear();
    if (year < 1000 || year > 9999) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time); // sign and padding rules: leave them to the JDK
    }
    StringBuilder text = new StringBuilder(35).append(year).append('-');
    twoDigits(text, time.getMonthValue()).append('-');
    twoDigits(text, time.getDayOfMonth()).append('T');
    twoDigits(text, time.getHour()).append(':');
    twoDigits(text, time.getMinute()).append(':');
    twoDigits(text, time.getSecond());
    int nanos = time.getNano();
    if (nanos > 0) {
      // Nine digits, then without the trailing zeros: .5, .123, .000001
      int digits = 9;
      while (nanos % 10 == 0) {
        nanos /= 10;
        digits--;
      }
      String fraction = Integer.toString(nanos);
      text.append('.').append("00000000", 0, digits - fraction.length()).append(fraction);
    }
    return text.append(time.getOffset().getId()).toString();
  }

  private static StringBuilder twoDigits(StringBuilder text, int value) {
    return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  private static final class Serializer extends ValueSerializer<OffsetDateTime> {
    @Override
    public void serialize(OffsetDateTime value, JsonGenerator json, SerializationContext context) {
      json.writeString(of(value));
    }
  }
}
