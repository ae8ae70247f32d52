package cn.changsha.appeals.streams.config;

import cn.changsha.appeals.streams.calendar.BusinessCalendar;
import cn.changsha.appeals.streams.calendar.HolidaySchedule;
import cn.changsha.appeals.streams.calendar.WorkingPeriod;
import cn.changsha.appeals.streams.sla.SlaPlanner;
import cn.changsha.appeals.streams.stats.Statistics;
import cn.changsha.appeals.streams.view.Times;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The business calendar, from the holiday schedules shipped with the code and any in a configured directory. */
@Configuration(proxyBeanMethods = false)
public class CalendarConfiguration {

  private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

  @Bean
  BusinessCalendar businessCalendar(AppealsProperties appeals) throws IOException {
    Map<Integer, HolidaySchedule> schedules = new TreeMap<>();
    PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
    load(resources.getResources("classpath*:calendar/*.json"), schedules);
    String dir = appeals.calendar().scheduleDir();
    if (dir != null && !dir.isBlank()) {
      load(resources.getResources("file:" + dir + "/*.json"), schedules);
    }
    log.info("Holiday schedules loaded for {}", schedules.keySet());
    return new BusinessCalendar(Times.CHANGSHA, WorkingPeriod.parse(appeals.calendar().workingPeriods()), schedules);
  }

  @Bean
  SlaPlanner slaPlanner(BusinessCalendar calendar, AppealsProperties appeals) {
    return new SlaPlanner(calendar, appeals.sla().warningShare());
  }

  @Bean
  Statistics statistics(BusinessCalendar calendar, Clock clock) {
    return new Statistics(calendar, clock);
  }

  private static void load(Resource[] files, Map<Integer, HolidaySchedule> into) throws IOException {
    for (Resource file : files) {
      try (InputStream in = file.getInputStream()) {
        HolidaySchedule schedule = HolidaySchedule.read(in);
        into.put(schedule.year(), schedule);
      } catch (RuntimeException e) {
        throw new IllegalStateException("Cannot read holiday schedule " + file.getDescription() + ": " + e.getMessage(), e);
      }
    }
  }
}
