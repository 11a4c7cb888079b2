package kr.smartsenior.edge.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The Pi's installer: the kiosk writes {@code request} (the version) into its update directory, beside the
 * bundle and its signature; {@code smartsenior-update.path} (root) sees it and starts
 * {@code smartsenior-update.service}, which runs {@code ssc-update-request.sh} → {@code ssc-update.sh install}
 * and leaves {@code result} ({@code <exit code>}) and {@code result.log}. The kiosk unit runs with
 * {@code NoNewPrivileges}, so it could not use sudo; a path unit needs no privilege from the kiosk at all.
 */
public class RequestInstaller implements Installer {

    static final String REQUEST = "request";
    static final String RESULT = "result";
    static final String RESULT_LOG = "result.log";

    private final Path dir;

    public RequestInstaller(Path dir) {
        this.dir = dir;
    }

    @Override
    public Path workDir() {
        return dir;
    }

    @Override
    public void install(String version) throws IOException {
        Files.createDirectories(dir);
        forget();
        Path temp = dir.resolve(REQUEST + ".tmp");
        Files.writeString(temp, version + "\n", StandardCharsets.US_ASCII);
        // the path unit starts on the rename, with the bundle and its signature already in place
        Files.move(temp, dir.resolve(REQUEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public Optional<Outcome> outcome() {
        try {
            String[] result = Files.readString(dir.resolve(RESULT), StandardCharsets.US_ASCII).strip().split("\\s+", 2);
            String log = Files.exists(dir.resolve(RESULT_LOG)) ? Files.readString(dir.resolve(RESULT_LOG), StandardCharsets.UTF_8)
                    : "";
            return Optional.of(new Outcome(Integer.parseInt(result[0]), log));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.of(new Outcome(2, "unreadable installer result: " + e));
        }
    }

    @Override
    public void forget() {
        try {
            Files.deleteIfExists(dir.resolve(RESULT));
            Files.deleteIfExists(dir.resolve(RESULT_LOG));
        } catch (IOException e) {
            throw new IllegalStateException("cannot clear the installer's result in " + dir, e);
        }
    }
}
