package kr.smartsenior.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link MemberResults} entry by entry, so one bad entry costs only itself: cut-offs of a test this
 * build does not know, or that cannot be read, are left out (that test then shows no band, never a wrong
 * one); a result that cannot be read is left out of its test's list; an unknown trend reads as not called
 * and an unknown band as none. Anything that is not an object reads as {@link MemberResults#NONE}.
 * Unknown fields are ignored.
 */
final class MemberResultsReader extends StdDeserializer<MemberResults> {

    private static final Logger log = LoggerFactory.getLogger(MemberResultsReader.class);

    MemberResultsReader() {
        super(MemberResults.class);
    }

    @Override
    public MemberResults deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return read(parser.readValueAsTree());
    }

    @Override
    public MemberResults getNullValue(DeserializationContext context) {
        return MemberResults.NONE;
    }

    static MemberResults read(JsonNode node) {
        if (node == null || !node.isObject()) {
            return MemberResults.NONE;
        }
        JsonNode year = node.path("year");
        int y = year.isIntegralNumber() && year.canConvertToInt() ? year.intValue() : 0;
        List<BandCutoffs> bands = new ArrayList<>();
        Set<MeasurementCode> banded = EnumSet.noneOf(MeasurementCode.class);
        for (JsonNode entry : elements(node, "bands")) {
            cutoffs(entry).filter(b -> banded.add(b.code())).ifPresent(bands::add);
        }
        List<RecentResults> recent = new ArrayList<>();
        Set<MeasurementCode> listed = EnumSet.noneOf(MeasurementCode.class);
        for (JsonNode entry : elements(node, "recent")) {
            recent(entry).filter(r -> listed.add(r.code())).ifPresent(recent::add);
        }
        return new MemberResults(y, bands, recent);
    }

    private static Optional<BandCutoffs> cutoffs(JsonNode entry) {
        Optional<MeasurementCode> code = code(entry);
        BigDecimal withinAt = number(entry.path("withinAt"));
        JsonNode lower = entry.path("lowerIsBetter");
        if (code.isEmpty() || !entry.path("protocol").isTextual() || withinAt == null
                || !(lower.isMissingNode() || lower.isBoolean())) {
            log.warn("grade cut-offs for '{}' this kiosk cannot read; that test shows no band", label(entry));
            return Optional.empty();
        }
        try {
            return Optional.of(new BandCutoffs(code.get(), entry.path("protocol").textValue(),
                    lower.booleanValue(), withinAt, number(entry.path("aboveAt")),
                    number(entry.path("aboveBeyond"))));
        } catch (IllegalArgumentException e) {
            log.warn("grade cut-offs for {} out of order; that test shows no band", code.get());
            return Optional.empty();
        }
    }

    private static Optional<RecentResults> recent(JsonNode entry) {
        Optional<MeasurementCode> code = code(entry);
        if (code.isEmpty()) {
            log.warn("recent results of '{}' this kiosk does not know; left out", label(entry));
            return Optional.empty();
        }
        List<RecentResults.Result> results = new ArrayList<>();
        for (JsonNode result : elements(entry, "results")) {
            // [day, value, band]; extra elements a newer server adds are ignored
            LocalDate day = day(result.path(0));
            BigDecimal value = number(result.path(1));
            if (result.isArray() && day != null && value != null) {
                results.add(new RecentResults.Result(day, value, result.path(2).isTextual()
                        ? ResultBand.fromWire(result.path(2).textValue()) : null));
            }
        }
        return Optional.of(new RecentResults(code.get(),
                entry.path("protocol").isTextual() ? entry.path("protocol").textValue() : null,
                RecentResults.Trend.fromWire(entry.path("trend").isTextual() ? entry.path("trend").textValue() : null),
                results));
    }

    private static Optional<MeasurementCode> code(JsonNode entry) {
        return MeasurementCode.fromWire(entry.path("code").isTextual() ? entry.path("code").textValue() : null)
                .filter(c -> c.kind() == RecordKind.TEST);
    }

    private static BigDecimal number(JsonNode value) {
        return value.isNumber() ? value.decimalValue() : null;
    }

    private static LocalDate day(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return LocalDate.parse(value.textValue());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Iterable<JsonNode> elements(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isArray() ? value : List.of();
    }

    private static String label(JsonNode entry) {
        return entry.path("code").isTextual() ? RecordValidator.clip(entry.path("code").textValue()) : "(none)";
    }
}
