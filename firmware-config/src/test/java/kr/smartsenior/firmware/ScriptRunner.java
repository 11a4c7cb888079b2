package kr.smartsenior.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs the firmware's shell scripts from the classpath in a scratch root, with a recording fake systemctl. */
final class ScriptRunner {

    private final Path work;
    private final Path systemctl;

    ScriptRunner(Path work) throws IOException {
        this.work = work;
        this.systemctl = work.resolve("fake-systemctl");
        // records each call; "is-active" fails while the file "kiosk-fails" exists; "show -p NRestarts" counts
        // up at each call while "kiosk-crashloops" exists (systemd restarting the unit by itself), else says 0
        Files.writeString(systemctl, """
                #!/usr/bin/env bash
                W="%s"
                echo "$*" >> "$W/systemctl.log"
                if [ "$1" = is-active ] && [ -f "$W/kiosk-fails" ]; then exit 3; fi
                if [ "$1" = show ] && [ "$2" = -p ] && [ "$3" = NRestarts ]; then
                  n=0
                  if [ -f "$W/kiosk-crashloops" ]; then
                    n=$(( $(cat "$W/nrestarts" 2>/dev/null || echo 0) + 1 )); echo "$n" > "$W/nrestarts"
                  fi
                  echo "$n"
                fi
                exit 0
                """.formatted(work));
        Files.setPosixFilePermissions(systemctl, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static void requireTools(String... tools) {
        for (String tool : tools) {
            boolean found = List.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")).stream()
                    .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
            Assumptions.assumeTrue(found, tool + " is not installed");
        }
    }

    /** Copies a script from the classpath ({@code /firmware/...}) into the work dir and makes it executable. */
    Path script(String resource) throws IOException {
        Path target = work.resolve(Path.of(resource).getFileName());
        try (InputStream in = ScriptRunner.class.getResourceAsStream("/firmware/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.write(target, in.readAllBytes());
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        return target;
    }

    record Result(int exit, String output) {
    }

    Result run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true);
        builder.environment().put("SYSTEMCTL", systemctl.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    String systemctlCalls() throws IOException {
        Path log = work.resolve("systemctl.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** The unit stays "active" but systemd keeps restarting it (Restart=always): NRestarts grows. */
    void kioskCrashLoops(boolean loops) throws IOException {
        Path flag = work.resolve("kiosk-crashloops");
        if (loops) {
            Files.writeString(flag, "");
        } else {
            Files.deleteIfExists(flag);
        }
    }

    void kioskFails(boolean fails) throws IOException {
        Path flag = work.resolve("kiosk-fails");
        if (fails) {
            Files.writeString(flag, "");
        } else {
            Files.deleteIfExists(flag);
        }
    }
}
