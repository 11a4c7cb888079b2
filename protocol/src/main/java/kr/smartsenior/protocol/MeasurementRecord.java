package kr.smartsenior.protocol;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One result a kiosk recorded: a fitness test or an exercise session.
 *
 * <p>The id is made once, on the kiosk, and never changes; the server stores each id at most once,
 * so a redelivered record is harmless. {@code kind}, {@code code} and {@code unit} are kept as the
 * wire text so that a record with an unknown code can still be read and rejected by name.
 *
 * @param id       made on the kiosk, stable across re-sends
 * @param memberId the senior (an opaque registry id, never a name)
 * @param kind     {@code test} or {@code exercise}
 * @param code     a {@link MeasurementCode} name
 * @param value    the result in {@code unit}
 * @param unit     the unit's wire name
 * @param takenAt  when it was measured, with the kiosk's offset
 * @param detail   protocol-specific extras (per-repetition times, program level, ...); never null
 */
public record MeasurementRecord(
        UUID id,
        String memberId,
        String kind,
        String code,
        BigDecimal value,
        String unit,
        OffsetDateTime takenAt,
        Map<String, Object> detail) {

    public MeasurementRecord {
        // JSON null values are legal inside detail, so no Map.copyOf (it refuses nulls)
        detail = detail == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }

    /** A new record for a catalogue code, with a fresh id and the code's own kind and unit. */
    public static MeasurementRecord of(
            String memberId, MeasurementCode code, BigDecimal value, OffsetDateTime takenAt, Map<String, Object> detail) {
        Objects.requireNonNull(code, "code");
        return new MeasurementRecord(UUID.randomUUID(), memberId, code.kind().wireName(), code.name(), value,
                code.unit().wireName(), takenAt, detail);
    }
}
