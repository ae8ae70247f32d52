package cn.changsha.appeals.open311;

import cn.changsha.appeals.edge.security.Caller;
import cn.changsha.appeals.intake.AppealRequest;
import cn.changsha.appeals.streams.AppealIds;

/**
 * GeoReport v2 has no idempotency key, and a client that lost the answer posts the same form
 * again. The same appeal from the same channel's key is therefore taken for a retry: the key is
 * the digest of who files it and everything that makes the appeal (as {@code /api/appeals} tells a
 * retry from a reused key). A client that does send {@code Idempotency-Key} has it used instead.
 */
final class RetryKey {

  private RetryKey() {}

  static String of(Caller caller, AppealRequest request) {
    return "open311-" + AppealIds.fingerprint(caller.role() + ":" + caller.id() + "\u0001" + request.canonical());
  }
}
