package cn.changsha.appeals.query;

import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.AppealStatus;
import cn.changsha.appeals.schema.AppealStatuses;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The dashboard's tiles and its ageing chart: the open appeals by how their running clock stands
 * (the same urgency a department's queue shows), how long they have been open, and the on-time
 * shares of every clock decided so far.
 *
 * @param toAcknowledge open appeals no department has acknowledged yet (routed, or reopened)
 * @param dueToday open appeals whose running clock falls due later today (business date in Changsha), not yet breached
 * @param aboutToBreach open appeals whose running clock has warned and is not yet breached
 * @param breached open appeals whose running clock is breached (a paused appeal counts once it resumes)
 * @param onTimePct of every SLA clock decided so far (first responses and resolutions, stopped or breached), the share on time
 * @param ageing open appeals by time since submission, calendar time: under 4 hours, 4 hours to 1 day, 1-3 days, 3-7 days, more
 */
public record Overview(
    OffsetDateTime asOf, int open, int toAcknowledge, int dueToday, int aboutToBreach, int breached,
    Double onTimePct, List<AgeBucket> ageing) {

  public record AgeBucket(String bucket, int count) {}

  private static final List<String> BUCKETS = List.of("H4", "D1", "D3", "D7", "MORE");
  private static final List<Duration> LIMITS = List.of(Duration.ofHours(4), Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7));

  /** One instance's share of the open appeals; the shares of all instances add up. */
  public record Counts(int open, int toAcknowledge, int dueToday, int aboutToBreach, int breached, List<Integer> ageing) {

    static final Counts NONE = new Counts(0, 0, 0, 0, 0, List.of(0, 0, 0, 0, 0));

    Counts plus(Counts o) {
      List<Integer> sum = new ArrayList<>();
      for (int i = 0; i < BUCKETS.size(); i++) {
        sum.add(ageing.get(i) + o.ageing.get(i));
      }
      return new Counts(open + o.open, toAcknowledge + o.toAcknowledge, dueToday + o.dueToday, aboutToBreach + o.aboutToBreach, breached + o.breached, sum);
    }

    static Counts of(List<AppealState> states, Instant now, ZoneId zone) {
      int open = 0;
      int toAcknowledge = 0;
      int dueToday = 0;
      int warned = 0;
      int breached = 0;
      int[] ageing = new int[BUCKETS.size()];
      for (AppealState s : states) {
        if (!AppealStatuses.OPEN.contains(s.getStatus())) {
          continue;
        }
        open++;
        if (s.getStatus() == AppealStatus.ROUTED || s.getStatus() == AppealStatus.REOPENED) {
          toAcknowledge++;
        }
        QueueEntry entry = QueueEntry.of(s, now);
        switch (entry.urgency()) {
          case BREACHED -> breached++;
          case WARNING -> warned++;
          default -> { }
        }
        if (entry.nextDueAt() != null && entry.urgency() != QueueEntry.Urgency.BREACHED
            && entry.nextDueAt().atZoneSameInstant(zone).toLocalDate().equals(now.atZone(zone).toLocalDate())) {
          dueToday++;
        }
        Duration age = Duration.between(s.getSubmittedAt(), now);
        int bucket = 0;
        while (bucket < LIMITS.size() && age.compareTo(LIMITS.get(bucket)) >= 0) {
          bucket++;
        }
        ageing[bucket]++;
      }
      return new Counts(open, toAcknowledge, dueToday, warned, breached, Arrays.stream(ageing).boxed().toList());
    }
  }

  static Overview of(OffsetDateTime asOf, Counts counts, Double onTimePct) {
    List<AgeBucket> ageing = new ArrayList<>();
    for (int i = 0; i < BUCKETS.size(); i++) {
      ageing.add(new AgeBucket(BUCKETS.get(i), counts.ageing().get(i)));
    }
    return new Overview(asOf, counts.open(), counts.toAcknowledge(), counts.dueToday(), counts.aboutToBreach(), counts.breached(),
        onTimePct, ageing);
  }
}
