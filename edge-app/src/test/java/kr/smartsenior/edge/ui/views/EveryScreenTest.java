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
 * Draws every screen at 1920×1080 and checks the rules for seniors on each (ScreenRules). With
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
        assertThat(shown).containsAll(Arrays.asList(Screen.class.getPermittedSubclasses()));
    }

    @Test
    void everyScreenKeepsTheRulesForSeniors() {
        Map<String, List<String>> broken = new LinkedHashMap<>();
        for (ScreenGallery.Example example : ScreenGallery.all()) {
            List<String> problems = FxTesting.onFx(() -> {
                Scene scene = render(example);
                List<String> found = new ArrayList<>(ScreenRules.check(scene.getRoot()));
                screenshot(scene, example.name());
                return found;
            });
            if (!problems.isEmpty()) {
                broken.put(example.name(), problems);
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
                    screenshot(scene, name);
                    return found;
                });
                if (!problems.isEmpty()) {
                    broken.put(name, problems);
                }
            }
        }
        assertThat(broken).as("screens that break a rule").isEmpty();
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
        KioskViewModel model = new KioskViewModel();
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
        String folder = System.getProperty("ssc.screenshots", "");
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
