package cn.changsha.appeals.open311;

import cn.changsha.appeals.streams.view.AppealView;
import cn.changsha.appeals.streams.view.EventView;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code status_notes}: what the latest step of the appeal's work chain was. Everyone reads a
 * fixed phrase for it; a reader who may read the appeal whole also reads what was written with it
 * (the resolution, the question asked, the reason given), which can name people and firms. SLA
 * warnings and escalations are not steps of the work and not public: they are skipped.
 */
final class StatusNotes {

  private static final Set<String> NOT_STEPS = Set.of("SLA_WARNING", "SLA_BREACHED", "ESCALATED");

  private static final Map<String, String> PHRASES = Map.ofEntries(
      Map.entry("SUBMITTED", "已受理 / Received"),
      Map.entry("ROUTED", "已交办承办部门 / Assigned to the responsible department"),
      Map.entry("ACKNOWLEDGED", "承办部门已签收,正在办理 / Acknowledged by the department, in progress"),
      Map.entry("INFO_REQUESTED", "待企业补充材料 / Waiting for information from the enterprise"),
      Map.entry("INFO_PROVIDED", "企业已补充材料,正在办理 / Information provided, in progress"),
      Map.entry("TRANSFERRED", "已转交其他部门办理 / Transferred to another department"),
      Map.entry("RESOLVED", "已办结,待企业评价 / Resolved, awaiting the enterprise's rating"),
      Map.entry("EVALUATED", "企业已评价 / Rated by the enterprise"),
      Map.entry("REOPENED", "已重新办理 / Reopened"),
      Map.entry("CLOSED", "已办结,企业已评价 / Closed after the enterprise's rating"),
      Map.entry("WITHDRAWN", "企业已撤回 / Withdrawn by the enterprise"));

  private StatusNotes() {}

  static String of(AppealView appeal, boolean whole) {
    List<EventView> timeline = appeal.timeline();
    for (int i = timeline.size() - 1; i >= 0; i--) {
      EventView step = timeline.get(i);
      if (NOT_STEPS.contains(step.type())) {
        continue;
      }
      String phrase = PHRASES.getOrDefault(step.type(), step.type());
      String written = whole ? written(step, appeal) : null;
      return written == null || written.isBlank() ? phrase : phrase + ":" + written;
    }
    return null;
  }

  private static String written(EventView step, AppealView appeal) {
    return switch (step.type()) {
      case "INFO_REQUESTED" -> step.question();
      case "INFO_PROVIDED" -> step.information();
      case "TRANSFERRED", "REOPENED", "WITHDRAWN" -> step.reason();
      case "RESOLVED" -> step.resolution();
      case "EVALUATED" -> step.comment();
      case "CLOSED" -> appeal.resolution();
      default -> null;
    };
  }
}
