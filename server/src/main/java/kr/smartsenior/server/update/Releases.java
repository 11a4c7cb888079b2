package kr.smartsenior.server.update;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import kr.smartsenior.protocol.UpdateCommand;
import kr.smartsenior.server.config.SscProperties;
import kr.smartsenior.server.web.ConflictException;
import kr.smartsenior.server.web.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signed kiosk releases: an upload is refused unless its signature verifies against the district's update
 * key ({@code SSC_UPDATE_PUBLIC_KEY}), the same check {@code ssc-update.sh} makes on the kiosk, so a
 * campaign can only carry a release a kiosk would accept. The bundle and its signature are kept as files,
 * {@code <data dir>/updates/<version>/bundle.tar.gz} and {@code bundle.tar.gz.sig}; the table keeps the
 * version, SHA-256, size and who uploaded it.
 */
@Component
class Releases {

    static final String BUNDLE = "bundle.tar.gz";
    static final String SIGNATURE = "bundle.tar.gz.sig";
    private static final int MAX_SIGNATURE_BYTES = 4096;
    private static final Logger log = LoggerFactory.getLogger(Releases.class);

    private final CampaignRepository repository;
    private final UpdateProperties properties;
    private final Path root;
    private final Clock clock;

    Releases(CampaignRepository repository, UpdateProperties properties, SscProperties ssc, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.root = ssc.dataPath().resolve("updates");
        this.clock = clock;
    }

    /**
     * Checks and keeps an uploaded release.
     *
     * @throws InvalidFieldException (Korean message) for an unsigned, badly signed, oversized or malformed bundle
     * @throws ConflictException     when this version was uploaded before
     */
    synchronized CampaignRepository.Release upload(InputStream bundle, byte[] signature, String actor) {
        if (signature == null || signature.length == 0) {
            throw new InvalidFieldException("signature", "서명 파일(.sig)이 없습니다. build-update-bundle.sh가 만든 .sig 파일을 함께 올리세요.");
        }
        if (signature.length > MAX_SIGNATURE_BYTES) {
            throw new InvalidFieldException("signature", "서명 파일이 아닙니다 (너무 큽니다).");
        }
        PublicKey key = publicKey();
        Path incoming = null;
        try {
            Files.createDirectories(root);
            incoming = Files.createTempFile(root, ".upload-", ".tar.gz");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            long size = copy(bundle, incoming, sha, verifier);
            if (size == 0) {
                throw new InvalidFieldException("bundle", "배포판 파일이 비어 있습니다.");
            }
            boolean signed;
            try {
                signed = verifier.verify(signature);
            } catch (GeneralSecurityException e) {
                signed = false;
            }
            if (!signed) {
                log.warn("refused an update bundle from {}: its signature does not verify against the update key", actor);
                throw new InvalidFieldException("signature", "서명이 맞지 않습니다. 구청의 배포 키로 서명한 배포판만 올릴 수 있습니다"
                        + " (파일이 바뀌었거나 다른 키로 서명되었습니다).");
            }
            String version = version(incoming);
            String digest = HexFormat.of().formatHex(sha.digest());
            Optional<CampaignRepository.Release> existing = repository.release(version);
            if (existing.isPresent()) {
                throw new ConflictException(existing.get().sha256().equals(digest) ? "배포판 " + version + "은(는) 이미 올렸습니다."
                        : "배포판 " + version + "이(가) 이미 있고 내용이 다릅니다. 새 버전 이름으로 만드세요.");
            }
            Path dir = root.resolve(version);
            Files.createDirectories(dir);
            Files.write(dir.resolve(SIGNATURE), signature);
            Files.move(incoming, dir.resolve(BUNDLE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            incoming = null;
            CampaignRepository.Release release = new CampaignRepository.Release(version, digest, size, clock.millis(), actor);
            repository.insertRelease(release);
            log.info("release {} uploaded by {} ({} bytes, sha256 {})", version, actor, size, digest);
            return release;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA/SHA-256 is missing from this JDK", e);
        } finally {
            if (incoming != null) {
                try {
                    Files.deleteIfExists(incoming);
                } catch (IOException e) {
                    log.warn("could not remove {}: {}", incoming, e.toString());
                }
            }
        }
    }

    private long copy(InputStream in, Path target, MessageDigest sha, Signature verifier)
            throws IOException, GeneralSecurityException {
        long max = properties.maxBundleSize().toBytes();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                size += n;
                if (size > max) {
                    throw new InvalidFieldException("bundle", "배포판이 너무 큽니다 (최대 " + properties.maxBundleSize().toMegabytes()
                            + " MB).");
                }
                out.write(buffer, 0, n);
                sha.update(buffer, 0, n);
                verifier.update(buffer, 0, n);
            }
        }
        return size;
    }

    /** The release's version: the top folder of the tarball, as {@code build-update-bundle.sh} packs it. */
    private static String version(Path tarball) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tarball))) {
            byte[] header = in.readNBytes(512);
            if (header.length < 512) {
                throw new InvalidFieldException("bundle", "배포판(.tar.gz)을 읽을 수 없습니다.");
            }
            int end = 0;
            while (end < 100 && header[end] != 0) {
                end++;
            }
            String name = new String(header, 0, end, StandardCharsets.UTF_8);
            String version = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
            if (!UpdateCommand.isValidVersion(version)) {
                throw new InvalidFieldException("bundle", "배포판 안에 버전 폴더가 없습니다. build-update-bundle.sh로 만드세요.");
            }
            return version;
        } catch (IOException e) {
            throw new InvalidFieldException("bundle", "배포판(.tar.gz)을 읽을 수 없습니다: gzip으로 묶은 tar 파일이 아닙니다.");
        }
    }

    private PublicKey publicKey() {
        Path file = properties.publicKeyFile();
        if (file == null) {
            throw new InvalidFieldException("bundle", "서명을 확인할 공개 키가 설정되지 않아 배포판을 받을 수 없습니다"
                    + " (서버의 SSC_UPDATE_PUBLIC_KEY).");
        }
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            log.error("cannot read the update public key {}: {}", file, e.toString());
            throw new InvalidFieldException("bundle", "서명을 확인할 공개 키(SSC_UPDATE_PUBLIC_KEY)를 읽을 수 없습니다.");
        }
    }

    List<CampaignRepository.Release> all() {
        return repository.releases();
    }

    Optional<CampaignRepository.Release> find(String version) {
        return UpdateCommand.isValidVersion(version) ? repository.release(version) : Optional.empty();
    }

    /** The file of a stored release ({@link #BUNDLE} or {@link #SIGNATURE}). */
    Path file(String version, String name) {
        return root.resolve(version).resolve(name);
    }
}
