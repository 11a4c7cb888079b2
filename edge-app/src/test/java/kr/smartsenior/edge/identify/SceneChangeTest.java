package kr.smartsenior.edge.identify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SceneChangeTest {

    @Test
    void sensorNoiseIsNoChangeButACardComingIntoViewIs() {
        SplittableRandom random = new SplittableRandom(1);
        SceneChange scene = new SceneChange();

        assertThat(scene.changed(CardImages.empty(640, 480, 10, random, 2.0))).isFalse(); // nothing to compare yet
        for (int i = 0; i < 10; i++) {
            assertThat(scene.changed(CardImages.empty(640, 480, 10, random, 2.0))).isFalse();
        }
        assertThat(scene.changed(CardImages.card(Cards.KIM.text(), Degradation.CLEAN, 640, 480, random, 2.0))).isTrue();
        assertThat(scene.changed(CardImages.card(Cards.KIM.text(), Degradation.CLEAN, 640, 480, random, 2.0))).isFalse();
    }
}
