package kr.smartsenior.edge.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw camera streams cut into frames: padded rows, chroma planes, a cut-off end, a real process. */
class FramesTest {

    @Test
    void rpicamLayoutPadsRowsTo64BytesAndCountsBothChromaPlanes() {
        FrameLayout vga = FrameLayout.yuv420(640, 480, FrameLayout.RPICAM_STRIDE_ALIGNMENT);
        FrameLayout odd = FrameLayout.yuv420(1000, 500, FrameLayout.RPICAM_STRIDE_ALIGNMENT);

        assertThat(vga.stride()).isEqualTo(640);
        assertThat(vga.frameBytes()).isEqualTo(640 * 480 * 3 / 2);
        assertThat(odd.stride()).isEqualTo(1024);
        assertThat(odd.frameBytes()).isEqualTo(1024 * 500 + 2 * 512 * 250);
        assertThat(FrameLayout.gray(640, 480).frameBytes()).isEqualTo(640 * 480);
    }

    @Test
    void readsTheLumaPlaneOfPaddedFramesAndDropsACutOffLastFrame() throws Exception {
        FrameLayout layout = FrameLayout.yuv420(100, 50, 64); // stride 128: 28 bytes of padding per row
        byte[] stream = concat(frame(layout, 10), frame(layout, 20), Arrays.copyOf(frame(layout, 30), 999));

        RawFrameReader reader = new RawFrameReader(new ByteArrayInputStream(stream), layout);
        LumaFrame first = reader.next();
        LumaFrame second = reader.next();

        assertThat(first.stride()).isEqualTo(128);
        assertThat(first.at(0, 0)).isEqualTo(10);
        assertThat(first.at(99, 49)).isEqualTo((10 + 99 + 49) & 0xFF);
        assertThat(second.at(7, 3)).isEqualTo(20 + 7 + 3);
        assertThat(reader.next()).isNull();
    }

    @Test
    void aCardInAFrameWithPaddedRowsIsDecodedFromTheLumaPlane() {
        LumaFrame card = CardImages.card(Cards.KIM.text(), Degradation.CLEAN, 640, 480, new SplittableRandom(1));
        FrameLayout layout = FrameLayout.yuv420(640, 480, 256); // stride 768, padding full of noise
        byte[] padded = new byte[layout.frameBytes()];
        new SplittableRandom(2).nextBytes(padded);
        for (int y = 0; y < 480; y++) {
            System.arraycopy(card.data(), y * 640, padded, y * layout.stride(), 640);
        }

        var decoded = new QrDecoder().decode(new LumaFrame(padded, 640, 480, layout.stride(), 0));

        assertThat(decoded).contains(Cards.KIM.text());
    }

    @Test
    void framesComeFromACameraProgramsStandardOutput(@TempDir Path dir) throws Exception {
        FrameLayout layout = FrameLayout.gray(64, 48);
        Path raw = dir.resolve("camera.raw");
        Files.write(raw, concat(grey(layout, 50), grey(layout, 60), grey(layout, 70)));

        try (FrameSource camera = FrameSources.command(List.of("cat", raw.toString()), layout, "cat")) {
            assertThat(camera.next().at(5, 5)).isEqualTo(50);
            assertThat(camera.next().at(5, 5)).isEqualTo(60);
            assertThat(camera.next().at(5, 5)).isEqualTo(70);
            assertThat(camera.next()).isNull();
        }
    }

    @Test
    void aMissingCameraProgramEndsTheStreamAndSaysWhy() throws Exception {
        FrameLayout layout = FrameLayout.gray(64, 48);
        try (FrameSource camera = FrameSources.command(List.of("sh", "-c", "echo 'no camera found' >&2; exit 3"), layout,
                "sh")) {
            assertThat(camera.next()).isNull();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> ((ProcessFrameSource) camera).lastErrors().contains("no camera found"));
        }
    }

    /** A yuv420 frame whose luma is base + x + y and whose padding and chroma are 0xEE. */
    private static byte[] frame(FrameLayout layout, int base) {
        byte[] frame = new byte[layout.frameBytes()];
        Arrays.fill(frame, (byte) 0xEE);
        for (int y = 0; y < layout.height(); y++) {
            for (int x = 0; x < layout.width(); x++) {
                frame[y * layout.stride() + x] = (byte) (base + x + y);
            }
        }
        return frame;
    }

    private static byte[] grey(FrameLayout layout, int value) {
        byte[] frame = new byte[layout.frameBytes()];
        Arrays.fill(frame, (byte) value);
        return frame;
    }

    private static byte[] concat(byte[]... parts) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part);
        }
        return out.toByteArray();
    }
}
