package kr.smartsenior.protocol.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The golden examples of what crosses the wire, kept once for both sides in
 * {@code protocol/src/test/resources/contract} (see its README): the side that writes a kind of
 * message checks its real output against them, the side that reads it consumes them. Run a writer's
 * test with {@code -Dcontract.update=true} to write them afresh after a deliberate change, then run
 * the other side's tests.
 *
 * <p>Shared with the kiosk's and the server's tests through this module's test jar. Tests run in their
 * module's folder, so the examples are found beside it; {@code -Dssc.contract.dir} points elsewhere.
 */
public final class ContractExamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractExamples() {
    }

    /** The folder of one kind of example ({@code "prescriptions"}, {@code "kiosk-records"}). */
    public static Path folder(String kind) {
        String configured = System.getProperty("ssc.contract.dir");
        Path root = configured != null ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent().resolve("protocol/src/test/resources/contract");
        Path folder = root.resolve(kind);
        assertThat(folder).as("the contract examples (run from the module's folder)").isDirectory();
        return folder;
    }

    /** Every example of a kind, by file name without ".json", in name order. */
    public static List<String> names(String kind) {
        try (Stream<Path> files = Files.list(folder(kind))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] read(String kind, String name) {
        try {
            return Files.readAllBytes(folder(kind).resolve(name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks that what this side writes today is the example (as JSON, whatever the spacing), or
     * writes it when {@code -Dcontract.update=true}.
     */
    public static void check(String kind, String name, byte[] actual) {
        try {
            check(kind, name, JSON.readTree(actual));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #check(String, String, byte[])} for JSON already read. */
    public static void check(String kind, String name, JsonNode written) {
        Path file = folder(kind).resolve(name + ".json");
        try {
            if (Boolean.getBoolean("contract.update")) {
                Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(written) + "\n",
                        StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                fail("no contract example " + file + "; run this test with -Dcontract.update=true to write it, then run"
                        + " the other side's contract tests");
            }
            assertThat(written).as("%s drifted from the contract example %s: if the change is deliberate, rerun with"
                    + " -Dcontract.update=true and run the other side's contract tests", name, file)
                    .isEqualTo(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
