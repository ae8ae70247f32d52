package cn.changsha.appeals.intake.validation;

import cn.changsha.appeals.intake.reference.ReferenceCatalog;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;
import java.util.TreeSet;

/** A district or category code that the reference catalog knows. Null is left to @NotBlank. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = InCatalog.Validator.class)
public @interface InCatalog {

  Kind value();

  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  enum Kind { DISTRICT, CATEGORY }

  /** Spring builds constraint validators as beans, so the catalog is injected. */
  final class Validator implements ConstraintValidator<InCatalog, String> {
    private final ReferenceCatalog catalog;
    private Set<String> known;

    public Validator(ReferenceCatalog catalog) {
      this.catalog = catalog;
    }

    @Override
    public void initialize(InCatalog annotation) {
      known = new TreeSet<>(annotation.value() == Kind.DISTRICT ? catalog.districtCodes() : catalog.categoryCodes());
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || known.contains(value)) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate("must be one of " + known).addConstraintViolation();
      return false;
    }
  }
}
