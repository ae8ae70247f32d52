package cn.changsha.appeals.edge.security;

import cn.changsha.appeals.edge.security.ReceiptDirectory.StoredReceipt;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * An enterprise signs in with HTTP Basic: the tracking number as user name, the secret printed on
 * its receipt as password. It becomes the owner of that one appeal and of nothing else.
 */
final class ReceiptAuthenticationProvider implements AuthenticationProvider {

  private static final Pattern TRACKING_NUMBER = Pattern.compile("CS[0-9A-HJKMNP-TV-Z]{10}");
  private static final BadCredentialsException REFUSED = new BadCredentialsException("Unknown tracking number or wrong receipt secret");

  private final ReceiptDirectory receipts;

  ReceiptAuthenticationProvider(ReceiptDirectory receipts) {
    this.receipts = receipts;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String trackingNumber = String.valueOf(authentication.getPrincipal()).strip().toUpperCase(Locale.ROOT);
    String secret = String.valueOf(authentication.getCredentials());
    if (!TRACKING_NUMBER.matcher(trackingNumber).matches()) {
      throw REFUSED;
    }
    StoredReceipt receipt;
    try {
      receipt = receipts.find(trackingNumber).orElseThrow(() -> REFUSED);
    } catch (BadCredentialsException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new AuthenticationServiceException("Appeals cannot be read right now", e);
    }
    if (!Secrets.same(receipt.secretHash(), ClusterSecret.receiptSecretHash(secret))) {
      throw REFUSED;
    }
    return new CallerAuthentication(new Caller(Role.ENTERPRISE, trackingNumber, null, receipt.appealId()));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
