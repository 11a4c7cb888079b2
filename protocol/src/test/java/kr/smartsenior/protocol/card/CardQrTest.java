package kr.smartsenior.protocol.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.encoder.Encoder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CardQrTest {

    /** Tokens of the real shape: random member ids, versions and MACs (seeded, so the same every run). */
    private static List<String> tokens(int count) {
        SplittableRandom random = new SplittableRandom(20261205);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add(new CardToken(base32(random, CardToken.MEMBER_ID_LENGTH), 1 + random.nextInt(3),
                    base32(random, CardToken.MAC_LENGTH)).text());
        }
        return tokens;
    }

    private static String base32(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(CardToken.BASE32.charAt(random.nextInt(32)));
        }
        return text.toString();
    }

    @Test
    void everyCardsSymbolReadsBackEvenWhereTheEncodersOwnChoiceOfMaskDoesNot() throws Exception {
        int unreadableAsEncoded = 0;
        for (String token : tokens(2_000)) {
            assertThat(CardQr.reads(CardQr.matrix(token), token)).as(token).isTrue();
            if (!CardQr.reads(Encoder.encode(token, CardQr.LEVEL).getMatrix(), token)) {
                unreadableAsEncoded++;
            }
        }
        // the case this class exists for is among these tokens (about 4 in 1,000 measured)
        assertThat(unreadableAsEncoded).isPositive();
    }
}
