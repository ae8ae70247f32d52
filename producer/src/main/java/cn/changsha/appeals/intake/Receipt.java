package cn.changsha.appeals.intake;

import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.EventType;
import cn.changsha.appeals.schema.SlaState;
import cn.changsha.appeals.streams.view.Times;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * What a kiosk prints. Built only from facts fixed at submission (never from the appeal's current
 * status), so every retry with the same idempotency key gets the same receipt.
 *
 * @param status SUBMITTED: the appeal is on record under this tracking number
 * @param firstResponseDue when the department will have acknowledged the appeal at the latest
 * @param resolutionDue when it will have been resolved at the latest (both on the business calendar)
 * @param routed false if the topology had not answered within the wait; the appeal is on record
 *     all the same, and a retry or {@code GET /api/appeals?trackingNumber=} shows the rest
 * @param receiptSecret printed for the enterprise: with the tracking number it signs the
 *     enterprise in to track, rate, reopen or withdraw this appeal (HTTP Basic). Not kept anywhere.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Receipt(
    String appealId, String trackingNumber, String status, boolean routed,
    OffsetDateTime submittedAt, String departmentId, String priority,
    OffsetDateTime firstResponseDue, OffsetDateTime resolutionDue, String track, String receiptSecret) {

  public static Receipt of(AppealState state, String receiptSecret) {
    AppealEvent routed = state.getTimeline().stream()
        .filter(e -> e.getType() == EventType.ROUTED).findFirst().orElseThrow();
    SlaState promised = routed.getSla();
    return new Receipt(state.getAppealId(), state.getTrackingNumber(), "SUBMITTED", true,
        Times.local(state.getSubmittedAt()), routed.getDepartmentId(), state.getSubmission().getPriority().name(),
        promised == null ? null : Times.local(promised.getFirstResponse().getDueAt()),
        promised == null ? null : Times.local(promised.getResolution().getDueAt()),
        link(state.getAppealId()), receiptSecret);
  }

  public static Receipt pending(String appealId, String trackingNumber, String receiptSecret) {
    return new Receipt(appealId, trackingNumber, "SUBMITTED", false, null, null, null, null, null, link(appealId), receiptSecret);
  }

  private static String link(String appealId) {
    return "/api/appeals/" + appealId;
  }
}
