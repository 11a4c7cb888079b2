package kr.smartsenior.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The kiosk screen's session on the Pi: cage running only the kiosk, restarting, never blanking, fitting in 2 GB. */
class KioskScreenSessionTest {

    private static final String DIR = "kiosk-session/";
    /** A Pi 4 with 2 GB shares memory with the GPU, the compositor and the OS: the heap stays well below. */
    private static final long MAX_HEAP_MB = 512;

    private static String resource(String name) throws IOException {
        try (InputStream in = KioskScreenSessionTest.class.getResourceAsStream("/firmware/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> values(String unit, String key) {
        List<String> values = new ArrayList<>();
        for (String line : unit.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith(key + "=")) {
                values.add(trimmed.substring(key.length() + 1));
            }
        }
        return values;
    }

    @Test
    void cageRunsOnlyTheKioskOnTty1AndComesBackAfterAnyExit() throws IOException {
        String unit = resource(DIR + "smartsenior-kiosk-screen.service");
        assertThat(values(unit, "ExecStart")).singleElement().asString()
                .startsWith("/usr/bin/cage ").endsWith("-- /opt/smartsenior/kiosk/kiosk-session.sh");
        assertThat(values(unit, "Restart")).containsExactly("always");
        assertThat(values(unit, "TTYPath")).containsExactly("/dev/tty1");
        assertThat(values(unit, "User")).doesNotContain("root").hasSize(1);
        assertThat(values(unit, "ReadWritePaths")).containsExactly("/var/lib/smartsenior");
        assertThat(values(unit, "EnvironmentFile")).contains("/etc/smartsenior/kiosk.env", "/etc/smartsenior/kiosk-java.env");
    }

    @Test
    void theScreenAndTheHeadlessKioskNeverRunTogether() throws IOException {
        // same local store, same MQTT client id: two at once would fight over both
        assertThat(values(resource(DIR + "smartsenior-kiosk-screen.service"), "Conflicts")).singleElement().asString()
                .contains("smartsenior-kiosk-sim.service").contains("getty@tty1.service");
    }

    @Test
    void theSessionStartsTheKioskScreenOnTheRealDevices() throws IOException {
        String script = resource(DIR + "kiosk-session.sh");
        assertThat(script).startsWith("#!/bin/sh").contains("xset s off -dpms s noblank");
        List<String> exec = script.lines().filter(line -> line.startsWith("exec ")).toList();
        // no option is the hardware mode; only a demonstration kiosk adds --simulate through kiosk.env
        assertThat(exec).singleElement().asString().contains("$SSC_KIOSK_JAVA_OPTS")
                .endsWith("-jar /opt/smartsenior/kiosk/smartsenior-kiosk.jar ${SSC_KIOSK_ARGS:-}")
                .doesNotContain("--simulate").doesNotContain("--headless");
    }

    @Test
    void theScreenMayUseTheSensorsTheCameraAndTheScannerAndStartsOnALiteImage() throws IOException {
        String unit = resource(DIR + "smartsenior-kiosk-screen.service");
        assertThat(values(unit, "SupplementaryGroups")).singleElement().asString().contains("gpio", "i2c", "video", "dialout",
                "input", "audio");
        // Raspberry Pi OS Lite boots to multi-user.target: a unit wanted by graphical.target would never start
        assertThat(values(unit, "WantedBy")).containsExactly("multi-user.target");
    }

    @Test
    void theJvmFitsAPiWithTwoGigabytesAndRestartsRatherThanLimp() throws IOException {
        String env = resource(DIR + "kiosk-java.env");
        Matcher opts = Pattern.compile("^SSC_KIOSK_JAVA_OPTS=\"(.+)\"$", Pattern.MULTILINE).matcher(env);
        assertThat(opts.find()).isTrue();
        String options = opts.group(1);
        Matcher heap = Pattern.compile("-Xmx(\\d+)m").matcher(options);
        assertThat(heap.find()).isTrue();
        assertThat(Long.parseLong(heap.group(1))).isLessThanOrEqualTo(MAX_HEAP_MB);
        assertThat(options).contains("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Dprism.order=es2,sw")
                .contains("-XX:TieredStopAtLevel=1") // the resident memory under 300 MB (docs/benchmarks.md)
                .contains("-XX:SharedArchiveFile=/var/lib/smartsenior/");
    }

    @Test
    void thePiGetsTheCompositorTheKoreanFontsAndNoScreenBlanking() throws IOException {
        List<String> packages = resource(DIR + "packages.txt").lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .toList();
        assertThat(packages).contains("cage", "xwayland", "fonts-nanum", "libgtk-3-0");
        assertThat(resource(DIR + "cmdline-append.txt").strip()).isEqualTo("consoleblank=0");
    }
}
