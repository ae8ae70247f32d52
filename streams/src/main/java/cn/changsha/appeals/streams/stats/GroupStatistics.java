package cn.changsha.appeals.streams.stats;

import cn.changsha.appeals.schema.AppealStatuses;
import cn.changsha.appeals.streams.stats.AppealFacts.SlaCounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * The figures of one department or district. Percentages and rates are in percent, rounded to one
 * decimal; null where nothing has been decided yet. Working times are in minutes, nearest-rank
 * percentiles (the median of an even count is the lower middle value); kept in histograms, they are
 * exact below 2,048 minutes and at most 1/1024 too high above (see {@link MinuteHistograms}).
 *
 * @param firstResponseOnTimePct of the first-response clocks decided (stopped, or breached), the share on time
 * @param responseRate 响应率: appeals acknowledged, of those received
 * @param resolutionRate 解决率: appeals resolved or closed, of those received
 * @param satisfactionRate 满意率: ratings of 3 or more, of the ratings given
 * @param heldWorkingMinutes working time appeals spent with this group while open, pauses excluded
 */
public record GroupStatistics(
    String group, int received, int open, int resolved,
    Double firstResponseOnTimePct, Double resolutionOnTimePct,
    Long firstResponseMedianMinutes, Long firstResponseP90Minutes,
    Long resolutionMedianMinutes, Long resolutionP90Minutes,
    int warnings, int breaches, int escalations, Double averageRating,
    Double responseRate, Double resolutionRate, Double satisfactionRate, long heldWorkingMinutes) {

  static GroupStatistics of(String group, Collection<AppealFacts> appeals, SlaCounts sla, Duration held) {
    int received = appeals.size();
    int open = (int) appeals.stream().filter(f -> AppealStatuses.OPEN.contains(f.status())).count();
    int resolved = (int) appeals.stream().filter(AppealFacts::resolved).count();
    int responded = (int) appeals.stream().filter(AppealFacts::responded).count();
    List<Integer> ratings = appeals.stream().map(AppealFacts::rating).filter(Objects::nonNull).toList();
    return new GroupStatistics(group, received, open, resolved,
        onTimePct(appeals.stream().map(AppealFacts::firstResponseOnTime).toList()),
        onTimePct(appeals.stream().map(AppealFacts::resolutionOnTime).toList()),
        percentile(appeals.stream().map(AppealFacts::firstResponseWorkingTime).toList(), 50),
        percentile(appeals.stream().map(AppealFacts::firstResponseWorkingTime).toList(), 90),
        percentile(appeals.stream().map(AppealFacts::resolutionWorkingTime).toList(), 50),
        percentile(appeals.stream().map(AppealFacts::resolutionWorkingTime).toList(), 90),
        sla.warnings(), sla.breaches(), sla.escalations(),
        ratings.isEmpty() ? null : round(ratings.stream().mapToInt(Integer::intValue).average().orElseThrow()),
        pct(responded, received), pct(resolved, received),
        pct((int) ratings.stream().filter(r -> r >= 3).count(), ratings.size()), held.toMinutes());
  }

  /** The same figures from the kept tallies and histograms of one group; {@code heldMillis} includes the stretches still running. */
  static GroupStatistics of(String group, Map<String, Long> t, Histogram firstResponse, Histogram resolution, long heldMillis) {
    int received = count(t, FigureKeys.RECEIVED);
    int ratings = count(t, FigureKeys.RATINGS);
    return new GroupStatistics(group, received, count(t, FigureKeys.OPEN), count(t, FigureKeys.RESOLVED),
        onTimePct(t, FigureKeys.FIRST_RESPONSE), onTimePct(t, FigureKeys.RESOLUTION),
        MinuteHistograms.percentile(firstResponse, 50), MinuteHistograms.percentile(firstResponse, 90),
        MinuteHistograms.percentile(resolution, 50), MinuteHistograms.percentile(resolution, 90),
        count(t, FigureKeys.WARNINGS), count(t, FigureKeys.BREACHES), count(t, FigureKeys.ESCALATIONS),
        ratings == 0 ? null : round((double) t.get(FigureKeys.RATING_SUM) / ratings),
        pct(count(t, FigureKeys.RESPONDED), received), pct(count(t, FigureKeys.RESOLVED), received),
        pct(count(t, FigureKeys.SATISFIED), ratings), Duration.ofMillis(heldMillis).toMinutes());
  }

  static int count(Map<String, Long> tallies, String measure) {
    return Math.toIntExact(tallies.getOrDefault(measure, 0L));
  }

  private static Double onTimePct(Map<String, Long> tallies, String clock) {
    int onTime = count(tallies, clock + FigureKeys.ON_TIME);
    return pct(onTime, onTime + count(tallies, clock + FigureKeys.LATE));
  }

  static Double onTimePct(List<Boolean> decided) {
    List<Boolean> known = decided.stream().filter(Objects::nonNull).toList();
    return pct((int) known.stream().filter(Boolean::booleanValue).count(), known.size());
  }

  /** Nearest-rank percentile of the durations present, in whole minutes. */
  static Long percentile(List<Duration> durations, int p) {
    List<Long> minutes = new ArrayList<>(durations.stream().filter(Objects::nonNull).map(Duration::toMinutes).sorted().toList());
    if (minutes.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(p / 100.0 * minutes.size());
    return minutes.get(Math.max(rank, 1) - 1);
  }

  static Double pct(int part, int whole) {
    return whole == 0 ? null : round(100.0 * part / whole);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
