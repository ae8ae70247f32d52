package cn.changsha.appeals.streams.view;

import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.AppealSubmission;
import cn.changsha.appeals.schema.Enterprise;
import java.time.OffsetDateTime;
import java.util.List;

/** An appeal's current state with its full timeline, as JSON for people and other systems. */
public record AppealView(
    String appealId, String trackingNumber, String status, String departmentId, String routingRuleId,
    EnterpriseView enterprise, String district, String category, String title, String description,
    String channel, String priority, OffsetDateTime submittedAt, OffsetDateTime updatedAt, String resolution,
    Integer rating, SlaView sla, long version, List<EventView> timeline) {

  public record EnterpriseView(
      String name, String creditCode, String contactName, String contactPhone, String greenCard) {

    /** The contact person as monitors see them: surname and the phone's first and last digits only. */
    EnterpriseView masked() {
      return new EnterpriseView(name, creditCode, Masks.name(contactName), Masks.phone(contactPhone), greenCard);
    }
  }

  /** This appeal as a monitor sees it: everything but the enterprise contact's full name and phone. */
  public AppealView masked() {
    return new AppealView(appealId, trackingNumber, status, departmentId, routingRuleId, enterprise.masked(), district,
        category, title, description, channel, priority, submittedAt, updatedAt, resolution, rating, sla, version, timeline);
  }

  public static AppealView from(AppealState s) {
    AppealSubmission sub = s.getSubmission();
    Enterprise e = sub.getEnterprise();
    return new AppealView(s.getAppealId(), s.getTrackingNumber(), s.getStatus().name(),
        s.getDepartmentId(), s.getRoutingRuleId(),
        new EnterpriseView(e.getName(), e.getCreditCode(), e.getContactName(), e.getContactPhone(), e.getGreenCard()),
        sub.getDistrict(), sub.getCategory(), sub.getTitle(), sub.getDescription(), sub.getChannel().name(),
        sub.getPriority().name(), Times.local(s.getSubmittedAt()), Times.local(s.getUpdatedAt()), s.getResolution(),
        s.getRating(), SlaView.of(s.getSla()), s.getVersion(), s.getTimeline().stream().map(EventView::from).toList());
  }
}
