package cn.changsha.appeals.query;

import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.streams.view.Times;
import java.time.OffsetDateTime;

/** One line of a department's queue: enough to pick an appeal, not its whole timeline. */
public record QueueEntry(
    String appealId, String trackingNumber, String status, String district, String category,
    String title, String enterpriseName, OffsetDateTime submittedAt, OffsetDateTime updatedAt) {

  static QueueEntry of(AppealState s) {
    return new QueueEntry(s.getAppealId(), s.getTrackingNumber(), s.getStatus().name(),
        s.getSubmission().getDistrict(), s.getSubmission().getCategory(), s.getSubmission().getTitle(),
        s.getSubmission().getEnterprise().getName(), Times.local(s.getSubmittedAt()), Times.local(s.getUpdatedAt()));
  }
}
