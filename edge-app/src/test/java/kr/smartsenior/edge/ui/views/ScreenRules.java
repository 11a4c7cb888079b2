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
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rules for every screen, checked on the laid-out scene graph and on its snapshot (decision 0025):
 * text at least 32 px and headings at least 56 px (design pixels), text contrast at least 7:1 as
 * drawn (sampled from the snapshot), touch targets at least 64 px with at least 24 px between them and
 * 16 px from any text not their own, a heading on every screen; and everything fits: no text or button
 * outside the screen or a clip, no label cut short or wrapped a letter a line, nothing drawn over a
 * text. The same rules hold at 1280×720 (the kiosk scales its 1920×1080 design).
 */
final class ScreenRules {

    static final double MIN_TEXT_PX = 32;
    static final double MIN_HEADING_PX = 56;
    static final double MIN_CONTRAST = 7.0;
    static final double MIN_TARGET_PX = 64;
    static final double MIN_TARGET_GAP_PX = 24;
    /** Between a button and a text not its own (the status bar, a sentence): room to see which is which. */
    static final double MIN_TEXT_GAP_PX = 16;

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
        }
        Scene scene = root.getScene();
        WritableImage drawn = scene == null ? null : scene.snapshot(null);
        if (drawn != null) {
            for (Text text : texts) {
                drawnContrast(text, drawn).ifPresent(problems::add);
            }
        }
        problems.addAll(fits(root, texts, buttons));
        if (!heading) {
            problems.add("the screen has no heading");
        }
        double scale = scene == null ? 1 : Math.min(scene.getWidth() / KioskView.WIDTH, scene.getHeight() / KioskView.HEIGHT);
        for (ButtonBase button : buttons) {
            Bounds b = design(button.localToScene(button.getLayoutBounds()), scale);
            if (b.getWidth() < MIN_TARGET_PX || b.getHeight() < MIN_TARGET_PX) {
                problems.add("button '" + button.getText() + "' is " + (int) b.getWidth() + "×" + (int) b.getHeight()
                        + " px, below " + MIN_TARGET_PX);
            }
        }
        for (int i = 0; i < buttons.size(); i++) {
            for (int j = i + 1; j < buttons.size(); j++) {
                double gap = gap(buttons.get(i).localToScene(buttons.get(i).getLayoutBounds()),
                        buttons.get(j).localToScene(buttons.get(j).getLayoutBounds()));
                if (gap / scale < MIN_TARGET_GAP_PX) {
                    problems.add("buttons '" + buttons.get(i).getText() + "' and '" + buttons.get(j).getText() + "' are "
                            + (int) gap + " px apart, below " + MIN_TARGET_GAP_PX);
                }
            }
        }
        return problems;
    }

    /** Scene bounds in the design's pixels (the kiosk scales its 1920×1080 design to the window). */
    private static Bounds design(Bounds b, double scale) {
        return new javafx.geometry.BoundingBox(b.getMinX() / scale, b.getMinY() / scale, b.getWidth() / scale,
                b.getHeight() / scale);
    }

    /**
     * Contrast as drawn: in the snapshot, the text's box holds its background (the commonest colour)
     * and its ink (the colour farthest from the background that covers a real part of the glyphs, so a
     * stray anti-aliased pixel does not count). Whatever a text is drawn on or over, this is what the
     * senior sees.
     */
    static Optional<String> drawnContrast(Text text, WritableImage drawn) {
        Bounds b = text.localToScene(text.getBoundsInLocal());
        int x0 = (int) Math.max(0, Math.floor(b.getMinX()));
        int y0 = (int) Math.max(0, Math.floor(b.getMinY()));
        int x1 = (int) Math.min(drawn.getWidth(), Math.ceil(b.getMaxX()));
        int y1 = (int) Math.min(drawn.getHeight(), Math.ceil(b.getMaxY()));
        String what = "'" + abbreviate(text.getText()) + "'";
        if (x1 <= x0 || y1 <= y0) {
            return Optional.of(what + " is not drawn on the screen at all");
        }
        PixelReader pixels = drawn.getPixelReader();
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                counts.merge(pixels.getArgb(x, y) | 0xff000000, 1, Integer::sum);
            }
        }
        int background = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Color paper = argb(background);
        int total = (x1 - x0) * (y1 - y0);
        int enough = Math.max(3, total / 400);
        double best = 1;
        Color ink = paper;
        for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
            if (entry.getValue() < enough) {
                continue;
            }
            Color c = argb(entry.getKey());
            double ratio = contrast(c, paper);
            if (ratio > best) {
                best = ratio;
                ink = c;
            }
        }
        if (best < MIN_CONTRAST) {
            return Optional.of(what + " has contrast " + String.format("%.2f", best) + ":1 as drawn (" + ink + " on " + paper
                    + "), below " + MIN_CONTRAST);
        }
        return Optional.empty();
    }

    private static Color argb(int argb) {
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
    }

    /**
     * Everything fits: no text or button outside the screen or outside a clip around it, no label
     * cut short (its drawn text differs from its text: an ellipsis), no label squeezed to one letter a
     * line, no button over a text that is not its own, no two texts over each other.
     */
    static List<String> fits(Parent root, List<Text> texts, List<ButtonBase> buttons) {
        List<String> problems = new ArrayList<>();
        Scene scene = root.getScene();
        Bounds screen = new javafx.geometry.BoundingBox(0, 0, scene == null ? root.getLayoutBounds().getWidth() : scene.getWidth(),
                scene == null ? root.getLayoutBounds().getHeight() : scene.getHeight());
        List<Node> shown = new ArrayList<>(texts);
        shown.addAll(buttons);
        for (Node node : shown) {
            String what = describe(node);
            Bounds b = node.localToScene(node.getBoundsInLocal());
            if (!inside(b, screen)) {
                problems.add(what + " is off the screen at " + box(b));
            }
            for (Node up = node.getParent(); up != null; up = up.getParent()) {
                if (up.getClip() != null && !inside(b, up.localToScene(up.getClip().getBoundsInParent()))) {
                    problems.add(what + " is clipped by " + up.getClass().getSimpleName());
                }
            }
        }
        for (Text text : texts) {
            if (text.getParent() instanceof Labeled labeled) {
                String full = labeled.getText();
                if (!text.getText().equals(full)) {
                    problems.add("'" + abbreviate(full) + "' is cut short to '" + abbreviate(text.getText()) + "'");
                }
                double letters = java.util.Arrays.stream(full.split("\n")).mapToInt(l -> l.strip().length()).max().orElse(0);
                double fontSize = text.getFont().getSize();
                double width = text.getLayoutBounds().getWidth();
                boolean wrapped = text.getLayoutBounds().getHeight() > 1.8 * fontSize * full.split("\\n").length;
                if (letters >= 2 && wrapped && width < 1.6 * fontSize) {
                    problems.add("'" + abbreviate(full) + "' wraps one letter a line (" + (int) width + " px wide)");
                }
            }
        }
        double scale = Math.min(screen.getWidth() / KioskView.WIDTH, screen.getHeight() / KioskView.HEIGHT);
        for (ButtonBase button : buttons) {
            Bounds whole = button.localToScene(button.getBoundsInLocal());
            Bounds b = shrink(whole);
            for (Text text : texts) {
                if (isInside(text, button)) {
                    continue;
                }
                Bounds t = text.localToScene(text.getBoundsInLocal());
                if (b.intersects(shrink(t))) {
                    problems.add("button '" + abbreviate(button.getText()) + "' lies over '" + abbreviate(text.getText()) + "'");
                } else if (gap(whole, t) / scale < MIN_TEXT_GAP_PX) {
                    problems.add("button '" + abbreviate(button.getText()) + "' is " + (int) (gap(whole, t) / scale)
                            + " px from '" + abbreviate(text.getText()) + "', below " + MIN_TEXT_GAP_PX);
                }
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                Text a = texts.get(i);
                Text c = texts.get(j);
                if (shrink(a.localToScene(a.getBoundsInLocal())).intersects(shrink(c.localToScene(c.getBoundsInLocal())))) {
                    problems.add("'" + abbreviate(a.getText()) + "' and '" + abbreviate(c.getText()) + "' are drawn over each other");
                }
            }
        }
        return problems;
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static Bounds shrink(Bounds b) {
        double d = Math.min(2, Math.min(b.getWidth(), b.getHeight()) / 4);
        return new javafx.geometry.BoundingBox(b.getMinX() + d, b.getMinY() + d, b.getWidth() - 2 * d, b.getHeight() - 2 * d);
    }

    private static boolean inside(Bounds b, Bounds outer) {
        double slack = 1;
        return b.getMinX() >= outer.getMinX() - slack && b.getMinY() >= outer.getMinY() - slack
                && b.getMaxX() <= outer.getMaxX() + slack && b.getMaxY() <= outer.getMaxY() + slack;
    }

    private static String describe(Node node) {
        if (node instanceof ButtonBase button) {
            return "button '" + abbreviate(button.getText()) + "'";
        }
        return "'" + abbreviate(((Text) node).getText()) + "'";
    }

    private static String box(Bounds b) {
        return String.format("(%.0f,%.0f)-(%.0f,%.0f)", b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY());
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
