package cn.changsha.appeals.streams.view;

import cn.changsha.appeals.schema.SlaPolicy;
import cn.changsha.appeals.schema.SlaTarget;

public record SlaPolicyView(String policyId, String priority, String category, TargetView firstResponse, TargetView resolution) {

  /** @param kind WORKING_HOURS or WORKING_DAYS */
  public record TargetView(String kind, int amount) {
    static TargetView of(SlaTarget t) {
      return new TargetView(t.getKind().name(), t.getAmount());
    }
  }

  public static SlaPolicyView of(SlaPolicy p) {
    return new SlaPolicyView(p.getPolicyId(), p.getPriority().name(), p.getCategory(),
        TargetView.of(p.getFirstResponse()), TargetView.of(p.getResolution()));
  }
}
