package cn.changsha.appeals.streams;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Tracking numbers and appeal ids. The tracking number is what an enterprise writes down, so it is
 * short and unambiguous (Crockford base32: no I, L, O or U); the appeal id is derived from it, so
 * either finds the appeal without an index. With an idempotency key the tracking number is derived
 * from the key: a retry, on any instance and after any restart, names the same appeal.
 */
public final class AppealIds {

  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final Pattern TRACKING_NUMBER = Pattern.compile("CS[0-9A-HJKMNP-TV-Z]{10}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private AppealIds() {}

  public static String trackingNumberFor(String idempotencyKey) {
    byte[] seed = new byte[8];
    if (idempotencyKey == null) {
      RANDOM.nextBytes(seed);
    } else {
      System.arraycopy(sha256("idempotency-key:" + idempotencyKey), 0, seed, 0, 8);
    }
    long bits = 0;
    for (byte b : seed) {
      bits = (bits << 8) | (b & 0xff);
    }
    StringBuilder number = new StringBuilder("CS");
    for (int i = 0; i < 10; i++) {
      number.append(ALPHABET[(int) (bits & 31)]);
      bits >>>= 5;
    }
    return number.toString();
  }

  public static String appealIdFor(String trackingNumber) {
    return UUID.nameUUIDFromBytes(("appeal:" + trackingNumber).getBytes(StandardCharsets.UTF_8)).toString();
  }

  public static boolean isTrackingNumber(String value) {
    return value != null && TRACKING_NUMBER.matcher(value).matches();
  }

  public static String fingerprint(String canonicalRequest) {
    StringBuilder hex = new StringBuilder();
    for (byte b : sha256(canonicalRequest)) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
