package kr.smartsenior.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@link KioskPrescription} entry by entry, so that one bad entry costs only itself: a
 * program this build does not know or cannot read is left out (it is then not offered), a
 * restriction it cannot read becomes {@link RestrictionCode#UNKNOWN} (the safe side), a line that
 * is not text is dropped. A prescription that is not an object at all reads as
 * {@link KioskPrescription#NONE}. Unknown fields are ignored.
 */
final class PrescriptionReader extends StdDeserializer<KioskPrescription> {

    private static final Logger log = LoggerFactory.getLogger(PrescriptionReader.class);

    PrescriptionReader() {
        super(KioskPrescription.class);
    }

    @Override
    public KioskPrescription deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = parser.readValueAsTree();
        return read(node);
    }

    @Override
    public KioskPrescription getNullValue(DeserializationContext context) {
        return KioskPrescription.NONE;
    }

    static KioskPrescription read(JsonNode node) {
        if (node == null || !node.isObject()) {
            if (node != null && !node.isNull()) {
                log.warn("a prescription that is not a JSON object; read as none");
            }
            return KioskPrescription.NONE;
        }
        long version = node.path("version").canConvertToLong() && node.path("version").isIntegralNumber()
                ? node.path("version").longValue() : 0;
        OffsetDateTime issuedAt = time(node.path("issuedAt"));
        List<String> lines = new ArrayList<>();
        for (JsonNode line : elements(node, "lines")) {
            if (line.isTextual()) {
                lines.add(line.textValue());
            }
        }
        List<KioskPrescription.Program> programs = new ArrayList<>();
        for (JsonNode entry : elements(node, "programs")) {
            program(entry).ifPresent(programs::add);
        }
        List<KioskPrescription.Restriction> restrictions = new ArrayList<>();
        for (JsonNode entry : elements(node, "restrictions")) {
            restrictions.add(restriction(entry));
        }
        if (node.has("restrictions") && !node.get("restrictions").isArray()) {
            log.warn("the prescription's restrictions are not a list; read as one unknown restriction");
            restrictions.add(new KioskPrescription.Restriction(RestrictionCode.UNKNOWN, ""));
        }
        return new KioskPrescription(version, issuedAt, lines, programs, restrictions);
    }

    private static Optional<KioskPrescription.Program> program(JsonNode entry) {
        String code = entry.path("code").isTextual() ? entry.path("code").textValue() : null;
        Optional<MeasurementCode> program = MeasurementCode.fromWire(code);
        JsonNode level = entry.path("level");
        if (program.isEmpty() || program.get().kind() != RecordKind.EXERCISE) {
            log.warn("a prescribed program '{}' this kiosk does not know; left out", clip(code));
            return Optional.empty();
        }
        if (!level.isIntegralNumber() || level.intValue() < 1 || level.intValue() > RestrictionCode.MAX_LEVEL) {
            log.warn("prescribed {} without a level of 1-{}; left out", code, RestrictionCode.MAX_LEVEL);
            return Optional.empty();
        }
        return Optional.of(new KioskPrescription.Program(program.get(),
                entry.path("name").isTextual() ? entry.path("name").textValue() : null, level.intValue(),
                whole(entry.path("minutes")), whole(entry.path("perWeek"))));
    }

    private static KioskPrescription.Restriction restriction(JsonNode entry) {
        String code = entry.path("code").isTextual() ? entry.path("code").textValue() : null;
        RestrictionCode known = RestrictionCode.fromWire(code);
        if (known == RestrictionCode.UNKNOWN) {
            log.warn("a restriction '{}' this kiosk does not know; treated as low intensity with support", clip(code));
        }
        return new KioskPrescription.Restriction(known, entry.path("text").isTextual() ? entry.path("text").textValue()
                : "");
    }

    private static Iterable<JsonNode> elements(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isArray() ? value : List.of();
    }

    private static int whole(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToInt() ? value.intValue() : 0;
    }

    private static OffsetDateTime time(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.textValue());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String clip(String text) {
        return text == null ? "(none)" : RecordValidator.clip(text);
    }
}
