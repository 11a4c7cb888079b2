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
                .contains("smartsenior-kiosk.service").contains("getty@tty1.service");
    }

    @Test
    void theSessionStartsTheKioskScreenNotTheHeadlessOne() throws IOException {
        String script = resource(DIR + "kiosk-session.sh");
        assertThat(script).startsWith("#!/bin/sh").contains("$SSC_KIOSK_JAVA_OPTS")
                .contains("-jar /opt/smartsenior/kiosk/smartsenior-kiosk.jar --simulate")
                .doesNotContain("--headless").contains("exec ");
        assertThat(script).contains("xset s off -dpms s noblank");
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
