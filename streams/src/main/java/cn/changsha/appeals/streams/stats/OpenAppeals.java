package cn.changsha.appeals.streams.stats;

import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.AppealStatus;
import cn.changsha.appeals.schema.AppealStatuses;
import cn.changsha.appeals.streams.sla.RunningClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The open appeals as the dashboard's tiles count them, by how their running clock stands
 * (see {@link RunningClock}) and by age.
 *
 * @param toAcknowledge open appeals no department has acknowledged yet (routed, or reopened)
 * @param dueToday open appeals whose running clock falls due today (business date), not breached, not paused
 * @param aboutToBreach open appeals whose running clock has warned the department head and is not breached
 * @param breached open appeals whose running clock is breached (a paused appeal counts once it resumes)
 * @param ageing open appeals by calendar time since submission, in the order of {@link #AGE_BUCKETS}
 */
public record OpenAppeals(int open, int toAcknowledge, int dueToday, int aboutToBreach, int breached, List<Integer> ageing) {

  /** Under 4 hours, 4 hours to 1 day, 1 to 3 days, 3 to 7 days, more. */
  public static final List<String> AGE_BUCKETS = List.of("H4", "D1", "D3", "D7", "MORE");
  private static final List<Duration> LIMITS = List.of(Duration.ofHours(4), Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7));

  /**
   * From the kept figures of {@link Figures.View#overview}. Ages are counted from the start of the
   * ten-minute step an appeal was submitted in, so one submitted at 09:07 is four hours old at 13:00.
   */
  public static OpenAppeals of(Figures figures, Instant now, ZoneId zone) {
    int open = count(figures, FigureKeys.OPEN);
    int[] ageing = new int[AGE_BUCKETS.size()];
    int lastWeek = 0;
    for (Map.Entry<String, Long> e : figures.tallies().entrySet()) {
      if (FigureKeys.isAgeStep(e.getKey())) {
        int bucket = bucket(Duration.between(FigureKeys.ageStepStart(e.getKey()), now));
        if (bucket < LIMITS.size()) {
          ageing[bucket] += Math.toIntExact(e.getValue());
          lastWeek += Math.toIntExact(e.getValue());
        }
      }
    }
    ageing[LIMITS.size()] = open - lastWeek;
    return new OpenAppeals(open, count(figures, FigureKeys.TO_ACKNOWLEDGE),
        Math.toIntExact(figures.tally(FigureKeys.due(now.atZone(zone).toLocalDate()))),
        count(figures, FigureKeys.ABOUT_TO_BREACH), count(figures, FigureKeys.BREACHED), Arrays.stream(ageing).boxed().toList());
  }

  /** The same, computed from appeal states: the definitions the kept figures are tested against. */
  public static OpenAppeals of(List<AppealState> states, Instant now, ZoneId zone) {
    int open = 0;
    int toAcknowledge = 0;
    int dueToday = 0;
    int warned = 0;
    int breached = 0;
    int[] ageing = new int[AGE_BUCKETS.size()];
    for (AppealState s : states) {
      if (!AppealStatuses.OPEN.contains(s.getStatus())) {
        continue;
      }
      open++;
      if (s.getStatus() == AppealStatus.ROUTED || s.getStatus() == AppealStatus.REOPENED) {
        toAcknowledge++;
      }
      RunningClock running = RunningClock.of(s);
      if (running != null && running.breached()) {
        breached++;
      } else if (running != null && !running.paused()) {
        warned += running.warned() ? 1 : 0;
        dueToday += running.clock().getDueAt().atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate()) ? 1 : 0;
      }
      ageing[bucket(Duration.between(s.getSubmittedAt(), now))]++;
    }
    return new OpenAppeals(open, toAcknowledge, dueToday, warned, breached, Arrays.stream(ageing).boxed().toList());
  }

  private static int count(Figures figures, String measure) {
    return Math.toIntExact(figures.tally(FigureKeys.measure(FigureKeys.OVERVIEW, measure)));
  }

  private static int bucket(Duration age) {
    int bucket = 0;
    while (bucket < LIMITS.size() && age.compareTo(LIMITS.get(bucket)) >= 0) {
      bucket++;
    }
    return bucket;
  }
}
