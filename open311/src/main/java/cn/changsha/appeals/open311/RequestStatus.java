package cn.changsha.appeals.open311;

import cn.changsha.appeals.schema.AppealStatus;
import cn.changsha.appeals.schema.AppealStatuses;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The standard's two statuses over the appeal's eight. Open: a department still has work to do
 * (the statuses of {@link AppealStatuses#OPEN}: submitted, routed, acknowledged, awaiting
 * information, reopened). Closed: resolved (the standard's "it has been resolved", even while the
 * enterprise's rating is awaited), closed after the rating, or withdrawn. A reopened appeal is open again.
 */
enum RequestStatus {
  OPEN("open", AppealStatuses.OPEN),
  CLOSED("closed", EnumSet.complementOf(EnumSet.copyOf(AppealStatuses.OPEN)));

  private final String code;
  private final Set<AppealStatus> statuses;

  RequestStatus(String code, Set<AppealStatus> statuses) {
    this.code = code;
    this.statuses = Set.copyOf(statuses);
  }

  String code() {
    return code;
  }

  Set<AppealStatus> statuses() {
    return statuses;
  }

  static RequestStatus of(String appealStatus) {
    return OPEN.statuses.contains(AppealStatus.valueOf(appealStatus)) ? OPEN : CLOSED;
  }

  static Optional<RequestStatus> byCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }
}
