package kr.smartsenior.edge.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import kr.smartsenior.edge.ui.FxTesting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Draws every screen at 1920×1080 and 1280×720 and checks the rules for seniors on each (ScreenRules),
 * with the gallery's examples and with the server's real prescriptions and the longest content. With
 * {@code -Dssc.screenshots=<folder>} (scripts/render-screenshots.sh) it also writes each as PNG.
 */
class EveryScreenTest {

    @BeforeAll
    static void toolkit() {
        FxTesting.startOrSkip();
    }

    @Test
    void theGalleryShowsEveryKindOfScreen() {
        Set<Class<?>> shown = ScreenGallery.all().stream().map(example -> example.screen().getClass())
                .collect(Collectors.toSet());
        assertThat(shown).containsAll(kinds(Screen.class));
    }

    /** Every record a sealed screen type permits, through the sealed interfaces in between ({@link Screen.Question}). */
    private static List<Class<?>> kinds(Class<?> type) {
        return Arrays.stream(type.getPermittedSubclasses())
                .flatMap(sub -> sub.isInterface() ? kinds(sub).stream() : java.util.stream.Stream.of(sub)).toList();
    }

    @Test
    void everyScreenKeepsTheRulesForSeniors() {
        Map<String, List<String>> broken = new LinkedHashMap<>();
        for (ScreenGallery.Example example : ScreenGallery.all()) {
            for (double[] size : SIZES) {
                boolean design = size[0] == KioskView.WIDTH;
                List<String> problems = FxTesting.onFx(() -> {
                    Scene scene = render(example, size[0], size[1]);
                    List<String> found = new ArrayList<>(ScreenRules.check(scene.getRoot()));
                    if (design) {
                        screenshot(scene, example.name());
                    }
                    return found;
                });
                if (!problems.isEmpty()) {
                    broken.put(example.name() + (design ? "" : "-" + (int) size[0] + "x" + (int) size[1]), problems);
                }
            }
        }
        assertThat(broken).as("screens that break a rule").isEmpty();
    }

    @Test
    void theServersRealPrescriptionsAndTheLongestContentFitAtBothSizes() {
        Map<String, List<String>> broken = new LinkedHashMap<>();
        List<ScreenGallery.Example> examples = new ArrayList<>(ScreenGallery.golden());
        examples.addAll(ScreenGallery.worstCase());
        for (ScreenGallery.Example example : ScreenGallery.everyPage(examples)) {
            for (double[] size : SIZES) {
                String name = example.name() + "-" + (int) size[0] + "x" + (int) size[1];
                List<String> problems = FxTesting.onFx(() -> {
                    Scene scene = render(example, size[0], size[1]);
                    List<String> found = new ArrayList<>(ScreenRules.check(scene.getRoot()));
                    screenshot(scene, name, "ssc.screenshots.fit"); // many: not among the docs' screenshots
                    return found;
                });
                if (!problems.isEmpty()) {
                    broken.put(name, problems);
                }
            }
        }
        assertThat(broken).as("screens that break a rule").isEmpty();
    }

    /**
     * The admin's largest text (remote {@code textScale}, applied up to {@link TextScale#MAX}, decision 0042):
     * every screen of the gallery, the server's real prescriptions and the longest content still keep every
     * rule at both sizes, and the text is really larger. With {@code -Dssc.screenshots.scaled=<folder>} the
     * screens are written as PNG.
     */
    @Test
    void everyScreenFitsWithTheLargestTextTheKioskApplies() {
        assertThat(fitProblems(TextScale.MAX)).as("screens that break a rule at text scale " + TextScale.MAX).isEmpty();
    }

    static Map<String, List<String>> fitProblems(double textScale) {
        Map<String, List<String>> broken = new LinkedHashMap<>();
        List<ScreenGallery.Example> examples = new ArrayList<>(ScreenGallery.all());
        examples.addAll(ScreenGallery.golden());
        examples.addAll(ScreenGallery.worstCase());
        for (ScreenGallery.Example example : ScreenGallery.everyPage(examples)) {
            for (double[] size : SIZES) {
                String name = example.name() + "-" + (int) size[0] + "x" + (int) size[1] + "-text-" + textScale;
                List<String> problems = FxTesting.onFx(() -> {
                    Scene scene = render(example, size[0], size[1], textScale);
                    List<String> found = new ArrayList<>(ScreenRules.check(scene.getRoot()));
                    screenshot(scene, name, "ssc.screenshots.scaled");
                    return found;
                });
                if (!problems.isEmpty()) {
                    broken.put(name, problems);
                }
            }
        }
        return broken;
    }

