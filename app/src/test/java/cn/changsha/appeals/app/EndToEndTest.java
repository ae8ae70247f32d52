package cn.changsha.appeals.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.changsha.appeals.kiosk.AppealClient;
import cn.changsha.appeals.kiosk.AppealClientException;
import cn.changsha.appeals.kiosk.Receipt;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The system as users meet it: real HTTP, a real broker in the JVM, the real topology. */
class EndToEndTest {

  @TempDir static Path dataDir;
  static Tracker tracker;
  static AppealClient kiosk;
  static AppealClient department;
  static AppealClient monitor;
  static final HttpClient http = HttpClient.newHttpClient();
  static final JsonMapper json = JsonMapper.builder().build();

  @BeforeAll
  static void start() {
    tracker = Tracker.start(dataDir, Tracker.Ports.free());
    kiosk = tracker.as("kiosk-01");
    department = tracker.as("430104-ENV");
    monitor = tracker.as("monitor");
  }

  @AfterAll
  static void stop() {
    tracker.close();
  }

  @Test
  void anAppealGoesFromKioskToItsDepartmentAndIsClosedByTheEnterprise() {
    Receipt receipt = kiosk.submit(Drafts.aikerui("环评手续办理"));

    assertThat(receipt.status()).isEqualTo("SUBMITTED");
    assertThat(receipt.routed()).isTrue();
    assertThat(receipt.departmentId()).isEqualTo("430104-ENV");
    assertThat(receipt.trackingNumber()).matches("CS[0-9A-Z]{10}");

    List<ConsumerRecord<String, String>> onTopic = readDepartmentTopic("430104-ENV", receipt.appealId());
    assertThat(onTopic).singleElement().satisfies(r -> {
      JsonNode entry = json.readTree(r.value());
      assertThat(entry.path("event").path("type").asString()).isEqualTo("ROUTED");
      assertThat(entry.path("appeal").path("trackingNumber").asString()).isEqualTo(receipt.trackingNumber());
    });
    assertThat(queueIds("430104-ENV")).contains(receipt.appealId());

    department.act(receipt.appealId(), "acknowledge", Map.of());
    department.act(receipt.appealId(), "resolve", Map.of("resolution", "已指导企业准备环评材料,园区专班跟进办理。"));
    AppealClient enterprise = tracker.enterprise(receipt);
    JsonNode closed = enterprise.act(receipt.appealId(), "evaluate", Map.of("rating", 5, "comment", "办理及时"));

    assertThat(closed.path("outcome").asString()).isEqualTo("ACCEPTED");
    JsonNode appeal = enterprise.appealByTrackingNumber(receipt.trackingNumber());
    assertThat(appeal.path("status").asString()).isEqualTo("CLOSED");
    assertThat(appeal.path("rating").asInt()).isEqualTo(5);
    List<String> steps = new ArrayList<>();
    List<String> actors = new ArrayList<>();
    for (JsonNode event : appeal.path("timeline")) {
      steps.add(event.path("type").asString());
      actors.add(event.path("actor").path("role").asString() + ":" + event.path("actor").path("id").asString());
      assertThat(event.path("at").asString()).endsWith("+08:00");
    }
    assertThat(steps).containsExactly("SUBMITTED", "ROUTED", "ACKNOWLEDGED", "RESOLVED", "EVALUATED", "CLOSED");
    String owner = "ENTERPRISE:" + receipt.trackingNumber();
    assertThat(actors).containsExactly("KIOSK:kiosk-01", "SYSTEM:router", "DEPARTMENT:430104-ENV",
        "DEPARTMENT:430104-ENV", owner, owner);
    assertThat(queueIds("430104-ENV")).doesNotContain(receipt.appealId());
    assertThat(readDepartmentTopic("430104-ENV", receipt.appealId())).hasSize(5);
  }

  @Test
  void theSameIdempotencyKeyTwiceFilesOneAppeal() {
    String key = "kiosk-yuelu-01-" + UUID.randomUUID();
    int before = queueTotal("430104-ENV");

    Receipt first = kiosk.submit(Drafts.aikerui("重复提交测试"), key);
    Receipt retry = kiosk.submit(Drafts.aikerui("重复提交测试"), key);

    assertThat(retry).isEqualTo(first);
    assertThat(queueTotal("430104-ENV")).isEqualTo(before + 1);
    assertThat(readDepartmentTopic("430104-ENV", first.appealId())).hasSize(1);
  }

