package kr.smartsenior.protocol;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Install this release: published retained by the server on one device's {@code update} topic
 * ({@link Channel#UPDATE}) by an update campaign (decision 0040). The kiosk fetches the bundle and its
 * signature over HTTP(S) from the server with its own broker credentials (HTTP Basic), checks the SHA-256
 * and size, and hands both to the installer, which checks the signature with the kiosk's update key.
 * No personal data.
 *
 * @param campaignId   the campaign, so that a kiosk answers for the right one and does one campaign once
 * @param version      the release's version, as {@code build-update-bundle.sh} named it
 * @param bundleUrl    where to fetch the bundle ({@code .tar.gz})
 * @param signatureUrl where to fetch its signature (RSA/SHA-256, as openssl writes it)
 * @param sha256       the bundle's SHA-256, lower-case hex
 * @param sizeBytes    the bundle's size
 * @param issuedAt     when the server told this kiosk
 */
public record UpdateCommand(long campaignId, String version, String bundleUrl, String signatureUrl, String sha256,
        long sizeBytes, OffsetDateTime issuedAt) {

    /** A version as {@code build-update-bundle.sh} and {@code ssc-update.sh} accept it. */
    public static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+-]{0,40}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Whether the text is a release version both scripts accept. */
    public static boolean isValidVersion(String version) {
        return version != null && VERSION.matcher(version).matches();
    }

    /** What is wrong with a received command, or empty when the kiosk may act on it. */
    public Optional<String> problem() {
        if (campaignId < 1) {
            return Optional.of("campaignId must be 1 or more");
        }
        if (!isValidVersion(version)) {
            return Optional.of("version is not a plain release version");
        }
        if (!httpUrl(bundleUrl) || !httpUrl(signatureUrl)) {
            return Optional.of("bundleUrl and signatureUrl must be http(s) URLs");
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            return Optional.of("sha256 must be 64 lower-case hex digits");
        }
        if (sizeBytes < 1) {
            return Optional.of("sizeBytes must be 1 or more");
        }
        return Optional.empty();
    }

    private static boolean httpUrl(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) && url.length() <= 500;
    }
}
