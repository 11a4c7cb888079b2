package kr.smartsenior.edge.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Pi's installer without the Pi: it leaves the same request as {@link RequestInstaller} and then runs
 * what the path unit would, the firmware's own {@code ssc-update-request.sh} and {@code ssc-update.sh}
 * (copied from the firmware-config jar), under a scratch root ({@code SSC_ROOT}) with a {@code SYSTEMCTL}
 * stand-in. So the real signature check, symlink switch and rollback are exercised; only systemd is not.
 */
public final class ScriptInstaller extends RequestInstaller {

    private final Path scripts;
    private final Map<String, String> environment;

    /**
     * @param dir         the kiosk's update directory
     * @param root        the scratch root ({@code SSC_ROOT}: {@code etc/smartsenior/update-key.pub},
     *                    {@code etc/smartsenior/kiosk-unit}, {@code opt/smartsenior/})
     * @param systemctl   the stand-in for systemctl ({@code SYSTEMCTL})
     * @param environment more variables (say {@code SSC_UPDATE_SETTLE_S})
     */
    public ScriptInstaller(Path dir, Path root, Path systemctl, Map<String, String> environment) throws IOException {
        super(dir);
        this.scripts = Files.createDirectories(dir.resolve("scripts"));
        copy("update/ssc-update.sh");
        copy("update/ssc-update-request.sh");
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("SSC_ROOT", root.toString());
        env.put("SYSTEMCTL", systemctl.toString());
        this.environment = Map.copyOf(env);
    }

    private void copy(String resource) throws IOException {
        Path target = scripts.resolve(Path.of(resource).getFileName());
        try (InputStream in = ScriptInstaller.class.getResourceAsStream("/firmware/" + resource)) {
            if (in == null) {
                throw new IOException("the firmware script " + resource + " is not on the classpath");
            }
            Files.write(target, in.readAllBytes());
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Override
    public void install(String version) throws IOException {
        super.install(version);
        ProcessBuilder process = new ProcessBuilder(List.of("bash", scripts.resolve("ssc-update-request.sh").toString(),
                workDir().toString())).redirectErrorStream(true).redirectOutput(workDir().resolve("request-run.log").toFile());
        process.environment().putAll(environment);
        Process run = process.start();
        try {
            if (!run.waitFor(5, TimeUnit.MINUTES)) {
                run.destroyForcibly();
                throw new IOException("ssc-update-request.sh did not finish in 5 minutes");
            }
        } catch (InterruptedException e) {
            run.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while installing", e);
        }
    }
}
