package kr.smartsenior.server.update;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.provisioning.ProvisionedDevices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Update bundles for kiosks: {@code GET /updates/bundles/{version}/bundle} and {@code .../signature},
 * authenticated with the device's own broker credentials (HTTP Basic; the kiosk has them from its
 * provisioning bundle), so a revoked kiosk can fetch nothing. Every download and every refusal is in the
 * audit log (actor: the device id). A bundle holds no personal data.
 */
@RestController
final class BundleController {

    private static final Logger log = LoggerFactory.getLogger(BundleController.class);

    private final Releases releases;
    private final ProvisionedDevices devices;
    private final AuditLog audit;

    BundleController(Releases releases, ProvisionedDevices devices, AuditLog audit) {
        this.releases = releases;
        this.devices = devices;
        this.audit = audit;
    }

    @GetMapping("/updates/bundles/{version}/{part:bundle|signature}")
    ResponseEntity<Resource> download(@PathVariable String version, @PathVariable String part, HttpServletRequest request) {
        Optional<ProvisionedDevices.Device> device = device(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (device.isEmpty()) {
            audit.record("device?", AuditLog.REFUSED_BUNDLE, null, null, request.getRemoteAddr());
            log.warn("refused an update bundle request from {} without valid device credentials", request.getRemoteAddr());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ssc-updates\"")
                    .build();
        }
        if (releases.find(version).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Path file = releases.file(version, part.equals("bundle") ? Releases.BUNDLE : Releases.SIGNATURE);
        if (!Files.isRegularFile(file)) {
            log.error("release {} is in the database but its file {} is missing", version, file);
            return ResponseEntity.notFound().build();
        }
        audit.record(device.get().id(), AuditLog.DOWNLOAD_BUNDLE, null, device.get().siteId(), request.getRemoteAddr());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(new FileSystemResource(file));
    }

    private Optional<ProvisionedDevices.Device> device(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 1 ? Optional.empty() : devices.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
