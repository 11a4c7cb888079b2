package kr.smartsenior.edge.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DifficultyTest {

    private static int block(Difficulty d, int hits, int size) {
        int change = 0;
        for (int i = 0; i < size; i++) {
            change = d.score(i < hits);
        }
        return change;
    }

    @Test
    void aHitRateAbove85PercentRaisesTheTempoAndBelow60LowersIt() {
        Difficulty d = new Difficulty(3, 10, 1.15);
        assertThat(block(d, 9, 10)).isEqualTo(1);
        assertThat(d.tempoPercent()).isEqualTo(115);
        assertThat(block(d, 7, 10)).isZero();
        assertThat(block(d, 6, 10)).isZero(); // 60 % is not below 60 %
        assertThat(block(d, 5, 10)).isEqualTo(-1);
        assertThat(d.tempoPercent()).isEqualTo(100);
    }

    @Test
    void belowTheSlowestTempoTheLevelStepsDownAndComesBackOnlyToTheStart() {
        Difficulty d = new Difficulty(2, 4, 1.15);
        for (int i = 0; i < 3; i++) {
            block(d, 0, 4);
        }
        assertThat(d.step()).isEqualTo(Difficulty.MIN_STEP);
        assertThat(block(d, 0, 4)).isEqualTo(-1);
        assertThat(d.level()).isEqualTo(1);
        assertThat(d.tempoPercent()).isEqualTo(100);
        for (int i = 0; i < 10; i++) {
            block(d, 0, 4);
        }
        assertThat(d.level()).isEqualTo(1); // never below 1
        for (int i = 0; i < 20; i++) {
            block(d, 4, 4);
        }
        assertThat(d.level()).isEqualTo(2); // back to the prescribed level, never above
        assertThat(d.step()).isEqualTo(Difficulty.MAX_STEP);
    }
}
