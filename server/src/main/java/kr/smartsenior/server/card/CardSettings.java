package kr.smartsenior.server.card;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param key  the card-signing key ({@code SSC_CARD_KEY}): 32 or more bytes as hex or base64; blank:
 *             generated once and kept in the data directory
 * @param font a TrueType font file with Korean glyphs for printed cards ({@code SSC_CARD_FONT}); blank:
 *             searched under {@code /usr/share/fonts}
 */
@ConfigurationProperties("ssc.card")
record CardSettings(String key, String font) {

    CardSettings {
        key = key == null || key.isBlank() ? null : key.strip();
        font = font == null || font.isBlank() ? null : font.strip();
    }

    @Override
    public String toString() {
        return "CardSettings[key=" + (key == null ? "unset" : "***") + ", font=" + font + "]";
    }
}
