package cn.changsha.appeals.benchmark;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** Durations as people write them on a command line (30s, 2m, 500ms, 1h) and as the report prints them. */
final class Durations implements CommandLine.ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    if (text.startsWith("p")) {
      return Duration.parse(text.toUpperCase(Locale.ROOT));
    }
    if (text.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
    }
    long amount = Long.parseLong(text.substring(0, text.length() - 1));
    return switch (text.charAt(text.length() - 1)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      default -> throw new CommandLine.TypeConversionException("not a duration (e.g. 30s, 2m, 500ms): " + value);
    };
  }

  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 120_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    return String.format(Locale.ROOT, "%d min %02d s", millis / 60_000, (millis / 1000) % 60);
  }

  static String seconds(double seconds) {
    return format(Duration.ofMillis(Math.round(seconds * 1000)));
  }
}