  @Test
  void aKeyReusedForADifferentAppealIsRefused() {
    String key = "reused-" + UUID.randomUUID();
    kiosk.submit(Drafts.aikerui("第一个诉求"), key);
    assertThatThrownBy(() -> kiosk.submit(Drafts.aikerui("另一个诉求"), key))
        .isInstanceOfSatisfying(AppealClientException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.getMessage()).contains("Idempotency key already used");
        });
  }

  @Test
  void anInvalidSubmissionNamesEveryBadField() throws Exception {
    String body = """
        {"enterprise": {"name": "", "creditCode": "91350100M000100Y44", "contactName": "张三", "contactPhone": "12345"},
         "district": "110101", "category": "FOOD", "title": "t", "description": "请协助", "channel": "FAX"}""";
    HttpResponse<String> response = post("/api/appeals", body);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode problem = json.readTree(response.body());
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
    assertThat(fields).containsExactlyInAnyOrder("category", "channel", "description", "district",
        "enterprise.contactPhone", "enterprise.creditCode", "enterprise.name", "title");
    assertThat(response.body()).contains("430104").contains("GB 32100-2015");
  }

  @Test
  void malformedJsonAndBadHeadersAreRefusedClearly() throws Exception {
    assertThat(post("/api/appeals", "{not json").statusCode()).isEqualTo(400);
    HttpResponse<String> badKey = http.send(tracker.request("kiosk-01", "/api/appeals")
        .header("Content-Type", "application/json").header("Idempotency-Key", "x")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Drafts.aikerui("标题测试")))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(badKey.statusCode()).isEqualTo(400);
    assertThat(badKey.body()).contains("Idempotency-Key");
  }

  @Test
  void aRefusedActionIsAnswered409WithTheReason() {
    Receipt receipt = kiosk.submit(Drafts.aikerui("状态机测试"));
    assertThatThrownBy(() -> department.act(receipt.appealId(), "resolve", Map.of("resolution", "已办结")))
        .isInstanceOfSatisfying(AppealClientException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.getMessage()).contains("Cannot resolve an appeal that is ROUTED");
        });
    assertThatThrownBy(() -> department.act(UUID.randomUUID().toString(), "acknowledge", Map.of()))
        .isInstanceOfSatisfying(AppealClientException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> department.act(receipt.appealId(), "approve", Map.of()))
        .isInstanceOfSatisfying(AppealClientException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void aDepartmentsQueueIsMostUrgentFirstAndShowsTheTimeLeft() {
    // Filed oldest first; the queue must answer in the reverse order, whatever the time of day.
    Receipt paused = kiosk.submit(Drafts.withPriority("430102", "RECRUITMENT", "招工:等待企业补充材料", null));
    Receipt acknowledged = kiosk.submit(Drafts.withPriority("430102", "RECRUITMENT", "招工:已签收", null));
    Receipt normal = kiosk.submit(Drafts.withPriority("430102", "RECRUITMENT", "招工:普通", null));
    Receipt urgent = kiosk.submit(Drafts.withPriority("430102", "RECRUITMENT", "招工:加急", "URGENT"));
    assertThat(List.of(paused, acknowledged, normal, urgent)).extracting(Receipt::departmentId).containsOnly("430102-HRSS");
    assertThat(List.of(normal.priority(), urgent.priority())).containsExactly("NORMAL", "URGENT");
    AppealClient hrss = tracker.as("430102-HRSS");
    hrss.act(paused.appealId(), "request-info", Map.of("question", "请补充招工岗位清单"));
    hrss.act(acknowledged.appealId(), "acknowledge", Map.of());

    // URGENT: first response within 2 working hours; NORMAL: by the close of the next working day;
    // acknowledged: its resolution clock, 10 working days; paused: no running clock, last.
    JsonNode queue = hrss.queue("430102-HRSS");
    assertThat(queue.path("total").asInt()).isEqualTo(4);
    List<String> order = new ArrayList<>();
    queue.path("appeals").forEach(a -> order.add(a.path("appealId").asString()));
    assertThat(order).containsExactly(urgent.appealId(), normal.appealId(), acknowledged.appealId(), paused.appealId());

    JsonNode[] entries = new JsonNode[4];
    for (int i = 0; i < 4; i++) {
      entries[i] = queue.path("appeals").get(i);
    }
    assertRunning(entries[0], "FIRST_RESPONSE", "firstResponse", urgent.firstResponseDue());
    assertRunning(entries[1], "FIRST_RESPONSE", "firstResponse", normal.firstResponseDue());
    assertRunning(entries[2], "RESOLUTION", "resolution", acknowledged.resolutionDue());
    assertThat(entries[3].path("urgency").asString()).isEqualTo("PAUSED");
    assertThat(entries[3].path("status").asString()).isEqualTo("AWAITING_INFO");
    for (String field : List.of("nextDueAt", "dueClock", "warnAt")) {
      assertThat(entries[3].path(field).isNull()).as(field).isTrue();
    }
    assertThat(entries[0].path("trackingNumber").asString()).isEqualTo(urgent.trackingNumber());
    assertThat(entries[0].path("submittedAt").asString()).endsWith("+08:00");

    // The limit keeps the most urgent, not the oldest.
    JsonNode top = hrss.read("/api/departments/430102-HRSS/queue?limit=2");
    assertThat(top.path("total").asInt()).isEqualTo(4);
    List<String> topIds = new ArrayList<>();
    top.path("appeals").forEach(a -> topIds.add(a.path("appealId").asString()));
    assertThat(topIds).containsExactly(urgent.appealId(), normal.appealId());
  }

  /** A queue entry on track with the clock the appeal itself shows as running, and the receipt's promise. */
  private static void assertRunning(JsonNode entry, String dueClock, String clockField, String promised) {
    JsonNode clock = monitor.appeal(entry.path("appealId").asString()).path("sla").path(clockField);
    assertThat(clock.path("state").asString()).isEqualTo("RUNNING");
    assertThat(entry.path("dueClock").asString()).isEqualTo(dueClock);
    assertThat(entry.path("urgency").asString()).isEqualTo("ON_TRACK");
    assertThat(entry.path("nextDueAt").asString()).endsWith("+08:00");
    assertThat(OffsetDateTime.parse(entry.path("nextDueAt").asString())).isEqualTo(OffsetDateTime.parse(clock.path("dueAt").asString()));
    assertThat(OffsetDateTime.parse(entry.path("nextDueAt").asString()).toInstant()).isEqualTo(OffsetDateTime.parse(promised).toInstant());
    assertThat(OffsetDateTime.parse(entry.path("warnAt").asString())).isEqualTo(OffsetDateTime.parse(clock.path("warnAt").asString()));
  }

  @Test
  void aTransferMovesTheAppealToTheOtherDepartmentsQueue() {
    Receipt receipt = kiosk.submit(Drafts.in("430112", "TAX"));
    assertThat(receipt.departmentId()).isEqualTo("430112-TAX");

    tracker.as("430112-TAX").act(receipt.appealId(), "transfer", Map.of("toDepartmentId", "430112-FINANCE", "reason", "属于融资服务范围"));

    assertThat(queueIds("430112-TAX")).doesNotContain(receipt.appealId());
    assertThat(queueIds("430112-FINANCE")).contains(receipt.appealId());
  }

  @Test
  void aChangedRoutingRuleRoutesTheNextAppealWithoutARestart() throws Exception {
    Receipt before = kiosk.submit(Drafts.in("430121", "PARKING"));
    assertThat(before.departmentId()).isEqualTo("430121-TRAFFIC-POLICE");

    HttpResponse<String> put = send(tracker.request("admin", "/api/admin/routing-rules/430121-PARKING")
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(
            "{\"order\": 100, \"district\": \"430121\", \"category\": \"PARKING\", \"departmentId\": \"430121-URBAN\"}")).build());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

    Receipt after = kiosk.submit(Drafts.in("430121", "PARKING"));
    assertThat(after.departmentId()).isEqualTo("430121-URBAN");
    assertThat(monitor.appeal(before.appealId()).path("departmentId").asString()).isEqualTo("430121-TRAFFIC-POLICE");
  }

  @Test
  void unknownAppealsAndTrackingNumbersAreNotFound() {
    assertThatThrownBy(() -> monitor.appeal(UUID.randomUUID().toString()))
        .isInstanceOfSatisfying(AppealClientException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> monitor.appealByTrackingNumber("CS0000000000"))
        .isInstanceOfSatisfying(AppealClientException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> monitor.appealByTrackingNumber("not-a-number"))
        .isInstanceOfSatisfying(AppealClientException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void departmentsAreListedWithTheirTopics() {
    JsonNode departments = kiosk.departments();
    assertThat(departments.size()).isEqualTo(109);
    List<String> wangcheng = new ArrayList<>();
    departments.forEach(d -> {
      if ("430112".equals(d.path("district").asString())) {
        wangcheng.add(d.path("name").asString());
      }
    });
    assertThat(wangcheng).contains("望城区企业服务中心", "望城区市场监督管理局");
  }

  @Test
  void theSpreadsheetOpensWithTheSameFiguresAsTheCsvAndTheJsonReport() throws Exception {
    // Two appeals for one department, so it is ranked, one of them handled through and rated so its rates are real;
    // one for another, which stays unranked.
    AppealClient market = tracker.as("430105-MARKET");
    Receipt handled = kiosk.submit(Drafts.in("430105", "REGISTRATION"));
    Receipt waiting = kiosk.submit(Drafts.in("430105", "REGISTRATION"));
    Receipt alone = kiosk.submit(Drafts.in("430105", "TAX"));
    assertThat(List.of(handled.departmentId(), waiting.departmentId(), alone.departmentId()))
        .containsExactly("430105-MARKET", "430105-MARKET", "430105-TAX");
    market.act(handled.appealId(), "acknowledge", Map.of());
    market.act(handled.appealId(), "resolve", Map.of("resolution", "已指导企业完成变更登记。"));
    tracker.enterprise(handled).act(handled.appealId(), "evaluate", Map.of("rating", 4));
    market.act(waiting.appealId(), "acknowledge", Map.of());
    Set<YearMonth> months = Stream.of(handled, waiting, alone)
        .map(r -> YearMonth.from(OffsetDateTime.parse(r.submittedAt()))).collect(Collectors.toSet());
    assumeTrue(months.size() == 1, "the appeals were filed either side of the turn of a month");
    String report = "/api/reports/monthly?month=" + months.iterator().next() + "&minimumToRank=2&format=";

    JsonNode answer = monitor.read(report + "json");
    List<List<Object>> expected = new ArrayList<>();
    answer.path("ranked").forEach(d -> expected.add(jsonRow(answer, d)));
    answer.path("unranked").forEach(d -> expected.add(jsonRow(answer, d)));
    JsonNode ranked = null;
    for (JsonNode d : answer.path("ranked")) {
      if (d.path("departmentId").asString().equals("430105-MARKET")) {
        ranked = d.path("figures");
      }
    }
    assertThat(ranked).as("the department with two appeals is ranked").isNotNull();
    assertThat(ranked.path("resolutionOnTimePct").asDouble()).isEqualTo(100.0);
    assertThat(ranked.path("responseRate").asDouble()).isEqualTo(100.0);
    assertThat(ranked.path("resolutionRate").asDouble()).isEqualTo(50.0);
    assertThat(ranked.path("averageRating").asDouble()).isEqualTo(4.0);
    List<String> unranked = new ArrayList<>();
    answer.path("unranked").forEach(d -> unranked.add(d.path("departmentId").asString()));
    assertThat(unranked).contains("430105-TAX");

    HttpResponse<byte[]> csv = http.send(tracker.request("monitor", report + "csv").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(csv.statusCode()).isEqualTo(200);
    String csvText = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(csvText).startsWith("\uFEFF");
    List<List<String>> csvRows = parseCsv(csvText.substring(1));
    assertThat(csvRows.get(0)).containsExactlyElementsOf(HEADERS);
    assertThat(csvRows.subList(1, csvRows.size()).stream().map(EndToEndTest::csvRow).toList())
        .containsExactlyElementsOf(expected);

    HttpResponse<byte[]> xlsx = http.send(tracker.request("monitor", report + "xlsx").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(xlsx.headers().firstValue("Content-Disposition").orElse(""))
        .isEqualTo("attachment; filename=\"accountability-" + months.iterator().next() + ".xlsx\"");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
      XSSFSheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo(months.iterator().next().toString());
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat((int) sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo(1);
      List<String> headers = new ArrayList<>();
      for (Cell cell : sheet.getRow(0)) {
        headers.add(cell.getStringCellValue());
        assertThat(workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold()).as(cell.getStringCellValue()).isTrue();
      }
      assertThat(headers).containsExactlyElementsOf(HEADERS);
      assertThat(sheet.getColumnWidth(HEADERS.indexOf("name"))).as("wide enough for a Chinese name").isGreaterThan(20 * 256);
      List<List<Object>> rows = new ArrayList<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        rows.add(xlsxRow(sheet.getRow(r)));
      }
      assertThat(rows).containsExactlyElementsOf(expected);
    }

    HttpResponse<String> pdf = send(tracker.request("monitor", report + "pdf").build());
    assertThat(pdf.statusCode()).isEqualTo(400);
    assertThat(pdf.body()).contains("must be json, csv or xlsx");
  }

  /** The report's columns; those named in TEXT hold text, all others numbers. */
  private static final List<String> HEADERS = List.of("month", "rank", "departmentId", "name", "received", "open", "resolved",
      "firstResponseOnTimePct", "resolutionOnTimePct", "firstResponseMedianMinutes", "firstResponseP90Minutes",
      "resolutionMedianMinutes", "resolutionP90Minutes", "warnings", "breaches", "escalations", "averageRating",
      "responseRate", "resolutionRate", "satisfactionRate", "heldWorkingMinutes",
      "lateFirstResponse", "lateResolution", "unsatisfied", "escalatedToEfficiencyCenter", "overdue");
  private static final Set<String> TEXT = Set.of("month", "departmentId", "name", "overdue");
  private static final Map<String, String> FAILINGS = Map.of("lateFirstResponse", "LATE_FIRST_RESPONSE",
      "lateResolution", "LATE_RESOLUTION", "unsatisfied", "UNSATISFIED", "escalatedToEfficiencyCenter", "ESCALATED_TO_EFFICIENCY_CENTER");

  /** A department of the JSON report as a row: text, numbers as doubles, and null for nothing. */
  private static List<Object> jsonRow(JsonNode report, JsonNode department) {
    List<Object> row = new ArrayList<>();
    for (String header : HEADERS) {
      if (header.equals("overdue")) {
        List<String> overdue = new ArrayList<>();
        department.path("overdue").forEach(n -> overdue.add(n.asString()));
        row.add(blankToNull(String.join(" ", overdue)));
        continue;
      }
      JsonNode value = switch (header) {
        case "month" -> report.path("month");
        case "rank", "departmentId", "name" -> department.path(header);
        default -> FAILINGS.containsKey(header)
            ? department.path("failings").path(FAILINGS.get(header)) : department.path("figures").path(header);
      };
      assertThat(value.isMissingNode()).as(header + " in " + department).isFalse();
      row.add(value.isNull() ? null : value.isNumber() ? (Object) value.asDouble() : blankToNull(value.asString()));
    }
    return row;
  }

  private static List<Object> csvRow(List<String> cells) {
    assertThat(cells).hasSameSizeAs(HEADERS);
    List<Object> row = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      row.add(cell.isEmpty() ? null : TEXT.contains(HEADERS.get(i)) ? cell : (Object) Double.parseDouble(cell));
    }
    return row;
  }

  private static List<Object> xlsxRow(Row cells) {
    List<Object> row = new ArrayList<>();
    for (int i = 0; i < HEADERS.size(); i++) {
      Cell cell = cells.getCell(i);
      if (cell == null || cell.getCellType() == CellType.BLANK) {
        row.add(null);
      } else if (TEXT.contains(HEADERS.get(i))) {
        assertThat(cell.getCellType()).as(HEADERS.get(i)).isEqualTo(CellType.STRING);
        row.add(blankToNull(cell.getStringCellValue()));
      } else {
        assertThat(cell.getCellType()).as(HEADERS.get(i) + " is a number, not text").isEqualTo(CellType.NUMERIC);
        row.add(cell.getNumericCellValue());
      }
    }
    assertThat(cells.getLastCellNum()).as("no cells past the last column").isLessThanOrEqualTo((short) HEADERS.size());
    return row;
  }

  private static String blankToNull(String text) {
    return text.isEmpty() ? null : text;
  }

  /** RFC 4180: fields split by commas, records by line ends; a quoted field may hold both, and "" for a quote. */
  private static List<List<String>> parseCsv(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    assertThat(quoted).as("a quote left open").isFalse();
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }

  private static List<String> queueIds(String departmentId) {
    List<String> ids = new ArrayList<>();
    monitor.queue(departmentId).path("appeals").forEach(a -> ids.add(a.path("appealId").asString()));
    return ids;
  }

  private static int queueTotal(String departmentId) {
    return monitor.queue(departmentId).path("total").asInt();
  }

  /** What a department's own system sees: a plain consumer of its topic, string keys and JSON values. */
  private static List<ConsumerRecord<String, String>> readDepartmentTopic(String departmentId, String appealId) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, tracker.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition("dept-queue." + departmentId, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      List<ConsumerRecord<String, String>> mine = new ArrayList<>();
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
          if (r.key().equals(appealId)) {
            mine.add(r);
          }
        });
        return consumer.position(partition) >= end;
      });
      return mine;
    }
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return send(tracker.request("kiosk-01", path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

}
