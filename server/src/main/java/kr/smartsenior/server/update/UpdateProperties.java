package kr.smartsenior.server.update;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of update campaigns, bound from {@code ssc.update.*} ({@code SSC_*} variables in
 * {@code application.properties}). Blank means unset.
 *
 * @param publicKey     the district's update public key (PEM, as on every kiosk in
 *                      {@code /etc/smartsenior/update-key.pub}; {@code SSC_UPDATE_PUBLIC_KEY}): every upload
 *                      must verify against it. Unset: no release can be uploaded
 * @param publicUrl     the server's address as kiosks reach it ({@code SSC_PUBLIC_URL}, e.g.
 *                      {@code https://ssc.example.go.kr}); the bundle links in commands start with it. Unset:
 *                      the address the admin's request came in on
 * @param maxBundleSize the largest bundle accepted ({@code SSC_UPDATE_MAX_BUNDLE}, 300MB)
 */
@ConfigurationProperties("ssc.update")
record UpdateProperties(String publicKey, String publicUrl, DataSize maxBundleSize) {

    UpdateProperties {
        publicKey = blankToNull(publicKey);
        publicUrl = blankToNull(publicUrl);
        if (publicUrl != null && !publicUrl.startsWith("https://") && !publicUrl.startsWith("http://")) {
            throw new IllegalArgumentException("SSC_PUBLIC_URL must start with https:// or http://, not '" + publicUrl + "'");
        }
        if (publicUrl != null && publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
        maxBundleSize = maxBundleSize == null ? DataSize.ofMegabytes(300) : maxBundleSize;
    }

    Path publicKeyFile() {
        return publicKey == null ? null : Path.of(publicKey);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
