package cn.changsha.appeals.edge.security;

import java.util.Optional;

/** Where an appeal's receipt is looked up by tracking number, to check an enterprise's sign-in. */
public interface ReceiptDirectory {

  /** What the system keeps of a receipt: which appeal, and the hash of its secret. */
  record StoredReceipt(String appealId, String secretHash) {}

  /** Empty if there is no such appeal; throws if it cannot be read right now (a rebalance, a peer down). */
  Optional<StoredReceipt> find(String trackingNumber);
}
