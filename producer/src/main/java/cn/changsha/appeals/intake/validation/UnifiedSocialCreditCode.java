package cn.changsha.appeals.intake.validation;

import cn.changsha.appeals.kiosk.CreditCodes;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An 18-character unified social credit code whose check character is right. Null is left to @NotBlank. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = UnifiedSocialCreditCode.Validator.class)
public @interface UnifiedSocialCreditCode {

  String message() default "must be an 18-character unified social credit code (GB 32100-2015) with a valid check character";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  final class Validator implements ConstraintValidator<UnifiedSocialCreditCode, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || CreditCodes.isValid(value);
    }
  }
}
