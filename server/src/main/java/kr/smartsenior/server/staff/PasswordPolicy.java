package kr.smartsenior.server.staff;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a staff password must be, for an office where accounts open health data: at least
 * {@value #MIN_LENGTH} characters, letters and at least one digit or symbol, not the user name, not
 * one character repeated and not on a short list of passwords everyone tries first. (NIST SP
 * 800-63B: length and a deny list, no forced periodic changes.)
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of("password1234", "password123!", "qwerty123456", "1q2w3e4r5t",
            "1q2w3e4r5t6y", "admin12345", "admin123456", "abcd123456", "abc1234567", "iloveyou123", "p@ssw0rd12",
            "welcome1234", "letmein1234", "a123456789", "qwer123456");

    private PasswordPolicy() {
    }

    /** The reason {@link #problem} gives, as a staff member reads it on the dashboard. */
    static String korean(String problem) {
        return switch (problem) {
            case "letters and at least one digit or symbol" -> "글자와 함께 숫자나 기호를 하나 이상 넣어 주세요";
            case "must not contain the user name" -> "비밀번호에 아이디를 넣지 마세요";
            case "too few different characters" -> "서로 다른 글자를 4개 이상 넣어 주세요";
            case "too common; choose another" -> "너무 흔한 비밀번호입니다. 다른 것을 골라 주세요";
            case "no control characters" -> "특수 제어 문자는 쓸 수 없습니다";
            default -> problem.startsWith("at most") ? "비밀번호는 " + MAX_LENGTH + "자 이하로 해 주세요"
                    : "비밀번호는 " + MIN_LENGTH + "자 이상으로 해 주세요";
        };
    }

    /** Why the password is not acceptable, or empty if it is. */
    static Optional<String> problem(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("at most " + MAX_LENGTH + " characters");
        }
        if (password.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("no control characters");
        }
        boolean letter = password.codePoints().anyMatch(Character::isLetter);
        boolean other = password.codePoints().anyMatch(c -> !Character.isLetter(c));
        if (!letter || !other) {
            return Optional.of("letters and at least one digit or symbol");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not contain the user name");
        }
        if (password.codePoints().distinct().count() < 4) {
            return Optional.of("too few different characters");
        }
        if (COMMON.contains(lower)) {
            return Optional.of("too common; choose another");
        }
        return Optional.empty();
    }
}
