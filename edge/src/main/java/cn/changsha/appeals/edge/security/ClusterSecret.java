package cn.changsha.appeals.edge.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one secret the instances of a deployment share. Everything else is derived from it with
 * HMAC-SHA256 under a purpose label, so no two uses can be confused: the token peers present,
 * and the receipt secret of each tracking number (the same on every instance, so a retried
 * submission prints the same receipt wherever it lands).
 */
@Component
public class ClusterSecret {

  private static final Logger log = LoggerFactory.getLogger(ClusterSecret.class);
  private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  public ClusterSecret(SecurityProperties properties, @Value("${appeals.data-dir:data}") Path dataDir) {
    String secret = properties.clusterSecret();
    if (secret == null || secret.isBlank()) {
      secret = readOrCreate(dataDir.resolve("secrets").resolve("cluster-secret"));
    } else if (secret.length() < 32) {
      throw new IllegalStateException("appeals.security.cluster-secret must be at least 32 characters");
    }
    this.key = new SecretKeySpec(secret.strip().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** What an instance sends to prove to another that it is a peer. */
  public String peerToken() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac("peer"));
  }

  /**
   * The secret printed on an appeal's receipt: 16 characters (80 bits) in four groups, from an
   * alphabet without I, L, O or U so it is read back without mistakes.
   */
  public String receiptSecret(String trackingNumber) {
    byte[] bits = mac("receipt-secret\u0000" + trackingNumber);
    StringBuilder secret = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        secret.append('-');
      }
      secret.append(CROCKFORD[bits[i] & 31]);
    }
    return secret.toString();
  }

  /** What is kept of a receipt secret: the hash of its canonical form (case, dashes and spaces do not matter). */
  public static String receiptSecretHash(String secret) {
    return Secrets.sha256Hex(secret.replaceAll("[\\s-]", "").toUpperCase());
  }

  /**
   * Encrypts a secret the system must use again later (a department's webhook signing secret)
   * with AES-GCM under a key derived for that purpose, so what is stored on a topic is useless
   * without the cluster secret. Base64 of nonce and ciphertext.
   */
  public String seal(String plain) {
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, sealingKey(), new GCMParameterSpec(128, nonce));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[nonce.length + sealed.length];
      System.arraycopy(nonce, 0, out, 0, nonce.length);
      System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JRE", e);
    }
  }

  /** The secret {@link #seal} sealed; throws if it was sealed under another cluster secret or altered. */
  public String unseal(String sealed) {
    try {
      byte[] in = Base64.getDecoder().decode(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, sealingKey(), new GCMParameterSpec(128, in, 0, 12));
      return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("A sealed secret could not be opened: sealed under another cluster secret, or altered", e);
    }
  }

  private SecretKeySpec sealingKey() {
    return new SecretKeySpec(Arrays.copyOf(mac("sealing-key"), 16), "AES");
  }

  private byte[] mac(String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  }

  private static String readOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        try {
          OwnerOnlyFiles.write(file, Secrets.random(32) + "\n");
          log.info("Generated the cluster secret in {} (readable by this user only); give other instances the same "
              + "value in APPEALS_SECURITY_CLUSTER_SECRET", file.toAbsolutePath());
        } catch (FileAlreadyExistsException raced) {
          // Another start got there first; use its secret.
        }
      }
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the cluster secret " + file.toAbsolutePath(), e);
    }
  }
}
