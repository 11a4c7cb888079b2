package kr.smartsenior.server.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementProtocol;
import kr.smartsenior.protocol.MemberResults;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.RecordDetail;
import kr.smartsenior.protocol.Roster;
import kr.smartsenior.protocol.RosterEntry;
import kr.smartsenior.protocol.contract.ContractExamples;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import org.junit.jupiter.api.Test;

/**
 * How large a site's roster of 100 members gets with the results (docs/benchmarks.md, decision 0027):
 * a usual site (the kiosk's four tests, five results each) fits the protocol's payload limit, which every
 * kiosk enforces; with the longest prescription for everybody and every test it does not, which is why
 * the publisher then sends fewer results ({@code RosterPublisher.RESULTS_KEPT_WHEN_LARGE}).
 */
class RosterSizeTest {

    static final int MEMBERS = 100;

    @Test
    void aUsualSiteFitsAndTheWorstFitsOnceTrimmed() {
        NormTables norms = new NormTables();
        KioskGrading grading = new KioskGrading(norms, new Grader(norms), null, null, null);
        ProtocolCodec codec = new ProtocolCodec();
        Senior senior = new Senior("M7K2Q9XD4T", "ydp-01", "김순자", 1950, "F");
        List<Result> results = new ArrayList<>();
        OffsetDateTime at = OffsetDateTime.parse("2026-01-05T10:15:00+09:00");
        for (MeasurementCode code : KioskGrading.LISTED) {
            for (int i = 0; i < 8; i++) {
                results.add(new Result(code.name(), "test", new BigDecimal(code == MeasurementCode.STEP_IN_PLACE_2MIN
                        ? "123" : "12.34"), at.plusWeeks(i), Map.of(RecordDetail.PROTOCOL,
                        MeasurementProtocol.of(code).id(), RecordDetail.HAND, "right")));
            }
        }
        MemberResults most = new MemberResults(2026, grading.cutoffs("F", 76), grading.recent(senior, results));
        KioskPrescription longest = golden(codec, "every-restriction");
        KioskPrescription usual = golden(codec, "clear-fit");
        MemberResults kioskTests = new MemberResults(2026, most.bands(), most.recent().stream()
                .filter(r -> r.code() != MeasurementCode.GRIP_STRENGTH && r.code() != MeasurementCode.SIT_AND_REACH).toList());
        int usualBytes = size(codec, usual, kioskTests);
        int noResults = size(codec, longest, MemberResults.NONE);
        int worst = size(codec, longest, most);
        int[] kept = {size(codec, longest, most.keepingLatest(3)), size(codec, longest, most.keepingLatest(1)),
                size(codec, longest, most.keepingLatest(0))};
        System.out.printf("roster of %d members: usual %d bytes (clear-fit prescription, the 4 kiosk tests x 5 results);"
                + " longest prescription: %d without results, %d with every test x 5, %d x 3, %d x 1, %d cut-offs only%n",
                MEMBERS, usualBytes, noResults, worst, kept[0], kept[1], kept[2]);
        assertThat(most.bands()).hasSize(KioskGrading.GRADED.size());
        assertThat(most.recent()).hasSize(KioskGrading.LISTED.size())
                .allSatisfy(r -> assertThat(r.results()).hasSize(5));
        assertThat(usualBytes).as("a usual site, every result").isLessThan(ProtocolCodec.MAX_PAYLOAD_BYTES);
        assertThat(worst).as("the worst case is why the publisher trims").isGreaterThan(ProtocolCodec.MAX_PAYLOAD_BYTES);
        assertThat(kept[2]).as("the worst case once trimmed to the cut-offs").isLessThan(ProtocolCodec.MAX_PAYLOAD_BYTES);
    }

    private static KioskPrescription golden(ProtocolCodec codec, String name) {
        return ((kr.smartsenior.protocol.Decoded.Ok<Roster>) codec.decodeRoster(("""
                {"siteId":"ydp-01","version":1,"members":[{"memberId":"M7K2Q9XD4T","displayName":"김","tokenHash":"0",
                 "cardVersion":1,"prescription":%s}]}""".formatted(new String(ContractExamples.read("prescriptions", name),
                java.nio.charset.StandardCharsets.UTF_8))).getBytes(java.nio.charset.StandardCharsets.UTF_8))).value()
                .members().getFirst().prescription();
    }

    /** A roster of {@link #MEMBERS} members with the longest name, a 64-character hash and these. */
    private static int size(ProtocolCodec codec, KioskPrescription prescription, MemberResults results) {
        List<RosterEntry> entries = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            entries.add(new RosterEntry("M%09dX".formatted(i), "남궁옥분순자",
                    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", 3, prescription, results));
        }
        return codec.encode(new Roster("ydp-01", 1, OffsetDateTime.parse("2026-12-05T01:00:00Z"), entries)).length;
    }
}
