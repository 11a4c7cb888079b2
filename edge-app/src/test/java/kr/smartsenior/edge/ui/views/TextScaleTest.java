package kr.smartsenior.edge.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The remote text scale as a stylesheet (decision 0042): the screens' text grows, the frame's lines do not. */
class TextScaleTest {

    @Test
    void everyFontSizeOfTheScreensGrowsAndTheStatusLinesKeepTheirs() {
        String css = "/* a comment { with braces } */\n.kiosk {\n    -fx-font-size: 40px;\n}\n.heading { -fx-font-size: 72px; -fx-padding: 8px; }\n"
                + ".status {\n    -fx-font-size: 32px;\n}\n.staff-notice { -fx-font-size: 34px; }";
        String scaled = TextScale.scaled(css, 1.2);
        assertThat(scaled).contains(".kiosk {\n    -fx-font-size: 48px;", ".heading { -fx-font-size: 86px; -fx-padding: 8px; }",
                ".status {\n    -fx-font-size: 32px;", ".staff-notice { -fx-font-size: 34px; }");
        // the dense screens (exercise, summary pages) keep the design's sizes
        assertThat(scaled).contains(".screen.compact { -fx-font-size: 40px; }", ".screen.compact .heading { -fx-font-size: 72px; }")
                .doesNotContain(".screen.compact .status");
    }

    @Test
    void theScaleIsCappedAtWhatTheScreensFit() {
        assertThat(TextScale.applied(2.0)).isEqualTo(TextScale.MAX);
        assertThat(TextScale.applied(0.5)).isEqualTo(TextScale.DEFAULT);
        assertThat(TextScale.applied(Double.NaN)).isEqualTo(TextScale.DEFAULT);
        assertThat(TextScale.applied(TextScale.MAX)).isEqualTo(TextScale.MAX);
        assertThat(TextScale.stylesheet(1.0)).endsWith("/kr/smartsenior/edge/ui/kiosk.css");
        assertThat(TextScale.stylesheet(2.0)).startsWith("data:text/css;base64,");
    }
}
