package cn.changsha.appeals.intake;

import cn.changsha.appeals.intake.validation.InCatalog;
import cn.changsha.appeals.intake.validation.UnifiedSocialCreditCode;
import cn.changsha.appeals.schema.Priority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/appeals}, as a kiosk or web form sends it. */
public record AppealRequest(
    @NotNull @Valid EnterpriseRequest enterprise,
    @NotBlank @InCatalog(InCatalog.Kind.DISTRICT) String district,
    @NotBlank @InCatalog(InCatalog.Kind.CATEGORY) String category,
    @NotBlank @Size(min = 2, max = 100) String title,
    @NotBlank @Size(min = 5, max = 4000) String description,
    @NotBlank @Pattern(regexp = "KIOSK|WEB|HOTLINE|RECEPTION_DAY|OTHER",
        message = "must be one of KIOSK, WEB, HOTLINE, RECEPTION_DAY, OTHER") String channel,
    @Pattern(regexp = "NORMAL|URGENT", message = "must be NORMAL or URGENT; green-card holders are recognised by enterprise.greenCard")
        String priority) {

  public record EnterpriseRequest(
      @NotBlank @Size(max = 100) String name,
      @NotBlank @UnifiedSocialCreditCode String creditCode,
      @NotBlank @Size(max = 50) String contactName,
      @NotBlank @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}",
          message = "must be a mainland mobile (11 digits) or landline number with area code") String contactPhone,
      @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9-]+", message = "must be letters, digits and '-'") String greenCard) {}

  /** Everything that makes two requests the same request, for telling a retry from a reused key. */
  public String canonical() {
    return String.join("\u0001", enterprise.name(), enterprise.creditCode(), enterprise.contactName(),
        enterprise.contactPhone(), String.valueOf(enterprise.greenCard()), district, category, title, description, channel,
        priorityLane().name());
  }

  /** Urgent if the intake says so, else the green-card lane for card holders, else normal. */
  public Priority priorityLane() {
    if ("URGENT".equals(priority)) {
      return Priority.URGENT;
    }
    return enterprise.greenCard() != null && !enterprise.greenCard().isBlank() ? Priority.GREEN_CARD : Priority.NORMAL;
  }
}
