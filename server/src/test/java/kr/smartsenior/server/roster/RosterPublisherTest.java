package kr.smartsenior.server.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import kr.smartsenior.protocol.BandCutoffs;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MemberResults;
import kr.smartsenior.protocol.RecentResults;
import kr.smartsenior.protocol.Roster;
import kr.smartsenior.protocol.RosterEntry;
import org.junit.jupiter.api.Test;

/** A roster too large for the protocol gives up results before anything a kiosk needs to identify a member. */
class RosterPublisherTest {

    private static final MemberResults RESULTS = new MemberResults(2026, List.of(new BandCutoffs(
            MeasurementCode.CHAIR_STAND_30S, "chair-stand-30s/2", false, new BigDecimal("12"), new BigDecimal("18"), null)),
            List.of(new RecentResults(MeasurementCode.CHAIR_STAND_30S, "chair-stand-30s/2", RecentResults.Trend.STEADY,
                    java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(d -> new RecentResults.Result(
                            LocalDate.of(2026, 11, d), BigDecimal.valueOf(10 + d), null)).toList())));
    private static final Roster ROSTER = new Roster("ydp-01", 9, OffsetDateTime.parse("2026-12-05T01:00:00Z"),
            List.of(new RosterEntry("M7K2Q9XD4T", "김순자", "ab", 2, KioskPrescription.NONE, RESULTS)));

    @Test
    void fewerResultsThenTheCutOffsOnlyThenNoneAndEverythingElseKept() {
        assertThat(RosterPublisher.RESULTS_KEPT_WHEN_LARGE).containsExactly(3, 1, 0, -1);
        RosterEntry three = RosterPublisher.keepingLatest(ROSTER, 3).members().getFirst();
        assertThat(three.results().recent().getFirst().results()).extracting(r -> r.value().intValue())
                .containsExactly(13, 14, 15);
        RosterEntry cutoffs = RosterPublisher.keepingLatest(ROSTER, 0).members().getFirst();
        assertThat(cutoffs.results().bands()).isEqualTo(RESULTS.bands());
        assertThat(cutoffs.results().recent()).isEmpty();
        Roster none = RosterPublisher.keepingLatest(ROSTER, -1);
        assertThat(none.members().getFirst().results()).isEqualTo(MemberResults.NONE);
        assertThat(none.members().getFirst()).isEqualTo(new RosterEntry("M7K2Q9XD4T", "김순자", "ab", 2,
                KioskPrescription.NONE));
        assertThat(none.version()).isEqualTo(ROSTER.version());
    }
}
