package kr.smartsenior.server.card;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a font that prints Korean and that PDFBox can embed: TrueType outlines (NanumGothic from
 * Debian's {@code fonts-nanum}); CFF-based OpenType fonts such as Noto Sans CJK are not embedded
 * by PDFBox and are skipped.
 */
final class CardFont {

    /** Searched first, in this order; then any other embeddable Korean TrueType font under {@link #SEARCH_ROOT}. */
    static final List<Path> PREFERRED = List.of(
            Path.of("/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf"),
            Path.of("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"),
            Path.of("/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf"));
    static final Path SEARCH_ROOT = Path.of("/usr/share/fonts");
    static final String HOW_TO_FIX = "install a Korean TrueType font (Debian: apt-get install fonts-nanum) or set SSC_CARD_FONT"
            + " to a .ttf file with Korean glyphs";
    /** Must be printable for a font to count as Korean. */
    static final String SAMPLE = "가나다라김박이최님경로당회원";
    private static final int MAX_FILES_TRIED = 200;

    private static final Logger log = LoggerFactory.getLogger(CardFont.class);

    private CardFont() {
    }

    /**
     * The configured font, checked; or the first usable one found.
     *
     * @throws CardFontMissingException when the configured font is unusable or none is found
     */
    static Path locate(String configured) {
        if (configured != null) {
            Path path = Path.of(configured);
            if (!Files.isReadable(path)) {
                throw new CardFontMissingException("SSC_CARD_FONT=" + configured + " is not a readable file; " + HOW_TO_FIX);
            }
            if (!usable(path)) {
                throw new CardFontMissingException("SSC_CARD_FONT=" + configured
                        + " cannot be embedded or has no Korean glyphs; " + HOW_TO_FIX);
            }
            return path;
        }
        Optional<Path> found = PREFERRED.stream().filter(Files::isReadable).filter(CardFont::usable).findFirst()
                .or(CardFont::search);
        return found.orElseThrow(() -> new CardFontMissingException("no Korean font found under " + SEARCH_ROOT + "; "
                + HOW_TO_FIX));
    }

    private static Optional<Path> search() {
        if (!Files.isDirectory(SEARCH_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(SEARCH_ROOT, 5)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttf"))
                    .sorted()
                    .limit(MAX_FILES_TRIED)
                    .filter(CardFont::usable)
                    .findFirst();
        } catch (IOException | UncheckedIOException e) {
            log.warn("cannot search {} for fonts: {}", SEARCH_ROOT, e.getMessage());
            return Optional.empty();
        }
    }

    /** Whether PDFBox embeds it and it has every glyph of {@link #SAMPLE}. */
    static boolean usable(Path file) {
        try (PDDocument scratch = new PDDocument()) {
            PDType0Font font = PDType0Font.load(scratch, file.toFile());
            font.encode(SAMPLE);
            return true;
        } catch (IOException | RuntimeException e) {
            log.debug("font {} is not usable for cards: {}", file, e.toString());
            return false;
        }
    }
}
