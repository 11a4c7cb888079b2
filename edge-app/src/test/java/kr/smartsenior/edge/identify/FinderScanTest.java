package kr.smartsenior.edge.identify;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FinderScanTest {

    @Test
    void runsInTheRatioOfAFinderPatternAreRecognisedWithSomeTolerance() {
        assertThat(FinderScan.looksLikeFinder(new int[] {4, 4, 12, 4, 4})).isTrue();
        assertThat(FinderScan.looksLikeFinder(new int[] {5, 3, 13, 4, 5})).isTrue();
        assertThat(FinderScan.looksLikeFinder(new int[] {4, 4, 4, 4, 4})).isFalse();
        assertThat(FinderScan.looksLikeFinder(new int[] {12, 4, 4, 4, 4})).isFalse();
        assertThat(FinderScan.looksLikeFinder(new int[] {1, 1, 3, 1, 1})).as("smaller than a readable module").isFalse();
    }

    /**
     * The pre-check must never cost a card: every frame that ZXing reads on its own, on the whole frame
     * with every binarizer and TRY_HARDER, must show finder-pattern-like places, and the decoder (which
     * reads only the region around them) must read it too.
     */
    @Test
    void neverRejectsAFrameThatTheWholeFrameDecoderReads() {
        SplittableRandom random = new SplittableRandom(20261122);
        FinderScan scan = new FinderScan();
        QrDecoder decoder = new QrDecoder();
        int readWhole = 0;
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            Degradation d = Degradation.random(random);
            LumaFrame frame = CardImages.card(Cards.KIM.text(), d, 640, 480, random);
            if (!Cards.KIM.text().equals(wholeFrame(frame))) {
                continue;
            }
            readWhole++;
            if (scan.scan(frame).isEmpty()) {
                missed.add("pre-check: " + d);
            } else if (decoder.decodeThoroughly(frame).isEmpty()) {
                missed.add("region: " + d);
            }
        }
        assertThat(readWhole).isGreaterThan(60);
        assertThat(missed).isEmpty();
    }

    @Test
    void aStillSceneWithoutACardShowsNothingLikeAFinderPattern() {
        SplittableRandom random = new SplittableRandom(7);
        FinderScan scan = new FinderScan();
        int withCandidates = 0;
        for (int i = 0; i < 40; i++) {
            if (!scan.scan(CardImages.empty(640, 480, i % 8, random)).isEmpty()) {
                withCandidates++;
            }
        }
        assertThat(withCandidates).isLessThanOrEqualTo(1);
    }

    @Test
    void findsTheThreeFinderPatternsOfAClearCard() {
        LumaFrame frame = CardImages.card(Cards.KIM.text(), Degradation.CLEAN, 640, 480, new SplittableRandom(1));

        List<QrDecoder.Place> places = QrDecoder.Place.group(new FinderScan().scan(frame));

        assertThat(places.size()).isGreaterThanOrEqualTo(3);
        assertThat(QrDecoder.Place.corners(places)).isNotNull();
    }

    /**
     * One scanner per camera thread sees whatever shapes the camera delivers (a program restarted with
     * another size, a rotated webcam): each frame must give what a fresh scanner gives, whether the
     * shape before it had the same area (640x480 then 480x640) or fewer, longer rows (1280x240 after
     * 640x480, whose integral image's rows are longer than the buffer was laid out for).
     */
    @Test
    void framesOfChangingShapesGiveWhatAFreshScannerGives() {
        int[][] shapes = {{640, 480}, {1280, 240}, {480, 640}, {640, 480}, {320, 240}, {1280, 240}, {240, 960}, {640, 480}};
        FinderScan reused = new FinderScan();
        QrDecoder reusedDecoder = new QrDecoder();
        SplittableRandom random = new SplittableRandom(11);
        int found = 0;
        for (int[] shape : shapes) {
            LumaFrame frame = CardImages.card(Cards.KIM.text(), Degradation.CLEAN, shape[0], shape[1], random);
            List<FinderScan.Candidate> fresh = new FinderScan().scan(frame);
            assertThat(reused.scan(frame)).as("%dx%d", shape[0], shape[1]).isEqualTo(fresh);
            assertThat(reusedDecoder.decode(frame)).as("%dx%d", shape[0], shape[1]).isEqualTo(new QrDecoder().decode(frame));
            found += fresh.isEmpty() ? 0 : 1;
        }
        assertThat(found).as("frames with finder-pattern-like places: the comparison means something").isGreaterThan(4);
    }

    private static String wholeFrame(LumaFrame frame) {
        LuminanceSource source = new PlanarYUVLuminanceSource(frame.data(), frame.stride(), frame.height(), 0, 0,
                frame.width(), frame.height(), false);
        Map<DecodeHintType, Object> hard = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        for (BinaryBitmap bitmap : List.of(new BinaryBitmap(new HybridBinarizer(source)),
                new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
            try {
                return new QRCodeReader().decode(bitmap, hard).getText();
            } catch (ReaderException e) {
                // next binarizer
            }
        }
        return null;
    }
}
