package kr.smartsenior.server.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import kr.smartsenior.protocol.Topics;

/** Checks {@link ProtocolId}; null is invalid too. */
final class ProtocolIdValidator implements ConstraintValidator<ProtocolId, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return Topics.isValidId(value);
    }
}
