package kr.smartsenior.edge.ui.views;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kiosk's text size relative to its design ({@code kiosk.css}): every {@code -fx-font-size} of the
 * stylesheet multiplied by the scale, handed to JavaFX as a generated stylesheet. Only the text grows;
 * paddings, tiles and pads keep their design size, and buttons grow with their words. Screens are laid out
 * for the longest real content (decision 0025), so the scale is capped at {@link #MAX}, the largest at
 * which every screen of {@code EveryScreenTest} still fits 1920×1080 and 1280×720 with the worst-case
 * content (decision 0042); a larger requested scale runs at {@link #MAX}.
 */
public final class TextScale {

    /** The design's size. */
    public static final double DEFAULT = 1.0;
    /** The largest scale every screen fits at with the longest real content (decision 0042). */
    public static final double MAX = kr.smartsenior.protocol.DeviceSettings.TEXT_SCALE_KIOSK_MAX;

    /** A rule of the stylesheet (comments removed): its selector and its body. */
    private static final Pattern RULE = Pattern.compile("([^{}]*)\\{([^{}]*)\\}");
    /** Rules whose text keeps its design size (see {@link #scaled}). */
    private static final java.util.Set<String> UNSCALED = java.util.Set.of(".status", ".staff-notice", ".validation-badge",
            ".key", ".key-word", ".typed-value", ".keypad-problem");
    private static final Pattern FONT_SIZE = Pattern.compile("(-fx-font-size:\\s*)(\\d+(?:\\.\\d+)?)px");
    private static volatile String design;

    private TextScale() {
    }

    /** The scale the kiosk runs for a requested one: {@link #DEFAULT} to {@link #MAX}. */
    public static double applied(double requested) {
        if (!(requested >= DEFAULT)) { // NaN too
            return DEFAULT;
        }
        return Math.min(requested, MAX);
    }

    /** The kiosk's stylesheet with its text at this scale ({@link #applied}), as a URL JavaFX loads. */
    static String stylesheet(double requested) {
        double scale = applied(requested);
        if (scale == DEFAULT) {
            return KioskView.class.getResource(KioskView.STYLESHEET).toExternalForm();
        }
        String css = scaled(design(), scale);
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The stylesheet's text with every font size multiplied by {@code scale} (whole pixels), but for the
     * lines around the screen that are not what the senior reads through: the status bar (voice off, the
     * simulation's keys), the staff notice and the 검증 측정 badge keep their design size (at least 32 px
     * already) and so does staff's keypad for 검증 측정, so that the screens' own text gets the room. The
     * dense screens ({@code .screen.compact}: the exercise screens and the summary's pages, decision 0025)
     * keep the design's sizes too: measured, they have no room for larger text (decision 0042).
     */
    static String scaled(String css, double scale) {
        Matcher rule = RULE.matcher(css.replaceAll("(?s)/\\*.*?\\*/", "")); // comments may hold braces
        StringBuilder out = new StringBuilder();
        StringBuilder compact = new StringBuilder();
        while (rule.find()) {
            String selector = rule.group(1);
            String body = rule.group(2);
            boolean unscaled = UNSCALED.contains(selector.strip());
            rule.appendReplacement(out, Matcher.quoteReplacement(selector + "{" + (unscaled ? body : fontSizes(body, scale)) + "}"));
            Matcher size = FONT_SIZE.matcher(body);
            if (!unscaled && size.find()) { // the dense screens keep the design's size (more specific: wins)
                String design = size.group(2) + "px";
                String inside = java.util.Arrays.stream(selector.split(","))
                        .map(part -> part.strip().equals(".kiosk") ? ".screen.compact" : ".screen.compact " + part.strip())
                        .collect(java.util.stream.Collectors.joining(", "));
                compact.append('\n').append(inside).append(" { -fx-font-size: ").append(design).append("; }");
            }
        }
        rule.appendTail(out);
        return out.append(compact).toString();
    }

    private static String fontSizes(String body, double scale) {
        Matcher m = FONT_SIZE.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long px = Math.round(Double.parseDouble(m.group(2)) * scale);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + String.format(Locale.ROOT, "%dpx", px)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String design() {
        String css = design;
        if (css == null) {
            try (InputStream in = KioskView.class.getResourceAsStream(KioskView.STYLESHEET)) {
                css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the kiosk stylesheet", e);
            }
            design = css;
        }
        return css;
    }
}
