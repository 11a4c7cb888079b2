package kr.smartsenior.edge.ui.voice;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each phrase's recording comes from: the district's own voice pack in the voice folder
 * ({@code SSC_VOICE_DIR}) when it has the phrase, else the built-in pack in the kiosk jar. The
 * district's folder holds {@code <id>.wav} files, or any file names listed in its own
 * {@code voice-pack.tsv} (id, file, words: the built-in manifest's format). A district can so record
 * any subset of phrases with a human voice without a new build; the rest falls back phrase by phrase.
 */
final class PromptSource {

    private static final Logger log = LoggerFactory.getLogger(PromptSource.class);

    /** The manifest's name, in the jar and in a district's folder. */
    static final String MANIFEST = "voice-pack.tsv";

    private final Optional<Path> siteDir;
    private final Map<String, String> siteFiles;

    PromptSource(Optional<Path> siteDir) {
        this.siteDir = siteDir;
        this.siteFiles = siteDir.map(PromptSource::siteManifest).orElse(Map.of());
    }

    /** Every phrase id of the pack: the prompts, then the segments. */
    static List<String> allIds() {
        return Stream.concat(Stream.of(Prompt.values()).map(Prompt::key), Segments.all().stream().map(Segments.Segment::id))
                .toList();
    }

    /** The URI JavaFX media can open. */
    String uri(Prompt prompt) {
        return uri(prompt.key());
    }

    /** The URI of a phrase's recording (a prompt's key or a segment id). */
    String uri(String id) {
        Optional<Path> own = siteFile(id);
        if (own.isPresent()) {
            return own.get().toUri().toString();
        }
        URL bundled = PromptSource.class.getResource(Prompt.RESOURCE_DIR + id + ".wav");
        if (bundled == null) {
            throw new IllegalStateException("no recording for phrase " + id);
        }
        try {
            return bundled.toURI().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("odd resource URL " + bundled, e);
        }
    }

    /** The phrases the district's folder has no readable recording for (all when no folder is set). */
    List<String> missingFromSite() {
        List<String> missing = new ArrayList<>();
        for (String id : allIds()) {
            if (siteFile(id).isEmpty()) {
                missing.add(id);
            }
        }
        return missing;
    }

    private Optional<Path> siteFile(String id) {
        if (siteDir.isEmpty()) {
            return Optional.empty();
        }
        Path own = siteDir.get().resolve(siteFiles.getOrDefault(id, id + ".wav"));
        return Files.isReadable(own) ? Optional.of(own) : Optional.empty();
    }

    /** id → file name from the district's voice-pack.tsv, if it has one. */
    private static Map<String, String> siteManifest(Path dir) {
        Path manifest = dir.resolve(MANIFEST);
        Map<String, String> files = new HashMap<>();
        if (!Files.isReadable(manifest)) {
            return files;
        }
        try {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                String[] columns = line.split("\t");
                if (line.isBlank() || line.startsWith("#") || columns.length < 2 || columns[1].isBlank()) {
                    continue;
                }
                files.put(columns[0].strip(), columns[1].strip());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("cannot read {} ({}); the district's recordings are looked for as <id>.wav", manifest, e.toString());
        }
        return files;
    }
}
