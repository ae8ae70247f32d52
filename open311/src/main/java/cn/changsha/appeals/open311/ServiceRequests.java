package cn.changsha.appeals.open311;

import cn.changsha.appeals.edge.security.Caller;
import cn.changsha.appeals.intake.Receipt;
import cn.changsha.appeals.intake.reference.ReferenceCatalog;
import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.streams.query.ReferenceQueries;
import cn.changsha.appeals.streams.view.AppealView;
import cn.changsha.appeals.streams.view.SlaView;
import cn.changsha.appeals.streams.view.Times;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Appeals as GeoReport v2 service requests: the tracking number is the {@code service_request_id},
 * the category the service, the holding department the agency responsible, the promised
 * resolution time the expected one. Times are Changsha's, to the second, with their offset, as
 * the standard's w3 format has them.
 */
@Component
final class ServiceRequests {

  private static final DateTimeFormatter W3 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
  private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ServiceCatalog catalog;
  private final ReferenceQueries reference;

  ServiceRequests(ServiceCatalog catalog, ReferenceQueries reference) {
    this.catalog = catalog;
    this.reference = reference;
  }

  Document list(List<AppealView> appeals, Caller caller) {
    return Document.list("service_requests", "request", appeals.stream().map(a -> request(a, caller)).toList());
  }

  /** The answer to a POST: the id at once (no token), the promise, and the receipt secret the enterprise signs in with. */
  Document filed(Receipt receipt) {
    String notice = receipt.routed()
        ? "已受理并交办" + departmentName(receipt.departmentId()) + ";承诺" + spoken(receipt.firstResponseDue()) + "前响应、"
            + spoken(receipt.resolutionDue()) + "前办结 / Received and assigned; first response by "
            + spoken(receipt.firstResponseDue()) + ", resolution by " + spoken(receipt.resolutionDue())
        : "已受理,正在交办 / Received, being assigned; GET requests/" + receipt.trackingNumber() + " shows the rest";
    return Document.list("service_requests", "request", List.of(new Document.Fields()
        .put("service_request_id", receipt.trackingNumber())
        .put("service_notice", notice)
        .put("receipt_secret", receipt.receiptSecret())));
  }

  private Document.Fields request(AppealView appeal, Caller caller) {
    boolean whole = Readers.readsWhole(caller, appeal);
    ReferenceCatalog.Entry category = catalog.category(appeal.category()).orElse(null);
    return new Document.Fields()
        .put("service_request_id", appeal.trackingNumber())
        .put("status", RequestStatus.of(appeal.status()).code())
        .put("status_notes", StatusNotes.of(appeal, whole))
        .put("service_name", category == null ? appeal.category() : category.name())
        .put("service_code", appeal.category())
        .put("description", whole ? appeal.description() : null)
        .put("agency_responsible", appeal.departmentId() == null ? null : departmentName(appeal.departmentId()))
        .put("service_notice", promise(appeal.sla()))
        .put("requested_datetime", w3(appeal.submittedAt()))
        .put("updated_datetime", w3(appeal.updatedAt()))
        .put("expected_datetime", appeal.sla() == null ? null : w3(appeal.sla().resolution().dueAt()))
        .put("address", catalog.district(appeal.district()).map(d -> d.name() + ", 长沙市").orElse(null));
  }

  private static String promise(SlaView sla) {
    if (sla == null) {
      return null;
    }
    return "承诺" + spoken(sla.firstResponse().dueAt()) + "前响应、" + spoken(sla.resolution().dueAt()) + "前办结 / First response by "
        + spoken(sla.firstResponse().dueAt()) + ", resolution by " + spoken(sla.resolution().dueAt());
  }

  private String departmentName(String departmentId) {
    return reference.department(departmentId).map(Department::getName).orElse(departmentId);
  }

  /** In Changsha's offset whatever offset the view came with: an appeal read from a peer arrives in UTC. */
  static String w3(OffsetDateTime time) {
    return time == null ? null : W3.format(time.atZoneSameInstant(Times.CHANGSHA));
  }

  private static String spoken(OffsetDateTime time) {
    return time == null ? "?" : SPOKEN.format(time.atZoneSameInstant(Times.CHANGSHA));
  }
}
