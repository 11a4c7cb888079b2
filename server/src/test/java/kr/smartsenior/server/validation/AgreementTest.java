package kr.smartsenior.server.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementTest {

    /**
     * By hand: kiosk 10.2, 9.8, 12.5, 11.0, 8.9 s; hand 10.0, 9.9, 12.1, 10.6, 8.9 s. Differences 0.2,
     * -0.1, 0.4, 0.4, 0.0: mean 0.9 / 5 = 0.18; squared deviations 0.0004 + 0.0784 + 0.0484 + 0.0484 +
     * 0.0324 = 0.208; SD = sqrt(0.208 / 4) = 0.228035; limits 0.18 ± 1.96 · 0.228035 = -0.266949 and
     * 0.626949; confidence half-width 1.96 · sqrt(3 · 0.052 / 5) = 0.346205.
     */
    @Test
    void meanDifferenceAndLimitsOfAgreementAsComputedByHand() {
        Agreement agreement = Agreement.of(List.of(new double[] {10.2, 10.0}, new double[] {9.8, 9.9},
                new double[] {12.5, 12.1}, new double[] {11.0, 10.6}, new double[] {8.9, 8.9}));

        assertThat(agreement.n()).isEqualTo(5);
        assertThat(agreement.meanDifference()).isCloseTo(0.18, within(1e-9));
        assertThat(agreement.sd()).isCloseTo(0.228035, within(1e-6));
        assertThat(agreement.lowerLimit()).isCloseTo(-0.266949, within(1e-6));
        assertThat(agreement.upperLimit()).isCloseTo(0.626949, within(1e-6));
        assertThat(agreement.limitCiHalfWidth()).isCloseTo(0.346205, within(1e-6));
    }

    @Test
    void withinTheThresholdOnlyWhenBothWidenedLimitsAre() {
        Agreement agreement = Agreement.of(List.of(new double[] {10.2, 10.0}, new double[] {9.8, 9.9},
                new double[] {12.5, 12.1}, new double[] {11.0, 10.6}, new double[] {8.9, 8.9}));

        // upper limit 0.627 + 0.346 = 0.973; lower -0.267 - 0.346 = -0.613
        assertThat(agreement.within(1.14)).isTrue();
        assertThat(agreement.within(0.97)).isFalse();
        assertThat(agreement.within(0.5)).isFalse();
    }

    @Test
    void aBiasAloneCanPutTheKioskOutside() {
        // every kiosk time 1.5 s short, as the superseded TUG procedure read: SD 0, limits at -1.5
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            pairs.add(new double[] {8 + i * 0.1, 9.5 + i * 0.1});
        }
        Agreement agreement = Agreement.of(pairs);

        assertThat(agreement.meanDifference()).isCloseTo(-1.5, within(1e-9));
        assertThat(agreement.sd()).isCloseTo(0, within(1e-9));
        assertThat(agreement.within(1.14)).isFalse();
    }

    @Test
    void oneRecordIsNoAgreement() {
        assertThatThrownBy(() -> Agreement.of(List.<double[]>of(new double[] {1, 1})))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
