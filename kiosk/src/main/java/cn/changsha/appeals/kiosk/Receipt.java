package cn.changsha.appeals.kiosk;

/** The receipt the intake API answers with; a kiosk prints the tracking number and the promised times. */
public record Receipt(
    String appealId, String trackingNumber, String status, boolean routed,
    String submittedAt, String departmentId, String priority,
    String firstResponseDue, String resolutionDue, String track, String receiptSecret) {

  /** What the enterprise signs in with to follow this appeal. */
  public Credential enterpriseCredential() {
    return Credential.receipt(trackingNumber, receiptSecret);
  }
}
