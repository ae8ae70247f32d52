package cn.changsha.appeals.query;

import cn.changsha.appeals.edge.security.ReceiptDirectory;
import cn.changsha.appeals.streams.AppealIds;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** An appeal's receipt secret hash, read from the instance that holds the appeal. */
@Component
class AppealReceipts implements ReceiptDirectory {

  private final AppealQueries appeals;

  AppealReceipts(AppealQueries appeals) {
    this.appeals = appeals;
  }

  @Override
  public Optional<StoredReceipt> find(String trackingNumber) {
    String appealId = AppealIds.appealIdFor(trackingNumber);
    return appeals.receiptSecretHash(appealId).map(hash -> new StoredReceipt(appealId, hash));
  }
}
