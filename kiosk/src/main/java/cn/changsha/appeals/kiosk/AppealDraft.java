package cn.changsha.appeals.kiosk;

/** An appeal as a kiosk fills it in; serialized as the body of {@code POST /api/appeals}. */
public record AppealDraft(
    Enterprise enterprise, String district, String category, String title, String description, String channel,
    String priority) {

  public AppealDraft(Enterprise enterprise, String district, String category, String title, String description, String channel) {
    this(enterprise, district, category, title, description, channel, null);
  }

  public record Enterprise(String name, String creditCode, String contactName, String contactPhone, String greenCard) {}
}
