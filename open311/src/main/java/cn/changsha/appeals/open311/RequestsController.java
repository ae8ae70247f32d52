package cn.changsha.appeals.open311;

import cn.changsha.appeals.edge.security.Caller;
import cn.changsha.appeals.intake.AppealIntake;
import cn.changsha.appeals.intake.AppealRequest;
import cn.changsha.appeals.intake.gateway.CommandGateway.CommandNotRecordedException;
import cn.changsha.appeals.query.AppealQueries;
import cn.changsha.appeals.schema.CommandOutcome;
import cn.changsha.appeals.streams.AppealIds;
import cn.changsha.appeals.streams.view.AppealView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Service requests: filed as ordinary appeals (the same validation, intake, routing, SLAs and
 * queues as {@code /api/appeals}) and read back as much as the reader may see.
 */
@RestController
final class RequestsController {

  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final AppealIntake intake;
  private final AppealQueries appeals;
  private final ServiceCatalog catalog;
  private final ServiceRequests requests;
  private final Jurisdiction jurisdiction;
  private final Validator validator;
  private final Clock clock;

  RequestsController(AppealIntake intake, AppealQueries appeals, ServiceCatalog catalog, ServiceRequests requests,
      Jurisdiction jurisdiction, Validator validator, Clock clock) {
    this.intake = intake;
    this.appeals = appeals;
    this.catalog = catalog;
    this.requests = requests;
    this.jurisdiction = jurisdiction;
    this.validator = validator;
    this.clock = clock;
  }

  @PostMapping("/open311/v2/requests.{format}")
  ResponseEntity<String> file(@PathVariable String format, @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key,
      @AuthenticationPrincipal Caller caller, HttpServletRequest http) {
    Format answer = Format.of(format);
    RequestForm form = new RequestForm(http.getParameterMap());
    jurisdiction.check(form.value("jurisdiction_id"));
    String serviceCode = form.value("service_code");
    if (serviceCode == null) {
      throw GeoReportException.badRequest("service_code was not provided; GET services lists them");
    }
    catalog.known(serviceCode);
    if (key != null && !AppealIntake.isIdempotencyKey(key)) {
      throw GeoReportException.badRequest(IDEMPOTENCY_KEY + " must be 8-128 letters, digits or . _ : - (a UUID is best)");
    }
    AppealRequest appeal = form.appeal(serviceCode);
    Set<ConstraintViolation<AppealRequest>> violations = validator.validate(appeal);
    if (!violations.isEmpty()) {
      throw GeoReportException.badRequest(RequestForm.errors(violations));
    }
    AppealIntake.Filing filing;
    try {
      filing = intake.file(caller, key != null ? key : RetryKey.of(caller, appeal), appeal);
    } catch (CommandNotRecordedException e) {
      throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Nothing was recorded: the log cannot be reached; retry later");
    }
    if (filing.refused()) {
      throw GeoReportException.badRequest(filing.refusal().getOutcome() == CommandOutcome.CONFLICT
          ? IDEMPOTENCY_KEY + " already used for a different request" : filing.refusal().getReason());
    }
    return answer.answer(requests.filed(filing.receipt()));
  }

  @GetMapping("/open311/v2/requests.{format}")
  ResponseEntity<String> search(@PathVariable String format, @AuthenticationPrincipal Caller caller, HttpServletRequest http) {
    Format answer = Format.of(format);
    jurisdiction.check(http.getParameter("jurisdiction_id"));
    RequestSearch search = RequestSearch.read(http::getParameter, catalog, clock.instant());
    List<AppealView> found = search.filter() == null
        ? search.trackingNumbers().stream().map(this::byTrackingNumber).flatMap(Optional::stream).toList()
        : appeals.matching(search.filter());
    return answer.answer(requests.list(found, caller));
  }

  @GetMapping("/open311/v2/requests/{serviceRequestId}.{format}")
  ResponseEntity<String> one(@PathVariable String serviceRequestId, @PathVariable String format,
      @AuthenticationPrincipal Caller caller, HttpServletRequest http) {
    Format answer = Format.of(format);
    jurisdiction.check(http.getParameter("jurisdiction_id"));
    AppealView appeal = byTrackingNumber(serviceRequestId.toUpperCase()).orElseThrow(() -> GeoReportException.notFound(
        "service_request_id " + GeoReportException.quoted(serviceRequestId) + " was not found"));
    return answer.answer(requests.list(List.of(appeal), caller));
  }

  /** Appeals get their id when filed, so there are never tokens to look up. */
  @GetMapping("/open311/v2/tokens/{token}.{format}")
  ResponseEntity<String> token(@PathVariable String token, @PathVariable String format) {
    Format.of(format);
    throw GeoReportException.notFound("No such token: requests are answered with their service_request_id at once");
  }

  private Optional<AppealView> byTrackingNumber(String trackingNumber) {
    return AppealIds.isTrackingNumber(trackingNumber) ? appeals.appeal(AppealIds.appealIdFor(trackingNumber)) : Optional.empty();
  }
}
