package cn.changsha.appeals.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.changsha.appeals.edge.security.ClusterSecret;
import cn.changsha.appeals.kiosk.AppealClient;
import cn.changsha.appeals.kiosk.Credential;
import cn.changsha.appeals.streams.AppealIds;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 as a civic app or a hotline system uses it, over real HTTP on the whole
 * system: every JSON answer is checked against the published GeoReport v2 schemas
 * ({@code src/test/resources/open311}), every XML answer against the JSON one by the standard's
 * own mapping between them, and appeals filed this way are followed into their department's queue.
 */
class Open311Test {

  @TempDir static Path dataDir;
  static Tracker tracker;
  static final HttpClient http = HttpClient.newHttpClient();
  static final JsonMapper json = JsonMapper.builder().build();
  static final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

  @BeforeAll
  static void start() {
    tracker = Tracker.start(dataDir, Tracker.Ports.free());
  }

  @AfterAll
  static void stop() {
    tracker.close();
  }

  @Test
  void discoveryServicesAndServiceDefinitionsInJsonAndXml() throws Exception {
    Answer discovery = get("/open311/v2/discovery.json");
    assertThat(discovery.status()).isEqualTo(200);
    assertThat(discovery.contentType()).isEqualTo("application/json;charset=UTF-8");
    assertValid("discovery.json", discovery);
    JsonNode endpoint = discovery.json().path("endpoints").get(0);
    assertThat(endpoint.path("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
    assertThat(endpoint.path("url").asString()).isEqualTo(tracker.baseUri() + "/open311/v2");
    assertThat(endpoint.path("formats").toString()).contains("text/xml", "application/json");
    assertSameTree(get("/open311/v2/discovery.xml"), "discovery", discovery);

    Answer services = get("/open311/v2/services.json");
    assertValid("services.json", services);
    assertThat(services.json().size()).isEqualTo(14);
    JsonNode environment = find(services.json(), "service_code", "ENVIRONMENT");
    assertThat(environment.path("service_name").asString()).isEqualTo("环评环保");
    assertThat(environment.path("description").asString()).isEqualTo("Environment");
    assertThat(environment.path("metadata").asBoolean()).isTrue();
    assertThat(environment.path("type").asString()).isEqualTo("realtime");
    Answer servicesXml = get("/open311/v2/services.xml");
    assertThat(servicesXml.contentType()).isEqualTo("text/xml;charset=UTF-8");
    assertThat(servicesXml.body()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><services><service>");
    assertSameTree(servicesXml, "services", services);
    assertThat(get("/open311/v2/services.json?jurisdiction_id=changsha.gov.cn").body()).isEqualTo(services.body());

    Answer definition = get("/open311/v2/services/ENVIRONMENT.json");
    assertValid("service-definition.json", definition);
    assertThat(definition.json().path("service_code").asString()).isEqualTo("ENVIRONMENT");
    List<String> codes = new ArrayList<>();
    definition.json().path("attributes").forEach(a -> codes.add(a.path("code").asString()
        + (a.path("required").asBoolean() ? "*" : "")));
    assertThat(codes).containsExactly("district*", "enterprise_name*", "credit_code*", "contact_name*", "contact_phone*",
        "green_card", "title");
    JsonNode district = definition.json().path("attributes").get(0);
    assertThat(district.path("datatype").asString()).isEqualTo("singlevaluelist");
    List<String> districts = new ArrayList<>();
    district.path("values").forEach(v -> districts.add(v.path("key").asString() + " " + v.path("name").asString()));
    assertThat(districts).hasSize(9).contains("430104 岳麓区 Yuelu", "430181 浏阳市 Liuyang");
    assertSameTree(get("/open311/v2/services/ENVIRONMENT.xml"), "service_definition", definition);
  }

  @Test
  void aFormPostedWithTheKioskKeyIsAnOrdinaryAppealRoutedIntoItsDepartmentsQueue() throws Exception {
    Map<String, String> form = appeal("ENVIRONMENT", "430104", "环评手续咨询");
    form.put("api_key", tracker.key("kiosk-01"));
    form.put("address_string", "岳麓区麓谷大道 627 号");
    form.put("lat", "28.2140");
    form.put("long", "112.8880");
    Answer filed = post("/open311/v2/requests.json", form);

    assertThat(filed.status()).as(filed.body()).isEqualTo(200);
    assertValid("post-response.json", filed);
    JsonNode receipt = filed.json().get(0);
    String trackingNumber = receipt.path("service_request_id").asString();
    assertThat(AppealIds.isTrackingNumber(trackingNumber)).isTrue();
    assertThat(receipt.has("token")).isFalse();
    assertThat(receipt.path("service_notice").asString()).contains("岳麓区").contains("前办结");
    String appealId = AppealIds.appealIdFor(trackingNumber);

    AppealClient department = tracker.as("430104-ENV");
    List<String> queued = new ArrayList<>();
    department.queue("430104-ENV").path("appeals").forEach(a -> queued.add(a.path("appealId").asString()));
    assertThat(queued).contains(appealId);
    JsonNode appeal = department.appeal(appealId);
    assertThat(appeal.path("status").asString()).isEqualTo("ROUTED");
    assertThat(appeal.path("channel").asString()).isEqualTo("OTHER");
    assertThat(appeal.path("district").asString()).isEqualTo("430104");
    assertThat(appeal.path("title").asString()).isEqualTo(form.get("description").lines().findFirst().orElseThrow());
    assertThat(appeal.path("description").asString()).contains("岳麓区麓谷大道 627 号");
    assertThat(appeal.path("enterprise").path("contactName").asString()).isEqualTo("李经理");
    assertThat(appeal.path("sla").path("resolution").path("dueAt").isMissingNode()).isFalse();
    assertThat(appeal.path("timeline").get(0).path("actor").path("id").asString()).isEqualTo("kiosk-01");
    // The enterprise signs in with what the channel was given to pass on, as with a kiosk's receipt.
    Credential enterprise = Credential.receipt(trackingNumber, receipt.path("receipt_secret").asString());
    JsonNode own = new AppealClient(tracker.baseUri(), enterprise).appealByTrackingNumber(trackingNumber);
    assertThat(own.path("appealId").asString()).isEqualTo(appealId);

    Answer publicView = get("/open311/v2/requests/" + trackingNumber + ".json");
    assertValid("requests.json", publicView);
    JsonNode request = publicView.json().get(0);
    assertThat(request.path("service_request_id").asString()).isEqualTo(trackingNumber);
    assertThat(request.path("status").asString()).isEqualTo("open");
    assertThat(request.path("service_code").asString()).isEqualTo("ENVIRONMENT");
    assertThat(request.path("service_name").asString()).isEqualTo("环评环保");
    assertThat(request.path("agency_responsible").asString())
        .isEqualTo(find(tracker.as("monitor").departments(), "departmentId", "430104-ENV").path("name").asString());
    assertThat(request.path("address").asString()).isEqualTo("岳麓区, 长沙市");
    assertThat(request.path("requested_datetime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
    assertThat(request.path("updated_datetime").asString()).endsWith("+08:00");
    assertThat(OffsetDateTime.parse(request.path("expected_datetime").asString()))
        .isEqualTo(OffsetDateTime.parse(appeal.path("sla").path("resolution").path("dueAt").asString()).truncatedTo(ChronoUnit.SECONDS));
    assertThat(request.path("description").isNull()).as("no description for the anonymous").isTrue();
    assertThat(request.path("status_notes").asString()).isEqualTo("已交办承办部门 / Assigned to the responsible department");
    assertThat(publicView.body()).doesNotContain("湖南艾科瑞", "91350100M000100Y43", "李经理", "13800000000");
    assertSameTree(get("/open311/v2/requests/" + trackingNumber + ".xml"), "service_requests", publicView);

    department.act(appealId, "acknowledge", Map.of());
    department.act(appealId, "resolve", Map.of("resolution", "已指导企业准备环评材料,王科长跟进"));
    JsonNode closed = get("/open311/v2/requests/" + trackingNumber + ".json").json().get(0);
    assertThat(closed.path("status").asString()).isEqualTo("closed");
    assertThat(closed.path("status_notes").asString()).isEqualTo("已办结,待企业评价 / Resolved, awaiting the enterprise's rating");

    for (String reader : List.of("430104-ENV", "monitor", "kiosk-01")) {
      Answer whole = get("/open311/v2/requests/" + trackingNumber + ".json", "X-API-Key", tracker.key(reader));
      assertValid("requests.json", whole);
      assertThat(whole.json().get(0).path("description").asString()).as(reader).isEqualTo(appeal.path("description").asString());
      assertThat(whole.json().get(0).path("status_notes").asString()).as(reader).endsWith(":已指导企业准备环评材料,王科长跟进");
    }
    Answer asTheEnterprise = new Answer(http.send(enterprise.applyTo(HttpRequest.newBuilder(
        tracker.baseUri().resolve("/open311/v2/requests/" + trackingNumber + ".json"))).GET().build(), HttpResponse.BodyHandlers.ofString()));
    assertThat(asTheEnterprise.json().get(0).path("status_notes").asString()).endsWith(":已指导企业准备环评材料,王科长跟进");
    JsonNode keyInUrl = get("/open311/v2/requests/" + trackingNumber + ".json?api_key=" + tracker.key("monitor")).json().get(0);
    assertThat(keyInUrl.path("description").isNull()).as("a key in a URL is not read: it would be kept in logs").isTrue();
    String otherChannel = tracker.as("admin").create("/api/admin/api-keys", Map.of("name", "open311-hotline", "role", "KIOSK"))
        .path("key").asString();
    for (String key : List.of(otherChannel, tracker.key("430104-TAX"))) {
      JsonNode notWhole = get("/open311/v2/requests/" + trackingNumber + ".json", "X-API-Key", key).json().get(0);
      assertThat(notWhole.path("description").isNull()).isTrue();
      assertThat(notWhole.path("status_notes").asString()).doesNotContain("王科长");
    }
  }

  @Test
  void aRetryOfTheSameFormFilesOneAppealInEitherFormat() throws Exception {
    int before = tracker.as("430102-HRSS").queue("430102-HRSS").path("total").asInt();
    Map<String, String> form = appeal("RECRUITMENT", "430102", "招工用工对接");

    Answer first = post("/open311/v2/requests.json", form, "X-API-Key", tracker.key("kiosk-01"));
    Answer retry = post("/open311/v2/requests.json", form, "X-API-Key", tracker.key("kiosk-01"));
    Answer asXml = post("/open311/v2/requests.xml", form, "X-API-Key", tracker.key("kiosk-01"));

    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(asXml.contentType()).isEqualTo("text/xml;charset=UTF-8");
    assertSameTree(asXml, "service_requests", first);
    assertThat(tracker.as("430102-HRSS").queue("430102-HRSS").path("total").asInt()).isEqualTo(before + 1);

    // Another channel sending the same words files its own appeal: the key is part of what makes a retry.
    String hotline = tracker.as("admin").create("/api/admin/api-keys", Map.of("name", "hotline-12345", "role", "KIOSK"))
        .path("key").asString();
    Answer fromHotline = post("/open311/v2/requests.json", form, "X-API-Key", hotline);
    assertThat(id(fromHotline)).isNotEqualTo(id(first));

    // A client that sends an idempotency key of its own has it used, and a reuse for other words refused.
    String key = "open311-client-" + UUID.randomUUID();
    Answer keyed = post("/open311/v2/requests.json", appeal("RECRUITMENT", "430102", "另一个诉求"),
        "X-API-Key", tracker.key("kiosk-01"), "Idempotency-Key", key);
    Answer keyedAgain = post("/open311/v2/requests.json", appeal("RECRUITMENT", "430102", "又一个诉求"),
        "X-API-Key", tracker.key("kiosk-01"), "Idempotency-Key", key);
    assertThat(keyed.status()).isEqualTo(200);
    assertThat(keyedAgain.status()).isEqualTo(400);
    assertValid("errors.json", keyedAgain);
    assertThat(keyedAgain.body()).contains("already used");
  }

  @Test
  void searchesFilterByIdServiceStatusAndWindowAsTheStandardSays() throws Exception {
    String tax = id(post("/open311/v2/requests.json", appeal("TAX", "430111", "税务咨询"), "X-API-Key", tracker.key("kiosk-01")));
    String parking = id(post("/open311/v2/requests.json", appeal("PARKING", "430121", "停车难"), "X-API-Key", tracker.key("kiosk-01")));
    String legal = id(post("/open311/v2/requests.json", appeal("LEGAL", "430105", "法律服务"), "X-API-Key", tracker.key("kiosk-01")));
    AppealClient parkingDepartment = tracker.as("430121-TRAFFIC-POLICE");
    parkingDepartment.act(AppealIds.appealIdFor(parking), "acknowledge", Map.of());
    parkingDepartment.act(AppealIds.appealIdFor(parking), "resolve", Map.of("resolution", "已新增停车位"));

    Answer byIds = get("/open311/v2/requests.json?service_request_id=" + legal + "," + tax.toLowerCase() + ",CS0000000000");
    assertValid("requests.json", byIds);
    assertThat(ids(byIds)).containsExactly(legal, tax);
    assertSameTree(get("/open311/v2/requests.xml?service_request_id=" + legal + "," + tax), "service_requests", byIds);
    assertThat(ids(get("/open311/v2/requests.json?service_request_id=" + tax + "&status=closed&service_code=LEGAL")))
        .as("service_request_id overrides every other filter").containsExactly(tax);

    Answer taxOnly = get("/open311/v2/requests.json?service_code=TAX");
    assertValid("requests.json", taxOnly);
    assertThat(ids(taxOnly)).contains(tax).doesNotContain(parking, legal);
    assertThat(ids(get("/open311/v2/requests.json?service_code=TAX,LEGAL"))).contains(tax, legal).doesNotContain(parking);

    Answer closed = get("/open311/v2/requests.json?status=closed");
    assertThat(ids(closed)).contains(parking).doesNotContain(tax, legal);
    closed.json().forEach(r -> assertThat(r.path("status").asString()).isEqualTo("closed"));
    assertThat(ids(get("/open311/v2/requests.json?status=open"))).contains(tax, legal).doesNotContain(parking);
    assertThat(ids(get("/open311/v2/requests.json?status=open,closed"))).contains(tax, legal, parking);

    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
    assertThat(ids(get("/open311/v2/requests.json"))).as("the last 90 days by default").contains(tax, parking, legal);
    assertThat(ids(get("/open311/v2/requests.json?start_date=" + w3(now.minusHours(1)) + "&end_date=" + w3(now.plusHours(1)))))
        .contains(tax, parking, legal);
    assertThat(ids(get("/open311/v2/requests.json?start_date=" + w3(now.minusHours(1)))))
        .as("90 days from the start").contains(tax, parking, legal);
    assertThat(ids(get("/open311/v2/requests.json?end_date=" + w3(now.minusDays(1))))).isEmpty();
    assertThat(ids(get("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-03-31T00:00:00Z")))
        .doesNotContain(tax, parking, legal);

    // At most so many, the newest first: each instance cuts its own matches the same way before they are merged.
    Answer newestTwo = get("/internal/appeals?from=" + w3(now.minusHours(1)) + "&to=" + w3(now.plusHours(1))
        + "&categories=TAX,PARKING,LEGAL&limit=2", "X-Appeals-Peer", tracker.context.getBean(ClusterSecret.class).peerToken());
    List<String> newest = new ArrayList<>();
    newestTwo.json().forEach(a -> newest.add(a.path("trackingNumber").asString()));
    assertThat(newest).containsExactly(legal, parking);

    Answer tooLong = get("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-04-02T00:00:00Z");
    assertThat(tooLong.status()).isEqualTo(400);
    assertValid("errors.json", tooLong);
    assertThat(tooLong.body()).contains("90 days");
    Answer backwards = get("/open311/v2/requests.xml?start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z");
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.xml().getTagName()).isEqualTo("errors");
    Answer unreadable = get("/open311/v2/requests.json?start_date=2026-03-01&status=pending");
    assertThat(unreadable.status()).isEqualTo(400);
    assertThat(unreadable.json().size()).as("every bad filter named").isEqualTo(2);
    assertThat(get("/open311/v2/requests.json?service_code=FOOD").status()).isEqualTo(404);

    // The public list is no way to enumerate enterprises: none of their words, names or contacts.
    Answer everything = get("/open311/v2/requests.json");
    assertThat(everything.body()).doesNotContain("湖南艾科瑞", "91350100M000100Y43", "李经理", "13800000000", "已新增停车位");
    everything.json().forEach(r -> assertThat(r.path("description").isNull()).isTrue());
  }

  @Test
  void errorsAreTheStandardsListsWithItsStatusCodes() throws Exception {
    String kiosk = tracker.key("kiosk-01");
    Answer unknownService = get("/open311/v2/services/FOOD.json");
    assertThat(unknownService.status()).isEqualTo(404);
    assertValid("errors.json", unknownService);
    assertThat(unknownService.json().get(0).path("code").asInt()).isEqualTo(404);
    Answer unknownServiceXml = get("/open311/v2/services/FOOD.xml");
    assertThat(unknownServiceXml.status()).isEqualTo(404);
    assertThat(unknownServiceXml.body()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>404</code>");
    assertSameTree(unknownServiceXml, "errors", unknownService);

    Map<String, String> badCode = appeal("FOOD", "430104", "食品");
    assertError(post("/open311/v2/requests.json", badCode, "X-API-Key", kiosk), 404, "service_code \"FOOD\" was not found");
    Map<String, String> noCode = appeal("TAX", "430104", "无类别");
    noCode.remove("service_code");
    assertError(post("/open311/v2/requests.json", noCode, "X-API-Key", kiosk), 400, "service_code was not provided");

    Map<String, String> invalid = appeal("TAX", "430104", "校验");
    invalid.remove("attribute[district]");
    invalid.put("attribute[credit_code]", "91350100M000100Y44");
    invalid.put("attribute[contact_phone]", "12345");
    Answer refused = post("/open311/v2/requests.json", invalid, "X-API-Key", kiosk);
    assertError(refused, 400, "attribute[district] was not provided");
    assertThat(refused.json().size()).isEqualTo(3);
    assertThat(refused.body()).contains("attribute[credit_code]: ").contains("GB 32100-2015").contains("attribute[contact_phone]: ");
    Map<String, String> wrongDistrict = appeal("TAX", "110101", "外地");
    assertError(post("/open311/v2/requests.json", wrongDistrict, "X-API-Key", kiosk), 400, "attribute[district]: must be one of");
    Map<String, String> extra = appeal("TAX", "430104", "多余的属性");
    extra.put("attribute[pothole_depth]", "3");
    assertError(post("/open311/v2/requests.json", extra, "X-API-Key", kiosk), 400, "attribute[pothole_depth]");

    assertError(get("/open311/v2/services.json?jurisdiction_id=sfgov.org"), 404, "jurisdiction_id \"sfgov.org\" was not found");
    Map<String, String> elsewhere = appeal("TAX", "430104", "别的城市");
    elsewhere.put("jurisdiction_id", "sfgov.org");
    assertError(post("/open311/v2/requests.json", elsewhere, "X-API-Key", kiosk), 404, "jurisdiction_id");

    String forged = "ak_" + UUID.randomUUID();
    Map<String, String> withForgedKey = appeal("TAX", "430104", "伪造密钥");
    withForgedKey.put("api_key", forged);
    Answer forgedKey = post("/open311/v2/requests.json", withForgedKey);
    assertError(forgedKey, 403, "Invalid api_key");
    assertThat(forgedKey.body()).doesNotContain(forged);
    assertError(post("/open311/v2/requests.xml", appeal("TAX", "430104", "没有密钥")), 403, "No api_key");
    assertError(post("/open311/v2/requests.json?api_key=" + kiosk, appeal("TAX", "430104", "密钥在网址里")), 403, "not in the URL");
    assertError(post("/open311/v2/requests.json", appeal("TAX", "430104", "部门密钥"), "X-API-Key", tracker.key("430104-TAX")),
        403, "intake channel");
    assertError(get("/open311/v2/requests/CS0000000000.json"), 404, "was not found");
    assertError(get("/open311/v2/requests/nonsense.xml"), 404, "was not found");
    assertError(get("/open311/v2/tokens/12345.json"), 404, "service_request_id at once");
    assertError(get("/open311/v2/services.html"), 404, ".json or .xml");
    assertError(get("/open311/v2/requests.json", "X-API-Key", forged), 403, "Invalid api_key");

    HttpResponse<String> asJson = http.send(HttpRequest.newBuilder(tracker.baseUri().resolve("/open311/v2/requests.json"))
        .header("X-API-Key", kiosk).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"service_code\": \"TAX\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertError(new Answer(asJson), 415, "application/x-www-form-urlencoded");
    Map<String, String> huge = appeal("TAX", "430104", "超长");
    huge.put("description", "长".repeat(30_000));
    HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(tracker.baseUri().resolve("/open311/v2/requests.xml"))
        .header("X-API-Key", kiosk).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(encode(huge).getBytes(StandardCharsets.UTF_8))))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).as("the size limit holds without a declared length").isEqualTo(413);
    assertThat(chunked.body()).contains("<errors>");
    HttpResponse<String> notUtf8 = http.send(HttpRequest.newBuilder(tracker.baseUri().resolve("/open311/v2/requests.json"))
        .header("X-API-Key", kiosk).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("service_code=TAX&description=%C3%28")).build(), HttpResponse.BodyHandlers.ofString());
    assertError(new Answer(notUtf8), 400, "UTF-8");
  }

  /**
   * No Java Open311 client resolves from Maven Central here (org.codeforamerica.open311:jreport
   * does not), so this calls the way that library does: an Accept and a Content-Type header on
   * every GET, and dates read with Joda's dateTimeNoMillis, which takes no fractions of a second.
   */
  @Test
  void aLibraryStyleClientGetsWhatItParses() throws Exception {
    String trackingNumber = id(post("/open311/v2/requests.xml", appeal("FINANCING", "430181", "融资对接"),
        "X-API-Key", tracker.key("kiosk-01")));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(tracker.baseUri().resolve(
            "/open311/v2/requests/" + trackingNumber + ".xml?jurisdiction_id=changsha.gov.cn"))
        .header("Accept", "text/xml").header("Content-Type", "text/xml").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    Element request = (Element) new Answer(response).xml().getElementsByTagName("request").item(0);
    DateTimeFormatter noMillis = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    for (String field : List.of("requested_datetime", "updated_datetime", "expected_datetime")) {
      String text = request.getElementsByTagName(field).item(0).getTextContent();
      assertThat(OffsetDateTime.parse(text, noMillis).getOffset()).as(field).isEqualTo(ZoneOffset.ofHours(8));
    }
    assertThat(request.getElementsByTagName("service_request_id").item(0).getTextContent()).isEqualTo(trackingNumber);
  }

  /** The schema checks above would pass on anything if the schemas were not read as meant. */
  @Test
  void theSchemasRefuseWhatTheStandardDoesNot() {
    assertThat(invalid("services.json", "[{\"service_code\": \"TAX\", \"metadata\": true, \"type\": \"realtime\"}]"))
        .as("service_name missing").isNotEmpty();
    assertThat(invalid("requests.json", "[{\"service_request_id\": \"CS1\", \"status\": \"pending\", \"service_code\": \"TAX\","
        + " \"requested_datetime\": \"2026-11-27T10:00:00+08:00\"}]")).as("a status that is neither open nor closed").isNotEmpty();
    assertThat(invalid("service-definition.json", "{\"service_code\": \"TAX\", \"attributes\": [{\"variable\": true,"
        + " \"code\": \"district\", \"datatype\": \"dropdown\", \"required\": true}]}")).as("an unknown datatype").isNotEmpty();
    assertThat(invalid("post-response.json", "[{\"service_request_id\": 7}]")).as("an id that is not a string").isNotEmpty();
    assertThat(invalid("errors.json", "[{\"code\": 400}]")).as("no description").isNotEmpty();
    assertThat(invalid("discovery.json", "{\"changeset\": \"x\", \"contact\": \"y\", \"endpoints\": []}")).as("no key_service").isNotEmpty();
  }

  // ---------------------------------------------------------------------------------------------

  private static List<?> invalid(String schemaFile, String document) {
    return schemas.getSchema(SchemaLocation.of("classpath:open311/" + schemaFile)).validate(document, InputFormat.JSON);
  }

  /** A complete form for one appeal; the words are unique, so only a retry of this form is the same appeal. */
  private static Map<String, String> appeal(String serviceCode, String district, String subject) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("service_code", serviceCode);
    form.put("attribute[district]", district);
    form.put("attribute[enterprise_name]", "湖南艾科瑞生物工程有限公司");
    form.put("attribute[credit_code]", "91350100M000100Y43");
    form.put("attribute[contact_name]", "李经理");
    form.put("attribute[contact_phone]", "13800000000");
    form.put("description", subject + " " + UUID.randomUUID().toString().substring(0, 8) + "\n请相关部门协助解决企业经营中遇到的问题。");
    return form;
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String w3(OffsetDateTime time) {
    return URLEncoder.encode(time.truncatedTo(ChronoUnit.SECONDS).toString(), StandardCharsets.UTF_8);
  }

  private static String id(Answer filed) {
    assertThat(filed.status()).as(filed.body()).isEqualTo(200);
    return filed.body().startsWith("<")
        ? filed.xml().getElementsByTagName("service_request_id").item(0).getTextContent()
        : filed.json().get(0).path("service_request_id").asString();
  }

  private static List<String> ids(Answer found) {
    assertThat(found.status()).as(found.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    found.json().forEach(r -> ids.add(r.path("service_request_id").asString()));
    return ids;
  }

  private static JsonNode find(JsonNode list, String field, String value) {
    for (JsonNode item : list) {
      if (item.path(field).asString().equals(value)) {
        return item;
      }
    }
    throw new AssertionError("No item with " + field + " = " + value + " in " + list);
  }

  record Answer(int status, String contentType, String body) {
    Answer(HttpResponse<String> response) {
      this(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    JsonNode json() {
      return Open311Test.json.readTree(body);
    }

    Element xml() {
      try {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
      } catch (Exception e) {
        throw new AssertionError("Not XML: " + body, e);
      }
    }
  }

  private static Answer get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(tracker.baseUri().resolve(path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return new Answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
  }

  private static Answer post(String path, Map<String, String> form, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(tracker.baseUri().resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return new Answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
  }

  private static void assertError(Answer answer, int status, String saying) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    List<String> descriptions = new ArrayList<>();
    if (answer.body().startsWith("<")) {
      Element errors = answer.xml();
      assertThat(errors.getTagName()).isEqualTo("errors");
      assertThat(errors.getElementsByTagName("code").item(0).getTextContent()).isEqualTo(String.valueOf(status));
      assertThat(answer.contentType()).isEqualTo("text/xml;charset=UTF-8");
      for (int i = 0; i < errors.getElementsByTagName("description").getLength(); i++) {
        descriptions.add(errors.getElementsByTagName("description").item(i).getTextContent());
      }
    } else {
      assertValid("errors.json", answer);
      assertThat(answer.contentType()).isEqualTo("application/json;charset=UTF-8");
      answer.json().forEach(e -> descriptions.add(e.path("description").asString()));
    }
    assertThat(String.join("\n", descriptions)).contains(saying);
  }

  private static void assertValid(String schemaFile, Answer answer) {
    Schema schema = schemas.getSchema(SchemaLocation.of("classpath:open311/" + schemaFile));
    assertThat(schema.validate(answer.body(), InputFormat.JSON)).as(schemaFile + " for " + answer.body()).isEmpty();
  }

  /**
   * The XML answer is the JSON one by the Spark convention the standard uses to derive JSON from
   * XML: an object's fields are child elements, a list's items are child elements of one name,
   * null is an empty element, and every scalar is the element's text.
   */
  private static void assertSameTree(Answer xml, String root, Answer json) {
    assertThat(xml.contentType()).isEqualTo("text/xml;charset=UTF-8");
    assertThat(xml.body()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    Element element = xml.xml();
    assertThat(element.getTagName()).isEqualTo(root);
    sameTree(element, json.json(), root);
  }

  private static void sameTree(Element xml, JsonNode json, String path) {
    List<Element> children = new ArrayList<>();
    for (Node child = xml.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        children.add(e);
      }
    }
    if (json.isArray()) {
      assertThat(children).as(path).hasSize(json.size());
      for (int i = 0; i < children.size(); i++) {
        sameTree(children.get(i), json.get(i), path + "/" + children.get(i).getTagName() + "[" + i + "]");
      }
    } else if (json.isObject()) {
      assertThat(children.stream().map(Element::getTagName).toList()).as(path).containsExactlyElementsOf(json.propertyNames());
      for (Element child : children) {
        sameTree(child, json.get(child.getTagName()), path + "/" + child.getTagName());
      }
    } else {
      assertThat(children).as(path).isEmpty();
      assertThat(xml.getTextContent()).as(path).isEqualTo(json.isNull() ? "" : json.asString());
    }
  }
}
