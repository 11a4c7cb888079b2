package kr.smartsenior.edge.identify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QrDecoderTest {

    @Test
    void aCleanCardInTheMiddleIsReadByTheCheapestPass() {
        LumaFrame frame = CardImages.card(Cards.KIM.text(), Degradation.CLEAN, 640, 480, new SplittableRandom(1));

        assertThat(new QrDecoder().decodeWithPass(frame))
                .contains(new QrDecoder.Decoded(Cards.KIM.text(), QrDecoder.Pass.CENTRE));
    }

    @Test
    void aCardAtTheEdgeOfTheFrameIsFoundInTheWholeFrame() {
        Degradation corner = new Degradation(150, 0.15, 0.2, 10, 0, 0, 0, 2, 0.9, 150);
        LumaFrame frame = CardImages.card(Cards.KIM.text(), corner, 640, 480, new SplittableRandom(1));

        assertThat(new QrDecoder().decode(frame)).contains(Cards.KIM.text());
    }

    @Test
    void aNoisyTiltedCardInDimLightIsRead() {
        LumaFrame frame = CardImages.card(Cards.KIM.text(), Degradation.HARD, 640, 480, new SplittableRandom(3));

        assertThat(new QrDecoder().decodeThoroughly(frame)).contains(Cards.KIM.text());
    }

    @Test
    void framesWithoutACardOrWithoutAnyContrastGiveNothing() {
        QrDecoder decoder = new QrDecoder();
        for (int i = 0; i < 2 * QrDecoder.TRY_HARDER_EVERY; i++) {
            assertThat(decoder.decode(CardImages.empty(640, 480, 6, new SplittableRandom(i)))).isEmpty();
        }
        assertThat(decoder.decode(new LumaFrame(new byte[640 * 480], 640, 480, 640, 0))).isEmpty();
    }
}
