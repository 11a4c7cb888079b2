package kr.smartsenior.server.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import kr.smartsenior.protocol.card.CardToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardIssuerTest {

    private static final byte[] KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");

    @Test
    void tokensRoundTripThroughTheirTextAndAreGenuine() {
        CardIssuer issuer = new CardIssuer(KEY);

        CardToken token = issuer.token("M7K2Q9XD4T", 3);
        CardToken read = CardToken.parse(token.text()).orElseThrow();

        assertThat(read).isEqualTo(token);
        assertThat(issuer.isGenuine(read)).isTrue();
        assertThat(issuer.token("M7K2Q9XD4T", 3)).isEqualTo(token); // deterministic: reprinting gives the same card
    }

    @Test
    void anyTamperingIsDetected() {
        CardIssuer issuer = new CardIssuer(KEY);
        CardToken token = issuer.token("M7K2Q9XD4T", 3);
        char last = token.mac().charAt(CardToken.MAC_LENGTH - 1);
        String flipped = token.mac().substring(0, CardToken.MAC_LENGTH - 1) + (last == '0' ? '1' : '0');

        assertThat(issuer.isGenuine(new CardToken("M7K2Q9XD4T", 3, flipped))).isFalse();
        assertThat(issuer.isGenuine(new CardToken("M7K2Q9XD4T", 4, token.mac()))).isFalse();
        assertThat(issuer.isGenuine(new CardToken("M7K2Q9XD4V", 3, token.mac()))).isFalse();
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertThat(new CardIssuer(otherKey).isGenuine(token)).isFalse();
    }

    @Test
    void aNewVersionRevokesByChangingTheHash() {
        CardIssuer issuer = new CardIssuer(KEY);

        assertThat(issuer.token("M7K2Q9XD4T", 2).hash()).isNotEqualTo(issuer.token("M7K2Q9XD4T", 1).hash());
    }

    @Test
    void keyFromSettingsMayBeHexOrBase64AndMustBeLongEnough() {
        assertThat(CardKey.parse(HexFormat.of().formatHex(KEY), "SSC_CARD_KEY")).isEqualTo(KEY);
        assertThat(CardKey.parse(Base64.getEncoder().encodeToString(KEY), "SSC_CARD_KEY")).isEqualTo(KEY);
        assertThatThrownBy(() -> CardKey.parse("abcd", "SSC_CARD_KEY")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SSC_CARD_KEY").hasMessageContaining("32");
        assertThatThrownBy(() -> CardKey.parse("not a key!", "SSC_CARD_KEY")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatesAnOwnerOnlyKeyOnceAndKeepsIt(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");

        byte[] first = CardKey.load(null, data);
        byte[] again = CardKey.load(null, data);

        assertThat(first).hasSize(CardKey.MIN_BYTES).isEqualTo(again);
        Path file = data.resolve(CardKey.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(CardKey.load(HexFormat.of().formatHex(KEY), data)).isEqualTo(KEY); // the setting wins
    }

    @Test
    void tightensAKeyFileOthersCouldRead(@TempDir Path dir) throws Exception {
        byte[] key = new byte[40];
        Arrays.fill(key, (byte) 7);
        Path file = dir.resolve(CardKey.FILE_NAME);
        Files.writeString(file, HexFormat.of().formatHex(key));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(CardKey.load(null, dir)).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
