package kr.smartsenior.server.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.server.fitness.Evaluations;
import org.junit.jupiter.api.Test;

class KioskAgreementsTest {

    private final KioskAgreements agreements = new KioskAgreements(null, Evaluations.smallestRealChange(), null);

    private static List<double[]> tugPairs(int n, double spread) {
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double hand = 9 + i * 0.1;
            pairs.add(new double[] {hand + (i % 2 == 0 ? spread : -spread), hand});
        }
        return pairs;
    }

    @Test
    void thirtyClosePairsValidateTheTug() {
        // differences ± 0.2 s: SD ≈ 0.203, limits ≈ ± 0.40, widened ≈ ± 0.52, within the TUG's 1.14 s
        TestAgreement tug = agreements.agreement("ydp-01", MeasurementCode.TIMED_UP_AND_GO, tugPairs(30, 0.2), 0);

        assertThat(tug.validated()).isTrue();
        assertThat(tug.status()).isEqualTo("검증 완료");
        assertThat(tug.threshold()).isEqualByComparingTo("1.14");
        assertThat(tug.protocol()).isEqualTo("timed-up-and-go/2");
    }

    @Test
    void fewerThanTheMinimumIsNotYetValidatedHoweverClose() {
        TestAgreement tug = agreements.agreement("ydp-01", MeasurementCode.TIMED_UP_AND_GO, tugPairs(29, 0.1), 0);

        assertThat(tug.validated()).isFalse();
        assertThat(tug.status()).isEqualTo("검증 전: 손 측정 비교 29/30건");
        assertThat(tug.meanDifference()).isNotNull();
    }

    @Test
    void limitsWiderThanTheSmallestRealChangeAreNotValidated() {
        // differences ± 0.6 s: limits ≈ ± 1.2 s, beyond 1.14
        TestAgreement tug = agreements.agreement("ydp-01", MeasurementCode.TIMED_UP_AND_GO, tugPairs(40, 0.6), 0);

        assertThat(tug.validated()).isFalse();
        assertThat(tug.status()).startsWith("검증 전: 키오스크와 손 측정의 차이가");
    }

    @Test
    void onlyTodaysProcedureIsCompared() {
        assertThat(KioskAgreements.todaysProcedure(MeasurementCode.TIMED_UP_AND_GO, "timed-up-and-go/2")).isTrue();
        assertThat(KioskAgreements.todaysProcedure(MeasurementCode.TIMED_UP_AND_GO, "timed-up-and-go/1")).isFalse();
        assertThat(KioskAgreements.todaysProcedure(MeasurementCode.ONE_LEG_STANCE, "one-leg-stance-supported/1"))
                .isFalse();
        assertThat(KioskAgreements.todaysProcedure(MeasurementCode.ONE_LEG_STANCE, null)).isFalse();
    }
}
