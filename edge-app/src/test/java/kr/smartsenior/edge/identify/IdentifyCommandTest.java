package kr.smartsenior.edge.identify;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.encoder.ByteMatrix;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import kr.smartsenior.edge.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code identify --image FILE} on photos of cards, with and without the kiosk's roster. */
class IdentifyCommandTest {

    @TempDir
    Path dir;

    @Test
    void aPhotoOfACurrentCardIsIdentifiedAgainstTheKioskRoster() throws Exception {
        try (LocalStore store = LocalStore.open(dir)) {
            store.rosterCache().save(Cards.SITE, 4, Cards.json(Cards.roster(4, Cards.KIM)));
        }
        Path photo = photo(CardImages.card(Cards.KIM.text(), Degradation.HARD, 640, 480, new SplittableRandom(3)));

        Output out = run(photo);

        assertThat(out.code()).isEqualTo(IdentifyCommand.IDENTIFIED);
        assertThat(out.text()).contains("member M7K2Q9XD4T, card 2").contains("IDENTIFIED").contains("김영희님, 반갑습니다.")
                .doesNotContain(Cards.KIM.mac());
    }

    @Test
    void aPaymentQrIsNotOurs() throws Exception {
        Output out = run(photo(CardImages.card("https://pay.example.com/q?id=42", Degradation.CLEAN, 640, 480,
                new SplittableRandom(1))));

        assertThat(out.code()).isEqualTo(IdentifyCommand.REFUSED);
        assertThat(out.text()).contains("not ours").contains("NOT_OUR_CARD").contains("경로당 회원 카드가 아닙니다");
    }

    @Test
    void withoutARosterOurCardCannotBeCheckedYet() throws Exception {
        Output out = run(photo(CardImages.card(Cards.KIM.text(), Degradation.CLEAN, 640, 480, new SplittableRandom(1))));

        assertThat(out.code()).isEqualTo(IdentifyCommand.REFUSED);
        assertThat(out.text()).contains("roster:    none").contains("NO_ROSTER");
    }

    @Test
    void aLargePhotoIsReadAndAPhotoWithoutACodeSaysSo() throws Exception {
        BufferedImage big = new BufferedImage(3200, 2400, BufferedImage.TYPE_INT_RGB);
        var g = big.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 3200, 2400);
        g.setColor(java.awt.Color.BLACK);
        ByteMatrix matrix = CardImages.matrix(Cards.KIM.text());
        int module = 40;
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y) == 1) {
                    g.fillRect(1000 + x * module, 600 + y * module, module, module);
                }
            }
        }
        g.dispose();
        Path photo = dir.resolve("big.jpg");
        ImageIO.write(big, "jpg", photo.toFile());

        assertThat(run(photo).text()).contains("member M7K2Q9XD4T");
        assertThat(run(photo(CardImages.empty(640, 480, 5, new SplittableRandom(1)))).code())
                .isEqualTo(IdentifyCommand.NO_QR);
        Files.writeString(dir.resolve("not-an-image.png"), "hello");
        assertThat(run(dir.resolve("not-an-image.png")).code()).isEqualTo(IdentifyCommand.CANNOT_READ);
        assertThat(IdentifyCommand.run(List.of("--photo"), Cards.SITE, dir, new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(IdentifyCommand.USAGE);
    }

    private record Output(int code, String text) {
    }

    private Output run(Path photo) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = IdentifyCommand.run(List.of("--image", photo.toString()), Cards.SITE, dir,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Output(code, bytes.toString(StandardCharsets.UTF_8));
    }

    private Path photo(LumaFrame frame) throws Exception {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, frame.width(), frame.height(), frame.data());
        Path file = Files.createTempFile(dir, "card", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
