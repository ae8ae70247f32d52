package cn.changsha.appeals.kiosk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

/**
 * A seeded, repeatable stream of realistic appeals: the nine districts of Changsha, the categories
 * the seed article reports (Tianxin's mediations were mostly compensation, parking and urban
 * management), a pool of enterprises with valid credit codes, about one in ten holding an
 * entrepreneur green card (Liuyang issued 416). The same seed gives the same appeals.
 */
public final class AppealSimulator {

  static final List<String> DISTRICTS =
      List.of("430102", "430103", "430104", "430105", "430111", "430112", "430121", "430181", "430182");

  private static final Map<String, Integer> CATEGORY_WEIGHTS = Map.ofEntries(
      Map.entry("COMPENSATION", 12), Map.entry("PARKING", 12), Map.entry("URBAN_MANAGEMENT", 10),
      Map.entry("REGISTRATION", 10), Map.entry("ENVIRONMENT", 8), Map.entry("RECRUITMENT", 8),
      Map.entry("TRAFFIC", 7), Map.entry("FINANCING", 7), Map.entry("TAX", 6),
      Map.entry("CONSTRUCTION_PERMIT", 6), Map.entry("LEGAL", 4), Map.entry("TRANSIT", 4),
      Map.entry("MEETING_REQUEST", 4), Map.entry("OTHER", 2));

  private static final Map<String, String[]> TOPICS = Map.ofEntries(
      Map.entry("COMPENSATION", new String[] {"厂房征收补偿标准咨询", "老城区有机更新项目中商铺的补偿方案尚未明确,请协调。"}),
      Map.entry("PARKING", new String[] {"园区员工停车难", "基地员工车辆无处停放,希望协调周边停车场对入驻企业开放。"}),
      Map.entry("URBAN_MANAGEMENT", new String[] {"门店招牌设置审批", "门头招牌更换需要城管审批,请告知办理流程和时限。"}),
      Map.entry("REGISTRATION", new String[] {"营业执照变更登记", "公司迁入本区,需要办理营业执照变更,希望两天内办结。"}),
      Map.entry("ENVIRONMENT", new String[] {"环评手续办理", "新建实验室需要办理环境影响评价手续,请指导所需材料。"}),
      Map.entry("RECRUITMENT", new String[] {"招工用工需求", "公司急需招聘技术工人五十名,希望纳入近期专场招聘会。"}),
      Map.entry("TRAFFIC", new String[] {"地铁施工围挡影响出行", "门前道路围挡施工导致车辆进出不便,请优化交通组织和道路指引。"}),
      Map.entry("FINANCING", new String[] {"中小企业融资对接", "企业扩产需要流动资金贷款,希望对接银行和政府性融资担保。"}),
      Map.entry("TAX", new String[] {"研发费用加计扣除", "对研发费用加计扣除政策的适用范围有疑问,请税务部门解答。"}),
      Map.entry("CONSTRUCTION_PERMIT", new String[] {"施工许可证办理", "新厂房项目规划已批,申请施工许可需要哪些前置条件?"}),
      Map.entry("LEGAL", new String[] {"合同纠纷法律咨询", "与供应商发生合同纠纷,希望获得公共法律服务指导。"}),
      Map.entry("TRANSIT", new String[] {"园区公交线路调整", "园区缺少公交站点,员工通勤困难,建议增设线路。"}),
      Map.entry("MEETING_REQUEST", new String[] {"约见区领导", "项目推进遇到多部门协调问题,希望约见分管副区长现场办公。"}),
      Map.entry("OTHER", new String[] {"其他诉求", "企业在经营中遇到的其他问题,请相关部门协助。"}));

  private static final String[] NAME_PARTS = {"湘江", "麓山", "星城", "橘洲", "岳麓", "浏阳河", "洞庭", "芙蓉", "天心", "开福"};
  private static final String[] INDUSTRIES = {"生物工程", "智能制造", "新材料", "软件科技", "食品", "物流", "文化传媒", "电子商务", "建材", "医疗器械"};
  private static final String CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private final Random random;
  private final NavigableMap<Integer, String> categories = new TreeMap<>();
  private final int totalWeight;
  private final List<AppealDraft.Enterprise> enterprises = new ArrayList<>();
  private final List<String> enterpriseDistricts = new ArrayList<>();

  public AppealSimulator(long seed) {
    this.random = new Random(seed);
    int sum = 0;
    for (String category : new TreeMap<>(CATEGORY_WEIGHTS).keySet()) {
      sum += CATEGORY_WEIGHTS.get(category);
      categories.put(sum, category);
    }
    this.totalWeight = sum;
    for (int i = 0; i < 300; i++) {
      String district = DISTRICTS.get(random.nextInt(DISTRICTS.size()));
      enterpriseDistricts.add(district);
      enterprises.add(enterprise(i, district));
    }
  }

  public AppealDraft next() {
    int which = random.nextInt(enterprises.size());
    String category = categories.ceilingEntry(1 + random.nextInt(totalWeight)).getValue();
    String[] topic = TOPICS.get(category);
    String channel = random.nextInt(10) < 6 ? "KIOSK" : random.nextBoolean() ? "WEB" : "HOTLINE";
    return new AppealDraft(enterprises.get(which), enterpriseDistricts.get(which), category, topic[0], topic[1], channel);
  }

  private AppealDraft.Enterprise enterprise(int index, String district) {
    String name = "湖南" + NAME_PARTS[random.nextInt(NAME_PARTS.length)] + INDUSTRIES[random.nextInt(INDUSTRIES.length)] + "有限公司";
    String greenCard = random.nextInt(10) == 0 ? String.format("LY-GC-%04d", 1 + random.nextInt(416)) : null;
    String phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    return new AppealDraft.Enterprise(name, creditCode(district), "联系人" + (index + 1), phone, greenCard);
  }

  /** Legal person, enterprise (91), the district, a random organisation code, and the right check character. */
  private String creditCode(String district) {
    StringBuilder code = new StringBuilder("91").append(district);
    for (int i = 0; i < 9; i++) {
      code.append(CREDIT_CHARSET.charAt(random.nextInt(CREDIT_CHARSET.length())));
    }
    return code.append(CreditCodes.checkCharacter(code.toString())).toString();
  }
}
