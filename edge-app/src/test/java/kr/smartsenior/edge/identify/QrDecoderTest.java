package kr.smartsenior.edge.identify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QrDecoderTest {

    @Test
    void aCleanCardInTheMiddleIsReadByTheFirstPass() {
        LumaFrame frame = CardImages.card(Cards.KIM.text(), Degradation.CLEAN, 640, 480, new SplittableRandom(1));

        assertThat(new QrDecoder().decodeWithPass(frame))
                .contains(new QrDecoder.Decoded(Cards.KIM.text(), QrDecoder.FIRST_PASS));
    }

    @Test
    void aCardAtTheEdgeOfTheFrameIsFound() {
        Degradation corner = new Degradation(150, 0.15, 0.2, 10, 0, 0, 0, 2, 0.9, 150);
        LumaFrame frame = CardImages.card(Cards.KIM.text(), corner, 640, 480, new SplittableRandom(1));

        assertThat(new QrDecoder().decode(frame)).contains(Cards.KIM.text());
    }

    @Test
    void aCardTurnedByFortyFiveDegreesIsReadWhole() {
        // the region spanned by the finder patterns must include the corner without one
        Degradation diagonal = new Degradation(200, 0.5, 0.5, 45, 0.05, 30, 0.3, 3, 0.9, 150);
        LumaFrame frame = CardImages.card(Cards.KIM.text(), diagonal, 640, 480, new SplittableRandom(2));

        assertThat(new QrDecoder().decode(frame)).contains(Cards.KIM.text());
    }

    @Test
    void aNoisyTiltedCardInDimLightIsRead() {
        LumaFrame frame = CardImages.card(Cards.KIM.text(), Degradation.HARD, 640, 480, new SplittableRandom(3));

        assertThat(new QrDecoder().decodeThoroughly(frame)).contains(Cards.KIM.text());
    }

    @Test
    void theCameraLoopTriesEverySecondPassOverSuccessiveFrames() {
        QrDecoder decoder = new QrDecoder();
        LumaFrame frame = CardImages.card(Cards.KIM.text(), Degradation.CLEAN, 640, 480, new SplittableRandom(4));
        // each frame is read by the first pass; the turn still moves on, so a card the first pass cannot
        // read meets each of the other passes within SECOND_PASSES.size() frames
        for (int i = 0; i < QrDecoder.SECOND_PASSES.size(); i++) {
            assertThat(decoder.decode(frame)).contains(Cards.KIM.text());
        }
        for (QrDecoder.Pass pass : QrDecoder.Pass.values()) {
            assertThat(decoder.decodeWith(frame, List.of(pass))).as(pass.name())
                    .contains(new QrDecoder.Decoded(Cards.KIM.text(), pass));
        }
    }

    @Test
    void framesWithoutACardOrWithoutAnyContrastGiveNothing() {
        QrDecoder decoder = new QrDecoder();
        for (int i = 0; i < 16; i++) {
            LumaFrame empty = CardImages.empty(640, 480, 6, new SplittableRandom(i));
            assertThat(decoder.decode(empty)).isEmpty();
            assertThat(decoder.decodeThoroughly(empty)).isEmpty();
        }
        assertThat(decoder.decode(new LumaFrame(new byte[640 * 480], 640, 480, 640, 0))).isEmpty();
        byte[] white = new byte[640 * 480];
        java.util.Arrays.fill(white, (byte) 230);
        assertThat(decoder.decodeThoroughly(new LumaFrame(white, 640, 480, 640, 0))).isEmpty();
    }

    @Test
    void aCodeThatIsNotOursIsReadAsItIs() {
        String url = "https://www.example.go.kr/notice?id=42";
        Degradation d = new Degradation(200, 0.5, 0.5, 20, 0.03, 0, 0.3, 3, 0.9, 150);
        LumaFrame frame = CardImages.card(url, d, 640, 480, new SplittableRandom(5));

        Optional<String> read = new QrDecoder().decodeThoroughly(frame);

        assertThat(read).contains(url);
    }

    @Test
    void theFourthCornerOfACodeIsInferredFromItsThreeFinderPatterns() {
        List<QrDecoder.Place> places = List.of(new QrDecoder.Place(100, 100, 5, 8),
                new QrDecoder.Place(210, 100, 5, 7), new QrDecoder.Place(100, 210, 5, 6));

        double[][] corners = QrDecoder.Place.corners(places);

        assertThat(corners).isNotNull();
        assertThat(corners[3]).containsExactly(210, 210);
        // two finder patterns and the code's centre make a perfect corner too: the region covers both squares
        List<QrDecoder.Place> withCentre = List.of(new QrDecoder.Place(100, 100, 5, 8),
                new QrDecoder.Place(210, 100, 5, 7), new QrDecoder.Place(155, 155, 5, 3),
                new QrDecoder.Place(100, 210, 5, 6));
        assertThat(java.util.Arrays.asList(QrDecoder.Place.corners(withCentre))).anySatisfy(p -> assertThat(p).containsExactly(210, 210))
                .anySatisfy(p -> assertThat(p).containsExactly(100, 210));
        // three places in a row are no code's corners
        assertThat(QrDecoder.Place.corners(List.of(new QrDecoder.Place(100, 100, 5, 8),
                new QrDecoder.Place(200, 100, 5, 7), new QrDecoder.Place(300, 100, 5, 6)))).isNull();
    }
}
