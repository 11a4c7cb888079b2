package kr.smartsenior.server.member;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Korean telephone numbers as people type them (with or without hyphens, spaces or dots), written
 * back in the usual hyphenated form: mobile {@code 010-1234-5678} (and the old 011/016/017/018/019),
 * Seoul {@code 02-123-4567}/{@code 02-1234-5678}, other areas {@code 031-123-4567} (031–064),
 * internet phones {@code 070-1234-5678}, and a business's representative number {@code 1588-1234}.
 * A number is personal data: never log it.
 */
final class PhoneNumbers {

    /** The Korean sentence a form shows for a number that is not one of these. */
    static final String PROBLEM = "전화번호는 010-1234-5678, 02-123-4567처럼 숫자와 -로 적어 주세요";

    private static final Pattern MOBILE = Pattern.compile("(010)(\\d{4})(\\d{4})");
    private static final Pattern OLD_MOBILE = Pattern.compile("(01[16789])(\\d{3,4})(\\d{4})");
    private static final Pattern SEOUL = Pattern.compile("(02)(\\d{3,4})(\\d{4})");
    private static final Pattern AREA = Pattern.compile("(0(?:3[1-3]|4[1-4]|5[1-5]|6[1-4]|70))(\\d{3,4})(\\d{4})");
    private static final Pattern REPRESENTATIVE = Pattern.compile("(1[5689]\\d{2})(\\d{4})");
    private static final Pattern TYPED = Pattern.compile("[0-9][0-9 .\\-]{6,16}[0-9]");

    private PhoneNumbers() {
    }

    /** The number in hyphenated form, or empty when it is not a Korean number. */
    static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String text = typed.strip();
        if (!TYPED.matcher(text).matches()) {
            return Optional.empty();
        }
        String digits = text.replaceAll("[ .\\-]", "");
        for (Pattern pattern : new Pattern[] {MOBILE, OLD_MOBILE, SEOUL, AREA, REPRESENTATIVE}) {
            Matcher m = pattern.matcher(digits);
            if (m.matches()) {
                StringBuilder out = new StringBuilder(m.group(1));
                for (int g = 2; g <= m.groupCount(); g++) {
                    out.append('-').append(m.group(g));
                }
                return Optional.of(out.toString());
            }
        }
        return Optional.empty();
    }
}
