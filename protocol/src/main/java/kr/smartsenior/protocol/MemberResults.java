package kr.smartsenior.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the server tells a member's kiosk about their tests, carried in the roster
 * ({@link RosterEntry#results()}): the cut-offs it grades each test by this year ({@link BandCutoffs}),
 * so the result screen gives the server's band, and the latest results per test with their bands and
 * trend ({@link RecentResults}) for "내 기록". No age, birth year or sex: only cut-offs and results.
 * {@link #NONE} (on the wire: the field left out) means the server sent nothing: no band, no history.
 *
 * <pre>{@code
 * {"year": 2026,
 *  "bands": [{"code": "CHAIR_STAND_30S", "protocol": "chair-stand-30s/2", "withinAt": 12, "aboveAt": 18}],
 *  "recent": [{"code": "CHAIR_STAND_30S", "protocol": "chair-stand-30s/2", "trend": "STEADY", "results": [...]}]}
 * }</pre>
 *
 * <p>Read leniently ({@link MemberResultsReader}): a test this build does not know, or an entry it cannot
 * read, is left out (no band is shown rather than a wrong one); at most one entry per test.
 *
 * @param year   the calendar year the cut-offs are for (the server grades by age in whole years: the year
 *               of the result minus the birth year), so a result of another year gets no band
 * @param bands  the cut-offs per graded test
 * @param recent the latest results per test
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonDeserialize(using = MemberResultsReader.class)
public record MemberResults(@JsonInclude(JsonInclude.Include.NON_DEFAULT) int year, List<BandCutoffs> bands,
        List<RecentResults> recent) {

    /** Nothing from the server: no band on the result screen, no history in "내 기록". */
    public static final MemberResults NONE = new MemberResults(0, List.of(), List.of());

    public MemberResults {
        bands = bands == null ? List.of() : List.copyOf(bands);
        recent = recent == null ? List.of() : List.copyOf(recent);
    }

    /**
     * The band the server gives this result: empty when the roster has no cut-offs for the test, the
     * result was taken by another procedure than the norm's, or in another year than the cut-offs'.
     *
     * @param protocolId the record's {@code detail.protocol} (null: the catalogue's procedure, as the server
     *                   reads it)
     * @param day        the day the result was taken (the kiosk's date)
     */
    public Optional<ResultBand> band(MeasurementCode code, BigDecimal value, Object protocolId, LocalDate day) {
        if (day == null || day.getYear() != year || value == null) {
            return Optional.empty();
        }
        Optional<BandCutoffs> cutoffs = bands.stream().filter(b -> b.code() == code).findFirst();
        if (cutoffs.isEmpty() || !takenBy(cutoffs.get(), protocolId)) {
            return Optional.empty();
        }
        return Optional.of(cutoffs.get().band(value));
    }

    /** The latest results of a test, if the server sent any. */
    public Optional<RecentResults> recent(MeasurementCode code) {
        return recent.stream().filter(r -> r.code() == code).findFirst();
    }

    /**
     * The same with at most {@code latest} results per test (0: no recent results, only the cut-offs): what
     * the server sends when a site's roster would otherwise be too large for the protocol.
     */
    public MemberResults keepingLatest(int latest) {
        if (latest <= 0) {
            return new MemberResults(year, bands, List.of());
        }
        return new MemberResults(year, bands, recent.stream().map(r -> new RecentResults(r.code(), r.protocol(),
                r.trend(), r.results().subList(Math.max(0, r.results().size() - latest), r.results().size()))).toList());
    }

    @JsonIgnore
    public boolean isNone() {
        return bands.isEmpty() && recent.isEmpty();
    }

    private static boolean takenBy(BandCutoffs cutoffs, Object protocolId) {
        return switch (MeasurementProtocol.read(protocolId)) {
            case MeasurementProtocol.Reading.Absent absent ->
                    MeasurementProtocol.of(cutoffs.code()).id().equals(cutoffs.protocol());
            case MeasurementProtocol.Reading.Known known -> known.protocol().id().equals(cutoffs.protocol());
            default -> false;
        };
    }

    /** Jackson's filter that leaves {@link #NONE} out of a roster entry. */
    static final class LeftOutWhenNone {

        @Override
        public boolean equals(Object other) {
            return other == null || other instanceof MemberResults results && results.year == 0 && results.isNone();
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
