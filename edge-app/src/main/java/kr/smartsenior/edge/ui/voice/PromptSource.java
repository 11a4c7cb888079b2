package kr.smartsenior.edge.ui.voice;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where each prompt's recording comes from: the site's own {@code <prompt>.wav} in the voice folder
 * ({@code SSC_VOICE_DIR}) when there is one, else the default recording in the kiosk jar. A site can so
 * replace any subset of prompts with a recorded human voice without a new build.
 */
final class PromptSource {

    private final Optional<Path> siteDir;

    PromptSource(Optional<Path> siteDir) {
        this.siteDir = siteDir;
    }

    /** The URI JavaFX media can open. */
    String uri(Prompt prompt) {
        if (siteDir.isPresent()) {
            Path own = siteDir.get().resolve(prompt.fileName());
            if (Files.isReadable(own)) {
                return own.toUri().toString();
            }
        }
        URL bundled = Prompt.class.getResource(Prompt.RESOURCE_DIR + prompt.fileName());
        if (bundled == null) {
            throw new IllegalStateException("no recording for prompt " + prompt.key());
        }
        try {
            return bundled.toURI().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("odd resource URL " + bundled, e);
        }
    }
}
