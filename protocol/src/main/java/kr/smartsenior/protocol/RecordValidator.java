package kr.smartsenior.protocol;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a record against the catalogue: known code, matching kind and unit, a plausible value and
 * a believable time. Answers with the first problem in words a person can act on, for example
 * {@code CHAIR_STAND_30S value 240 outside 0..60}.
 */
public final class RecordValidator {

    /** A kiosk clock may run ahead a little; a day ahead is a broken clock, not a result. */
    public static final Duration MAX_CLOCK_AHEAD = Duration.ofHours(24);
    /** A Raspberry Pi has no battery clock: before NTP it may believe it is 1970. */
    public static final OffsetDateTime EARLIEST = OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private static final Pattern MEMBER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private RecordValidator() {
    }

    /** Whether the text can be a member id (opaque letters, digits, '-' and '_', at most 64). */
    public static boolean isValidMemberId(String memberId) {
        return memberId != null && MEMBER_ID.matcher(memberId).matches();
    }

    /** The first problem with the record, or empty if it may be stored. */
    public static Optional<String> problem(MeasurementRecord record, Instant now) {
        if (record.id() == null) {
            return Optional.of("id missing");
        }
        if (!isValidMemberId(record.memberId())) {
            return Optional.of(record.memberId() == null ? "memberId missing" : "memberId is not a valid member id");
        }
        RecordKind kind = RecordKind.fromWire(record.kind());
        if (kind == null) {
            return Optional.of("kind '" + clip(record.kind()) + "' is not test, exercise or check");
        }
        Optional<MeasurementCode> found = MeasurementCode.fromWire(record.code());
        if (found.isEmpty()) {
            return Optional.of("code '" + clip(record.code()) + "' is unknown");
        }
        MeasurementCode code = found.get();
        if (code.kind() != kind) {
            return Optional.of(code + " is a " + code.kind().wireName() + ", not " + kind.wireName());
        }
        if (!code.unit().wireName().equals(record.unit())) {
            return Optional.of(code + " unit '" + clip(record.unit()) + "' should be '" + code.unit().wireName() + "'");
        }
        BigDecimal value = record.value();
        if (value == null) {
            return Optional.of(code + " value missing");
        }
        if (value.compareTo(code.min()) < 0 || value.compareTo(code.max()) > 0) {
            return Optional.of(code + " value " + value.toPlainString() + " outside "
                    + code.min().toPlainString() + ".." + code.max().toPlainString());
        }
        if (code.unit() == Unit.COUNT && value.stripTrailingZeros().scale() > 0) {
            return Optional.of(code + " value " + value.toPlainString() + " is not a whole count");
        }
        OffsetDateTime takenAt = record.takenAt();
        if (takenAt == null) {
            return Optional.of("takenAt missing");
        }
        if (takenAt.isBefore(EARLIEST)) {
            return Optional.of("takenAt " + takenAt + " is before " + EARLIEST.toLocalDate() + " (kiosk clock not set?)");
        }
        if (takenAt.toInstant().isAfter(now.plus(MAX_CLOCK_AHEAD))) {
            return Optional.of("takenAt " + takenAt + " is more than 24 h in the future");
        }
        return Optional.empty();
    }

    /** Keeps hostile text short and printable before it goes into a reason or a log. */
    static String clip(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(40).forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return text.codePointCount(0, text.length()) > 40 ? out + "…" : out.toString();
    }
}
