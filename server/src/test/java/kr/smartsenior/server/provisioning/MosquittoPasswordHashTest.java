package kr.smartsenior.server.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MosquittoPasswordHashTest {

    /** Written by {@code mosquitto_passwd -c -b file kiosk-1 secret} (Mosquitto 2.0.11). */
    private static final String FROM_MOSQUITTO_PASSWD =
            "$7$101$d0Av7Fdkky6Nzx4X$rjSWj9oRwkOi1vJLIf7oioVbQVlhC4rDFdpsvv6y3QK68wQKec19weqh5AhqfGRbOM0C9hkxA00oFBcEdQlOGg==";

    @TempDir
    Path dir;

    @Test
    void readsAndWritesExactlyWhatMosquittoPasswdWrites() {
        assertThat(MosquittoPasswordHash.matches("secret", FROM_MOSQUITTO_PASSWD)).isTrue();
        assertThat(MosquittoPasswordHash.matches("Secret", FROM_MOSQUITTO_PASSWD)).isFalse();
        byte[] salt = java.util.Base64.getDecoder().decode("d0Av7Fdkky6Nzx4X");
        assertThat(MosquittoPasswordHash.format("secret", salt, 101)).isEqualTo(FROM_MOSQUITTO_PASSWD);
    }

    @Test
    void everyHashHasItsOwnSaltAndTheMosquittoShape() {
        SecureRandom random = new SecureRandom();
        String one = MosquittoPasswordHash.hash("pw", random);
        String two = MosquittoPasswordHash.hash("pw", random);
        assertThat(one).isNotEqualTo(two).matches("\\$7\\$101\\$[A-Za-z0-9+/]{16}\\$[A-Za-z0-9+/]{86}==");
        assertThat(MosquittoPasswordHash.matches("pw", one)).isTrue();
        assertThat(MosquittoPasswordHash.matches("pw", "$6$garbage")).isFalse();
        assertThat(MosquittoPasswordHash.matches("pw", "$7$x$y$z")).isFalse();
    }

    @Test
    void ourCheckAgreesWithAHashMosquittoPasswdMakesNowAndItKeepsOurLines() throws IOException, InterruptedException {
        Path tool = Path.of("/usr/bin/mosquitto_passwd");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(tool), "mosquitto_passwd not installed");
        Path file = dir.resolve("passwords");
        Files.writeString(file, "kiosk-2:" + MosquittoPasswordHash.hash("another", new SecureRandom()) + "\n");
        Process run = new ProcessBuilder(tool.toString(), "-b", file.toString(), "kiosk-3", "third").redirectErrorStream(true).start();
        assertThat(run.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(new String(run.getInputStream().readAllBytes())).isZero();
        String written = Files.readString(file);
        assertThat(written).contains("kiosk-2:$7$101$");
        String third = written.lines().filter(line -> line.startsWith("kiosk-3:")).findFirst().orElseThrow();
        assertThat(MosquittoPasswordHash.matches("third", third.substring("kiosk-3:".length()))).isTrue();
    }
}
