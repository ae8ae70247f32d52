package cn.changsha.appeals.streams.lifecycle;

import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.AppealStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * How one event changes an appeal. A pure fold: replaying an appeal's events from the log through
 * {@link #apply} rebuilds exactly the state the topology stored.
 */
public final class AppealEvolution {

  private AppealEvolution() {}

  public static AppealState replay(List<AppealEvent> events) {
    AppealState state = null;
    for (AppealEvent event : events) {
      state = apply(state, event);
    }
    return state;
  }

  public static AppealState apply(AppealState state, AppealEvent event) {
    AppealState.Builder next = state == null ? start(event) : AppealState.newBuilder(state);
    switch (event.getType()) {
      case SUBMITTED -> next.setStatus(AppealStatus.SUBMITTED);
      case ROUTED -> next.setStatus(AppealStatus.ROUTED)
          .setDepartmentId(event.getDepartmentId())
          .setRoutingRuleId(event.getRoutingRuleId());
      case ACKNOWLEDGED -> next.setStatus(AppealStatus.ACKNOWLEDGED);
      case INFO_REQUESTED -> next.setStatusBeforeInfoRequest(state.getStatus())
          .setStatus(AppealStatus.AWAITING_INFO);
      case INFO_PROVIDED -> next.setStatus(state.getStatusBeforeInfoRequest())
          .setStatusBeforeInfoRequest(null);
      case TRANSFERRED -> next.setStatus(AppealStatus.ROUTED)
          .setDepartmentId(event.getDepartmentId())
          .setRoutingRuleId(null);
      case RESOLVED -> next.setStatus(AppealStatus.RESOLVED).setResolution(event.getResolution());
      case EVALUATED -> next.setRating(event.getRating());
      case REOPENED -> next.setStatus(AppealStatus.REOPENED);
      case CLOSED -> next.setStatus(AppealStatus.CLOSED);
      case WITHDRAWN -> next.setStatus(AppealStatus.WITHDRAWN);
      case SLA_WARNING, SLA_BREACHED, ESCALATED -> { }
      default -> throw new IllegalArgumentException("Unknown event type " + event.getType());
    }
    if (event.getSla() != null) {
      next.setSla(event.getSla());
    }
    List<AppealEvent> timeline = new ArrayList<>(next.getTimeline());
    timeline.add(event);
    return next.setTimeline(timeline).setVersion(event.getSequence()).setUpdatedAt(event.getAt()).build();
  }

  private static AppealState.Builder start(AppealEvent submitted) {
    if (submitted.getSubmission() == null || submitted.getTrackingNumber() == null) {
      throw new IllegalArgumentException("An appeal's first event must carry the submission: " + submitted.getEventId());
    }
    return AppealState.newBuilder()
        .setAppealId(submitted.getAppealId())
        .setTrackingNumber(submitted.getTrackingNumber())
        .setRequestFingerprint(submitted.getRequestFingerprint())
        .setSubmission(submitted.getSubmission())
        .setSubmittedAt(submitted.getAt())
        .setUpdatedAt(submitted.getAt())
        .setStatus(AppealStatus.SUBMITTED)
        .setVersion(0L)
        .setTimeline(new ArrayList<>());
  }
}
