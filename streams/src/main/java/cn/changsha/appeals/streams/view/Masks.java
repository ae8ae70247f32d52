package cn.changsha.appeals.streams.view;

/** Personal data shortened for readers who need to know that it exists, not what it is. */
public final class Masks {

  private Masks() {}

  /** 张三 → 张*, 欧阳娜娜 → 欧***: the first character stays, so a case can still be talked about. */
  public static String name(String name) {
    if (name == null || name.isEmpty()) {
      return name;
    }
    int first = name.offsetByCodePoints(0, 1);
    return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
  }

  /** 13812345678 → 138****5678, 0731-88888888 → 073******888; short numbers are hidden whole. */
  public static String phone(String phone) {
    if (phone == null) {
      return null;
    }
    if (phone.length() < 8) {
      return "*".repeat(phone.length());
    }
    int keepEnd = phone.length() >= 11 ? 4 : 3;
    return phone.substring(0, 3) + "*".repeat(phone.length() - 3 - keepEnd) + phone.substring(phone.length() - keepEnd);
  }
}
