package kr.smartsenior.edge.ui.views;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;

/**
 * The rules for every screen, checked on the laid-out scene graph at 1920×1080: text at least 32 px,
 * headings at least 56 px, text contrast at least 7:1 against the background it is drawn on, touch
 * targets at least 64 px with at least 24 px between them, and a heading on every screen.
 */
final class ScreenRules {

    static final double MIN_TEXT_PX = 32;
    static final double MIN_HEADING_PX = 56;
    static final double MIN_CONTRAST = 7.0;
    static final double MIN_TARGET_PX = 64;
    static final double MIN_TARGET_GAP_PX = 24;

    private ScreenRules() {
    }

    /** Every broken rule, in words; empty when the screen is fine. */
    static List<String> check(Parent root) {
        List<String> problems = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        List<ButtonBase> buttons = new ArrayList<>();
        collect(root, texts, buttons);
        boolean heading = false;
        for (Text text : texts) {
            String what = "'" + abbreviate(text.getText()) + "'";
            double size = text.getFont().getSize();
            if (size < MIN_TEXT_PX) {
                problems.add(what + " is " + size + " px, below " + MIN_TEXT_PX);
            }
            if (isHeading(text)) {
                heading = true;
                if (size < MIN_HEADING_PX) {
                    problems.add("heading " + what + " is " + size + " px, below " + MIN_HEADING_PX);
                }
            }
            if (!(text.getFill() instanceof Color fill)) {
                problems.add(what + " has no plain colour to check");
                continue;
            }
            Color background = backgroundOf(text);
            if (background == null) {
                problems.add(what + " has no background colour to check");
                continue;
            }
            double ratio = contrast(fill, background);
            if (ratio < MIN_CONTRAST) {
                problems.add(what + " has contrast " + String.format("%.2f", ratio) + ":1 (" + fill + " on " + background
                        + "), below " + MIN_CONTRAST);
            }
        }
        if (!heading) {
            problems.add("the screen has no heading");
        }
        for (ButtonBase button : buttons) {
            Bounds b = button.localToScene(button.getLayoutBounds());
            if (b.getWidth() < MIN_TARGET_PX || b.getHeight() < MIN_TARGET_PX) {
                problems.add("button '" + button.getText() + "' is " + (int) b.getWidth() + "×" + (int) b.getHeight()
                        + " px, below " + MIN_TARGET_PX);
            }
        }
        for (int i = 0; i < buttons.size(); i++) {
            for (int j = i + 1; j < buttons.size(); j++) {
                double gap = gap(buttons.get(i).localToScene(buttons.get(i).getLayoutBounds()),
                        buttons.get(j).localToScene(buttons.get(j).getLayoutBounds()));
                if (gap < MIN_TARGET_GAP_PX) {
                    problems.add("buttons '" + buttons.get(i).getText() + "' and '" + buttons.get(j).getText() + "' are "
                            + (int) gap + " px apart, below " + MIN_TARGET_GAP_PX);
                }
            }
        }
        return problems;
    }

    private static void collect(Node node, List<Text> texts, List<ButtonBase> buttons) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Text text && !text.getText().isBlank()) {
            texts.add(text);
        }
        if (node instanceof ButtonBase button) {
            buttons.add(button);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, texts, buttons);
            }
        }
    }

    private static boolean isHeading(Text text) {
        for (Node n = text; n != null; n = n.getParent()) {
            if (n instanceof Labeled labeled) {
                return labeled.getStyleClass().contains("heading");
            }
        }
        return false;
    }

    /** The colour of the nearest opaque background behind the node (the topmost fill of the nearest region). */
    static Color backgroundOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region region) {
                Background background = region.getBackground();
                if (background != null && !background.getFills().isEmpty()) {
                    List<BackgroundFill> fills = background.getFills();
                    for (int i = fills.size() - 1; i >= 0; i--) {
                        if (fills.get(i).getFill() instanceof Color color && color.getOpacity() > 0.99) {
                            return color;
                        }
                    }
                }
            }
        }
        return null;
    }

    /** WCAG 2 contrast ratio. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static double gap(Bounds a, Bounds b) {
        double dx = Math.max(0, Math.max(a.getMinX() - b.getMaxX(), b.getMinX() - a.getMaxX()));
        double dy = Math.max(0, Math.max(a.getMinY() - b.getMaxY(), b.getMinY() - a.getMaxY()));
        return Math.hypot(dx, dy);
    }

    private static String abbreviate(String text) {
        String line = text.replace('\n', ' ');
        return line.length() > 30 ? line.substring(0, 30) + "…" : line;
    }
}
