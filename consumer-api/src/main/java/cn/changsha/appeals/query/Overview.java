package cn.changsha.appeals.query;

import cn.changsha.appeals.streams.stats.OpenAppeals;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's tiles and its ageing chart: the open appeals by how their running clock stands
 * (the same clock a department's queue shows), how long they have been open, and the on-time
 * shares of every clock decided so far. The counts are defined in {@link OpenAppeals}.
 *
 * @param onTimePct of every SLA clock decided so far (first responses and resolutions, stopped or breached), the share on time
 * @param ageing open appeals by time since submission, calendar time: under 4 hours, 4 hours to 1 day, 1-3 days, 3-7 days, more
 */
public record Overview(
    OffsetDateTime asOf, int open, int toAcknowledge, int dueToday, int aboutToBreach, int breached,
    Double onTimePct, List<AgeBucket> ageing) {

  public record AgeBucket(String bucket, int count) {}

  static Overview of(OffsetDateTime asOf, OpenAppeals open, Double onTimePct) {
    List<AgeBucket> ageing = new ArrayList<>();
    for (int i = 0; i < OpenAppeals.AGE_BUCKETS.size(); i++) {
      ageing.add(new AgeBucket(OpenAppeals.AGE_BUCKETS.get(i), open.ageing().get(i)));
    }
    return new Overview(asOf, open.open(), open.toAcknowledge(), open.dueToday(), open.aboutToBreach(), open.breached(),
        onTimePct, ageing);
  }
}
