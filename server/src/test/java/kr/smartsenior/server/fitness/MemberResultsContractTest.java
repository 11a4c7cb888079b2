package kr.smartsenior.server.fitness;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MemberResults;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.RecordDetail;
import kr.smartsenior.protocol.contract.ContractExamples;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import org.junit.jupiter.api.Test;

/**
 * The server's side of the roster's results (decision 0027): what {@link KioskGrading} puts into a roster
 * entry for a few members, written by the real code to {@code contract/member-results} (the kiosk's
 * {@code MemberResultsOfferContractTest} shows and says them). Rerun with {@code -Dcontract.update=true}
 * after a deliberate change.
 */
class MemberResultsContractTest {

    static final String KIND = "member-results";
    private static final int YEAR = 2026;
    private static final OffsetDateTime FIRST = OffsetDateTime.parse("2026-03-03T10:15:00+09:00");

    private final ProtocolCodec codec = new ProtocolCodec();
    private final NormTables norms = new NormTables();
    private final KioskGrading grading = new KioskGrading(norms, new Grader(norms), null, null, null);

    private static Result test(MeasurementCode code, String value, int week, String protocol, String hand) {
        Map<String, Object> detail = new java.util.HashMap<>();
        detail.put(RecordDetail.PROTOCOL, protocol);
        if (hand != null) {
            detail.put(RecordDetail.HAND, hand);
        }
        return new Result(code.name(), "test", new BigDecimal(value), FIRST.plusWeeks(week), detail);
    }

    private void check(String name, Senior senior, List<Result> results) {
        MemberResults written = new MemberResults(YEAR, grading.cutoffs(senior.sex(), YEAR - senior.birthYear()),
                grading.recent(senior, results));
        ContractExamples.check(KIND, name, codec.encode(written));
    }

    /** A woman of 76 who came every few weeks: every test, more than five chair stands, grip by hand. */
    @Test
    void aRegularVisitor() {
        List<Result> results = new ArrayList<>();
        String[] chair = {"8", "9", "10", "11", "12", "14", "15"};
        for (int i = 0; i < chair.length; i++) {
            results.add(test(MeasurementCode.CHAIR_STAND_30S, chair[i], 4 * i, "chair-stand-30s/2", null));
        }
        results.add(test(MeasurementCode.STEP_IN_PLACE_2MIN, "71", 8, "step-in-place-2min/2", null));
        results.add(test(MeasurementCode.STEP_IN_PLACE_2MIN, "88", 24, "step-in-place-2min/2", null));
        results.add(test(MeasurementCode.TIMED_UP_AND_GO, "10.9", 8, "timed-up-and-go/2", null));
        results.add(test(MeasurementCode.TIMED_UP_AND_GO, "9.4", 24, "timed-up-and-go/2", null));
        results.add(test(MeasurementCode.ONE_LEG_STANCE, "6.2", 24, "one-leg-stance-supported/1", null));
        results.add(test(MeasurementCode.GRIP_STRENGTH, "17.5", 8, "grip/1", "right"));
        results.add(test(MeasurementCode.GRIP_STRENGTH, "16.0", 8, "grip/1", "left"));
        results.add(test(MeasurementCode.GRIP_STRENGTH, "18.5", 24, "grip/1", "right"));
        results.add(test(MeasurementCode.SIT_AND_REACH, "-2.5", 24, "chair-sit-and-reach/1", null));
        check("regular-visitor", new Senior("M7K2Q9XD4T", "ydp-01", "김순자", 1950, "F"), results);
    }

    /** A man of 66 whose chair stands fell and who once held the chair on one leg; earlier kiosks' results left out. */
    @Test
    void aDecline() {
        List<Result> results = List.of(test(MeasurementCode.CHAIR_STAND_30S, "30", 0, "chair-stand-30s/1", null),
                test(MeasurementCode.CHAIR_STAND_30S, "22", 2, "chair-stand-30s/2", null),
                test(MeasurementCode.CHAIR_STAND_30S, "21", 6, "chair-stand-30s/2", null),
                test(MeasurementCode.CHAIR_STAND_30S, "16", 12, "chair-stand-30s/2", null),
                test(MeasurementCode.ONE_LEG_STANCE, "25.1", 12, "one-leg-stance/2", null));
        check("decline", new Senior("M3B8N1ZP6W", "ydp-01", "박영호", 1960, "M"), results);
    }

    /** A member of 58: no norm but grip's applies yet, and nothing measured. */
    @Test
    void underSixtyWithoutResults() {
        check("under-sixty", new Senior("M5R1C8ZL2B", "ydp-01", "이옥분", 1968, "F"), List.of());
    }
}
