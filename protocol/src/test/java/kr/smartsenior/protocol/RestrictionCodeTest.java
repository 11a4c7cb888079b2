package kr.smartsenior.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RestrictionCodeTest {

    @Test
    void wireCodesReadBackAndAnythingElseIsUnknown() {
        for (RestrictionCode code : RestrictionCode.values()) {
            if (code != RestrictionCode.UNKNOWN) {
                assertThat(RestrictionCode.fromWire(code.wire())).isEqualTo(code);
            }
        }
        assertThat(RestrictionCode.fromWire("UNKNOWN")).isEqualTo(RestrictionCode.UNKNOWN);
        assertThat(RestrictionCode.fromWire("safe-bp-high")).isEqualTo(RestrictionCode.UNKNOWN);
        assertThat(RestrictionCode.fromWire(null)).isEqualTo(RestrictionCode.UNKNOWN);
    }

    @Test
    void limitsAreThoseTheRulesDocumentAndUnknownIsAtLeastAsStrictAsLowIntensity() {
        assertThat(RestrictionCode.BP_SEVERE.forbids(MeasurementCode.BALANCE)).isTrue();
        assertThat(RestrictionCode.BP_HIGH.levelCap(MeasurementCode.STEP_JUMP)).isEqualTo(1);
        assertThat(RestrictionCode.BP_HIGH.levelCap(MeasurementCode.BALANCE)).isEqualTo(RestrictionCode.MAX_LEVEL);
        assertThat(RestrictionCode.FALL_SUPPORT.withSupport()).isTrue();
        assertThat(RestrictionCode.INTERVAL_UNTESTED.forbids(MeasurementCode.INTERVAL)).isTrue();
        assertThat(RestrictionCode.INTERVAL_FALL_RISK.forbids(MeasurementCode.INTERVAL)).isTrue();
        assertThat(RestrictionCode.INTERVAL_FALL_RISK.levelCap(MeasurementCode.STEP_JUMP))
                .isEqualTo(RestrictionCode.MAX_LEVEL);
        assertThat(RestrictionCode.NO_JUMPS.levelCap(MeasurementCode.STEP_JUMP))
                .isEqualTo(RestrictionCode.STEP_JUMP_HIGHEST_WITHOUT_JUMPS).isLessThan(RestrictionCode.MAX_LEVEL);
        assertThat(RestrictionCode.NO_JUMPS.levelCap(MeasurementCode.BALANCE)).isEqualTo(RestrictionCode.MAX_LEVEL);
        assertThat(RestrictionCode.NO_JUMPS.withSupport()).isFalse();
        for (MeasurementCode program : new MeasurementCode[] {MeasurementCode.STEP_JUMP, MeasurementCode.BALANCE,
                MeasurementCode.INTERVAL}) {
            assertThat(RestrictionCode.UNKNOWN.levelCap(program))
                    .isLessThanOrEqualTo(RestrictionCode.LOW_INTENSITY_ONLY.levelCap(program))
                    .isLessThanOrEqualTo(RestrictionCode.NO_JUMPS.levelCap(program));
        }
        assertThat(RestrictionCode.BP_HIGH.highBloodPressure()).isTrue();
        assertThat(RestrictionCode.FALL_HIGH.highBloodPressure()).isFalse();
        assertThatThrownBy(() -> RestrictionCode.BP_HIGH.levelCap(MeasurementCode.CHAIR_STAND_30S))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