    /** The remote text scale reaches every text of a screen, live: the same view's fonts grow, capped at {@link TextScale#MAX}. */
    @Test
    void aTextScaleEnlargesTheFontsOfTheScreenShownAndIsCapped() {
        double[] sizes = FxTesting.onFx(() -> {
            KioskViewModel model = new KioskViewModel();
            model.show(new Screen.Home("김순자"));
            KioskView view = new KioskView(model, (screen, action) -> { }, Optional.empty());
            Scene scene = new Scene(view, KioskView.WIDTH, KioskView.HEIGHT);
            view.applyCss();
            view.layout();
            double before = largestFont(scene.getRoot());
            model.textScale(1.1);
            view.applyCss();
            view.layout();
            double after = largestFont(scene.getRoot());
            model.textScale(2.0);
            view.applyCss();
            double capped = largestFont(scene.getRoot());
            return new double[] {before, after, capped, model.textScale().get()};
        });
        assertThat(sizes[1]).isCloseTo(sizes[0] * 1.1, org.assertj.core.data.Offset.offset(1.0));
        assertThat(sizes[3]).isEqualTo(TextScale.MAX);
        assertThat(sizes[2]).isCloseTo(sizes[0] * TextScale.MAX, org.assertj.core.data.Offset.offset(1.0));
    }

    private static double largestFont(javafx.scene.Node node) {
        double largest = node instanceof javafx.scene.text.Text text ? text.getFont().getSize() : 0;
        if (node instanceof javafx.scene.Parent parent) {
            for (javafx.scene.Node child : parent.getChildrenUnmodifiable()) {
                largest = Math.max(largest, largestFont(child));
            }
        }
        return largest;
    }

    /**
     * The overflow issue #14 found: the summary with a long prescription pushed its heading off the top
     * and its buttons off the bottom. A summary made to hold the server's every-restriction prescription
     * on one page (as before pages) must fail, and so must a label cut short, a label one letter a line,
     * and a text that is dark as declared but drawn under a pale veil.
     */
    @Test
    void theRulesCatchOverflowCutShortTextLettersALineAndContrastAsDrawn() {
        List<String> overflow = FxTesting.onFx(() -> {
            Scene scene = render(new ScreenGallery.Example("one-page", new Screen.Summary("김순자", ScreenGallery.worstResults(),
                    List.of(), true)), 1280, 720);
            javafx.scene.layout.VBox summary = find(scene.getRoot(), SummaryView.class);
            List<Screen.Line> lines = ScreenWording.prescription(ScreenGallery.prescription("every-restriction"));
            summary.getChildren().add(2, SummaryView.sentences("운동 처방", lines)); // all of it on one page
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return ScreenRules.check(scene.getRoot());
        });
        assertThat(overflow).anyMatch(p -> p.startsWith("'김순자님의 오늘 결과' is off the screen"))
                .anyMatch(p -> p.startsWith("button '끝내기' is off the screen"));

        List<String> squeezed = FxTesting.onFx(() -> {
            Scene scene = render(new ScreenGallery.Example("bad", new Screen.Home("김순자")));
            javafx.scene.layout.Pane root = (javafx.scene.layout.Pane) scene.getRoot();
            javafx.scene.control.Label cut = new javafx.scene.control.Label("끝내기와 처음 화면으로 가는 긴 안내");
            cut.setStyle("-fx-font-size: 40px; -fx-text-fill: #1b1b1b; -fx-background-color: #ffffff;");
            javafx.scene.control.Label letters = new javafx.scene.control.Label("운동 처방");
            letters.setWrapText(true);
            letters.setStyle("-fx-font-size: 40px; -fx-text-fill: #1b1b1b; -fx-background-color: #ffffff;");
            javafx.scene.control.Label veiled = new javafx.scene.control.Label("가려진 글씨");
            veiled.setStyle("-fx-font-size: 40px; -fx-text-fill: #1b1b1b; -fx-background-color: #ffffff;");
            javafx.scene.layout.Region veil = new javafx.scene.layout.Region();
            veil.setStyle("-fx-background-color: rgba(255,255,255,0.85);");
            root.getChildren().addAll(cut, letters, veiled, veil);
            for (javafx.scene.Node added : List.of(cut, letters, veiled, veil)) {
                added.setManaged(false); // placed by hand, kept where it is put
            }
            root.applyCss();
            root.layout();
            cut.resizeRelocate(1500, 300, 300, 60);
            letters.resizeRelocate(1500, 400, 44, 400);
            veiled.resizeRelocate(1500, 850, 300, 60);
            veil.resizeRelocate(1490, 840, 320, 80);
            for (javafx.scene.Parent added : List.of(cut, letters, veiled)) {
                added.layout();
            }
            return ScreenRules.check(root);
        });
        assertThat(squeezed).anyMatch(p -> p.startsWith("'끝내기와 처음 화면으로 가는 긴 안내' is cut short to"))
                .anyMatch(p -> p.startsWith("'운동 처방' wraps one letter a line"))
                .anyMatch(p -> p.startsWith("'가려진 글씨' has contrast") && p.contains("as drawn"));
    }

