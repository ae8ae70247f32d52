package cn.changsha.appeals.kiosk;

/** The receipt the intake API answers with; a kiosk prints the tracking number. */
public record Receipt(
    String appealId, String trackingNumber, String status, boolean routed,
    String submittedAt, String departmentId, String track) {}
