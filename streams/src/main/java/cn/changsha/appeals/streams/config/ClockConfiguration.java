package cn.changsha.appeals.streams.config;

import cn.changsha.appeals.streams.view.Times;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the system: real time, or with {@code appeals.clock.start} a simulated one for demonstrations. */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

  @Bean
  @ConditionalOnMissingBean
  Clock clock(AppealsProperties appeals) {
    AppealsProperties.SimulatedTime simulated = appeals.clock();
    if (simulated.start() == null) {
      return Clock.systemUTC();
    }
    Instant origin = realOrigin(appeals.dataDir().resolve("simulated-clock"), simulated.start(), simulated.speed());
    SimulatedClock clock = new SimulatedClock(simulated.start().toInstant(), origin, simulated.speed(), Clock.systemUTC());
    log.warn("Simulated business clock: started at {}, {}x real time; it is now {} (delete {} to start over)",
        simulated.start(), simulated.speed(), Times.local(clock.instant()), appeals.dataDir().resolve("simulated-clock").toAbsolutePath());
    return clock;
  }

  /** The real instant this start and speed began at, remembered so that restarts go on from there. */
  private static Instant realOrigin(Path file, OffsetDateTime start, double speed) {
    String settings = start.toInstant() + " " + speed;
    try {
      if (Files.exists(file)) {
        List<String> lines = Files.readAllLines(file);
        if (lines.size() == 2 && lines.get(0).equals(settings)) {
          return Instant.parse(lines.get(1));
        }
      }
      Instant now = Instant.now();
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, settings + "\n" + now + "\n");
      return now;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the simulated clock's origin in " + file.toAbsolutePath(), e);
    }
  }
}
