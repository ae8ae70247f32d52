package cn.changsha.appeals.app;

import cn.changsha.appeals.kiosk.AppealDraft;

/** Appeals from the seed article, as a kiosk would file them. */
final class Drafts {

  private Drafts() {}

  /** Yuelu: 艾科瑞 needed its environmental review handled (岳麓区 以"乙方思维"支持企业). */
  static AppealDraft aikerui(String title) {
    return new AppealDraft(
        new AppealDraft.Enterprise("湖南艾科瑞生物工程有限公司", "91350100M000100Y43", "李经理", "13800000000", null),
        "430104", "ENVIRONMENT", title, "新建分子生物学实验室需要办理环评手续,请指导所需材料和时限。", "KIOSK");
  }

  static AppealDraft in(String district, String category) {
    return new AppealDraft(
        new AppealDraft.Enterprise("湖南星城智能制造有限公司", "91350100M000100Y43", "王女士", "0731-88888888", "LY-GC-0416"),
        district, category, "企业诉求 " + category, "请相关部门协助解决企业经营中遇到的问题。", "WEB");
  }

  /** From an enterprise without a green card, so NORMAL unless {@code priority} is URGENT. */
  static AppealDraft withPriority(String district, String category, String title, String priority) {
    return new AppealDraft(
        new AppealDraft.Enterprise("长沙芙蓉电子科技有限公司", "91350100M000100Y43", "陈先生", "13700000000", null),
        district, category, title, "请相关部门协助解决企业经营中遇到的问题。", "WEB", priority);
  }
}
