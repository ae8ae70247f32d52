package cn.changsha.appeals.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TimeTextTest {

  private static final List<ZoneOffset> OFFSETS = List.of(ZoneOffset.ofHours(8), ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(-3, -30),
      ZoneOffset.ofHoursMinutesSeconds(5, 30, 15), ZoneOffset.ofHours(-12), ZoneOffset.ofHours(14));

  @Test
  void isTheTextOfTheJdksFormatterForAnyTime() {
    SplittableRandom random = new SplittableRandom(20261128);
    for (int i = 0; i < 200_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong(-70_000_000_000L, 300_000_000_000L), random.nextInt(1_000_000_000));
      // Whole seconds and milliseconds are what the stores hold: draw them often.
      instant = switch (i % 4) {
        case 0 -> instant.truncatedTo(ChronoUnit.SECONDS);
        case 1 -> instant.truncatedTo(ChronoUnit.MILLIS);
        default -> instant;
      };
      OffsetDateTime time = instant.atOffset(OFFSETS.get(i % OFFSETS.size()));
      assertThat(TimeText.of(time)).as("%s", time).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
    }
  }

  @Test
  void edgesOfTheFraction() {
    for (String text : List.of("2026-11-27T09:10:00+08:00", "2026-11-27T09:10:00.5+08:00", "2026-11-27T09:10:00.12+08:00",
        "2026-11-27T23:59:59.999999999Z", "2026-01-01T00:00:00.000000001-03:30", "0999-12-31T23:59:59.1+08:00",
        "+10000-01-01T00:00Z")) {
      OffsetDateTime time = OffsetDateTime.parse(text);
      assertThat(TimeText.of(time)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
    }
  }

  @Test
  void answersCarryTheSameTextAsJacksonsOwnSerializer() {
    OffsetDateTime time = OffsetDateTime.parse("2026-11-27T09:10:00.12+08:00");
    JsonMapper.Builder withTimeText = JsonMapper.builder();
    new TimeText().isoTimesWithoutFormatter().customize(withTimeText);
    Map<String, OffsetDateTime> body = Map.of("at", time);
    JsonMapper mapper = withTimeText.build();
    assertThat(mapper.registeredModules()).anyMatch(module -> module.getRegistrationId().equals("iso-times"));
    assertThat(mapper.writeValueAsString(body)).isEqualTo(JsonMapper.builder().build().writeValueAsString(body))
        .isEqualTo("{\"at\":\"2026-11-27T09:10:00.12+08:00\"}");
  }
}