    private static <T> T find(javafx.scene.Node node, Class<T> type) {
        if (type.isInstance(node)) {
            return type.cast(node);
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (javafx.scene.Node child : parent.getChildrenUnmodifiable()) {
                T found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The kiosk's screens: 1920×1080 (the design) and 1280×720 (a smaller monitor). */
    static final double[][] SIZES = {{1920, 1080}, {1280, 720}};

    @Test
    void theRulesCatchSmallTextLowContrastAndCrowdedButtons() {
        List<String> problems = FxTesting.onFx(() -> {
            Scene scene = render(new ScreenGallery.Example("bad", new Screen.Home("김순자")));
            javafx.scene.layout.Pane root = (javafx.scene.layout.Pane) scene.getRoot();
            javafx.scene.control.Label small = new javafx.scene.control.Label("작은 글씨");
            small.setStyle("-fx-font-size: 20px; -fx-text-fill: #999999; -fx-background-color: #ffffff;");
            javafx.scene.control.Button tiny = new javafx.scene.control.Button("x");
            tiny.setStyle("-fx-font-size: 32px; -fx-padding: 0; -fx-min-width: 10px; -fx-max-height: 40px;");
            root.getChildren().addAll(small, tiny);
            root.applyCss();
            root.layout();
            small.resizeRelocate(10, 10, 200, 30);
            tiny.resizeRelocate(10, 60, 40, 40);
            return ScreenRules.check(root);
        });
        assertThat(problems).anyMatch(p -> p.contains("'작은 글씨' is 20.0 px"))
                .anyMatch(p -> p.contains("'작은 글씨' has contrast"))
                .anyMatch(p -> p.startsWith("button 'x' is"));
    }

    /** The kiosk's view of one example, laid out in a 1920×1080 scene. */
    static Scene render(ScreenGallery.Example example) {
        return render(example, KioskView.WIDTH, KioskView.HEIGHT);
    }

    /** The kiosk's view of one example, laid out in a scene of the given size (the design scales to it). */
    static Scene render(ScreenGallery.Example example, double width, double height) {
        return render(example, width, height, TextScale.DEFAULT);
    }

    /** The same, with the admin's remote text scale applied. */
    static Scene render(ScreenGallery.Example example, double width, double height, double textScale) {
        KioskViewModel model = new KioskViewModel();
        model.textScale(textScale);
        model.show(example.screen());
        model.live(example.live());
        model.exercise(example.exercise());
        model.voiceWorking(example.voiceWorking());
        model.validation(example.validation());
        KioskView view = new KioskView(model, (screen, action) -> { }, example.help());
        Scene scene = new Scene(view, width, height);
        view.applyCss();
        view.layout();
        return scene;
    }

    private static void screenshot(Scene scene, String name) {
        screenshot(scene, name, "ssc.screenshots");
    }

    private static void screenshot(Scene scene, String name, String property) {
        String folder = System.getProperty(property, "");
        if (folder.isBlank()) {
            return;
        }
        WritableImage image = scene.snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Path dir = Path.of(folder);
            Files.createDirectories(dir);
            ImageIO.write(png, "png", dir.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
