package kr.smartsenior.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeasurementCodeTest {

    @Test
    void everyCodeHasASaneRangeAndAKoreanName() {
        for (MeasurementCode code : MeasurementCode.values()) {
            if (code == MeasurementCode.UNWELL_TODAY) { // an answer: one fixed value
                assertThat(code.min()).as(code.name()).isEqualByComparingTo(code.max());
            } else {
                assertThat(code.min()).as(code.name()).isLessThan(code.max());
            }
            assertThat(code.koreanName()).as(code.name()).isNotBlank();
        }
    }

    @Test
    void exerciseProgramsAreExerciseAndTestsAreTests() {
        assertThat(MeasurementCode.STEP_JUMP.kind()).isEqualTo(RecordKind.EXERCISE);
        assertThat(MeasurementCode.BALANCE.kind()).isEqualTo(RecordKind.EXERCISE);
        assertThat(MeasurementCode.INTERVAL.kind()).isEqualTo(RecordKind.EXERCISE);
        assertThat(MeasurementCode.GRIP_STRENGTH.unit().wireName()).isEqualTo("kg");
        assertThat(MeasurementCode.UNWELL_TODAY.kind()).isEqualTo(RecordKind.CHECK);
        assertThat(MeasurementCode.fromWire("chair_stand_30s")).isEmpty();
    }
}
