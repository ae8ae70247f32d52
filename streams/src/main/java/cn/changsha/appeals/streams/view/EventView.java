package cn.changsha.appeals.streams.view;

import cn.changsha.appeals.schema.AppealEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/** One step of an appeal's timeline as the API and the department topics show it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventView(
    long sequence, String eventId, String type, OffsetDateTime at, ActorView actor,
    String departmentId, String fromDepartmentId, String routingRuleId,
    String reason, String question, String information, String resolution,
    Integer rating, String comment, String slaClock, String escalatedTo) {

  public record ActorView(String role, String id) {}

  public static EventView from(AppealEvent e) {
    return new EventView(e.getSequence(), e.getEventId(), e.getType().name(), Times.local(e.getAt()),
        new ActorView(e.getActor().getRole().name(), e.getActor().getId()),
        e.getDepartmentId(), e.getFromDepartmentId(), e.getRoutingRuleId(),
        e.getReason(), e.getQuestion(), e.getInformation(), e.getResolution(),
        e.getRating(), e.getComment(), e.getSlaClock() == null ? null : e.getSlaClock().name(), e.getEscalatedTo());
  }
}
