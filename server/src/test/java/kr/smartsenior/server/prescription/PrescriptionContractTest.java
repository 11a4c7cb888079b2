package kr.smartsenior.server.prescription;

import static kr.smartsenior.server.prescription.PrescriptionRulesTest.NOW;
import static kr.smartsenior.server.prescription.PrescriptionRulesTest.bone;
import static kr.smartsenior.server.prescription.PrescriptionRulesTest.clear;
import static kr.smartsenior.server.prescription.PrescriptionRulesTest.fit;
import static kr.smartsenior.server.prescription.PrescriptionRulesTest.plan;
import static kr.smartsenior.server.prescription.PrescriptionRulesTest.screened;
import static kr.smartsenior.server.prescription.PrescriptionRulesTest.test;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.RestrictionCode;
import kr.smartsenior.server.fitness.Result;
import kr.smartsenior.server.screening.ScreeningStatus;
import kr.smartsenior.protocol.contract.ContractExamples;
import org.junit.jupiter.api.Test;

/**
 * The server's side of the prescription contract: for every path through the rules (screening
 * states, blood pressure, fall-risk levels, and all restrictions at once) the prescription the
 * kiosk receives in the roster is written exactly as in the shared examples
 * ({@code protocol/src/test/resources/contract/prescriptions}), which the kiosk's contract test
 * decodes and turns into what the senior is offered.
 */
class PrescriptionContractTest {

    static final String KIND = "prescriptions";

    private final ProtocolCodec codec = new ProtocolCodec();

    /** Every rule path, by the example's name. */
    static Map<String, Plan> rulePaths() {
        Map<String, Plan> plans = new LinkedHashMap<>();
        plans.put("clear-fit", plan(fit(), clear()));
        plans.put("not-screened", plan(fit(), ScreeningStatus.of(Optional.empty(), NOW.toInstant())));
        plans.put("screening-expired", plan(fit(), screened(false, false, 120, 80, 400)));
        plans.put("needs-clearance", plan(fit(), screened(true, false, 120, 80, 10)));
        plans.put("cleared-by-staff", plan(fit(), screened(true, true, 120, 80, 10)));
        plans.put("bp-high", plan(fit(), screened(false, false, 165, 95, 10)));
        plans.put("bp-severe", plan(fit(), screened(false, false, 185, 112, 10)));
        plans.put("fall-risk-high", plan(with(fit(), test("TIMED_UP_AND_GO", "14", 2)), clear()));
        plans.put("fall-risk-elevated", plan(with(fit(), test("TIMED_UP_AND_GO", "12.5", 2)), clear()));
        plans.put("fall-risk-unknown", plan(List.of(test("STEP_IN_PLACE_2MIN", "95", 3), test("GRIP_STRENGTH", "25", 3)),
                clear()));
        plans.put("bone-unanswered", plan(fit(), bone(null)));
        plans.put("bone-fragile", plan(fit(), bone(true)));
        plans.put("no-results", plan(List.of(), ScreeningStatus.of(Optional.empty(), NOW.toInstant())));
        plans.put("every-restriction", plan(with(fit(), test("TIMED_UP_AND_GO", "14", 2)),
                screened(true, false, 165, 95, 10)));
        return plans;
    }

    private static List<Result> with(List<Result> results, Result more) {
        List<Result> all = new ArrayList<>(results);
        all.add(more);
        return all;
    }

    @Test
    void everyRulePathIsWrittenAsTheSharedExample() {
        Map<String, Plan> paths = rulePaths();
        for (Map.Entry<String, Plan> path : paths.entrySet()) {
            KioskPrescription forKiosk = KioskPrescriptionSummary.summary(path.getValue());
            ContractExamples.check(KIND, path.getKey(), codec.encode(forKiosk));
        }
        assertThat(ContractExamples.names(KIND)).as("examples without a rule path here are stale")
                .containsExactlyInAnyOrderElementsOf(paths.keySet());
    }

    @Test
    void theRulePathsCoverEveryRestrictionTheServerWrites() {
        List<RestrictionCode> written = rulePaths().values().stream().flatMap(p -> p.restrictions().stream())
                .map(Plan.Restriction::code).distinct().toList();
        List<RestrictionCode> all = new ArrayList<>(List.of(RestrictionCode.values()));
        all.remove(RestrictionCode.UNKNOWN);
        assertThat(written).containsExactlyInAnyOrderElementsOf(all);
    }
}
