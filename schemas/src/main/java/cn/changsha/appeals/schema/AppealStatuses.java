package cn.changsha.appeals.schema;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Groups of appeal statuses that several parts of the system must agree on. */
public final class AppealStatuses {

  /** Statuses in which a department still has work to do: the appeal sits in its queue and its clocks run. */
  public static final Set<AppealStatus> OPEN = Collections.unmodifiableSet(EnumSet.of(
      AppealStatus.SUBMITTED, AppealStatus.ROUTED, AppealStatus.ACKNOWLEDGED, AppealStatus.AWAITING_INFO, AppealStatus.REOPENED));

  private AppealStatuses() {}
}
