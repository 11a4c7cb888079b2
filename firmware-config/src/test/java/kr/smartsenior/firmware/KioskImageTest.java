package kr.smartsenior.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/make-kiosk-image.sh on a small synthetic disk image (an MBR with a FAT boot partition at 4 MiB
 * and an ext4 root, as Raspberry Pi OS has), a fake aarch64 JDK and a tiny kiosk release, read back with
 * mtools and debugfs: no root, no mount.
 */
class KioskImageTest {

    private static final int EM_AARCH64 = 183;
    private static final int EM_X86_64 = 62;
    private static final long BOOT_START = 8192;   // sectors: 4 MiB, as Raspberry Pi OS
    private static final long BOOT_SECTORS = 81920; // 40 MiB: just enough clusters for FAT32 (as Raspberry Pi OS)
    private static final long ROOT_START = BOOT_START + BOOT_SECTORS;
    private static final long IMAGE_MIB = 96;
    private static final String SERVER = "https://ssc.district.example";

    @TempDir
    Path work;

    private ScriptRunner runner;
    private Path script;
    private Path base;

    @BeforeEach
    void setUp() throws Exception {
        requireImageTools();
        runner = new ScriptRunner(work);
        script = Path.of("..", "scripts", "make-kiosk-image.sh").toAbsolutePath().normalize();
        assertThat(script).isExecutable();
        base = baseImage();
    }

    /** The CI installs these (scripts/services.sh); elsewhere the test says what is missing and skips. */
    private static void requireImageTools() {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("bash", "sfdisk", "mkfs.vfat", "mcopy", "mtype", "mkfs.ext4", "debugfs", "e2fsck",
                "resize2fs", "tar", "sha256sum", "python3", "truncate", "xz")) {
            boolean found = List.of((System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin").split(":"))
                    .stream().anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
            if (!found) {
                missing.add(tool);
            }
        }
        if (!missing.isEmpty() && "1".equals(System.getenv("SSC_REQUIRE_SERVICES"))) {
            fail("SSC_REQUIRE_SERVICES=1 but the image tools are missing: " + missing
                    + " (scripts/services.sh ssc_install_prerequisites installs fdisk mtools dosfstools e2fsprogs)");
        }
        Assumptions.assumeTrue(missing.isEmpty(), "image tools missing: " + missing);
    }

    private String sh(String command) throws Exception {
        ScriptRunner.Result result = runner.run(Map.of("MTOOLS_SKIP_CHECK", "1",
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin"), "bash", "-euo", "pipefail", "-c", command);
        assertThat(result.exit()).as(command + "\n" + result.output()).isZero();
        return result.output();
    }

    /** 96 MiB: MBR, FAT32 boot (config.txt, cmdline.txt) at 4 MiB, ext4 root after it; nothing mounted. */
    private Path baseImage() throws Exception {
        Path image = work.resolve("raspios-lite-arm64.img");
        Path boot = Files.createDirectories(work.resolve("base-boot"));
        Files.writeString(boot.resolve("config.txt"), "# stock\narm_64bit=1\ndtoverlay=vc4-kms-v3d\n");
        Files.writeString(boot.resolve("cmdline.txt"), "console=serial0,115200 console=tty1 root=PARTUUID=abcd-02 rootfstype=ext4 fsck.repair=yes rootwait\n");
        Path rootfs = Files.createDirectories(work.resolve("base-root/etc/systemd/system/multi-user.target.wants"));
        Files.writeString(work.resolve("base-root/etc/os-release"), "PRETTY_NAME=\"Debian GNU/Linux 13 (trixie)\"\n");
        Files.writeString(rootfs.resolve("ssh.service"), "stock\n");
        sh("""
                img=%1$s
                truncate -s %9$dM "$img"
                printf 'label: dos\\nstart=%2$d, size=%10$d, type=c\\nstart=%3$d, type=83\\n' | sfdisk -q "$img"
                mkfs.vfat -F 32 -s 1 -n bootfs --offset %2$d "$img" %11$d >/dev/null
                mcopy -i "$img@@%4$d" %5$s/config.txt %5$s/cmdline.txt ::
                mkfs.ext4 -q -F -L rootfs -d %6$s -E offset=%7$d "$img" %8$dk
                """.formatted(image, BOOT_START, ROOT_START, BOOT_START * 512, boot, work.resolve("base-root"),
                ROOT_START * 512, (IMAGE_MIB * 2048 - ROOT_START) / 2, IMAGE_MIB, BOOT_SECTORS, BOOT_SECTORS / 2));
        return image;
    }

    /** The first 64 bytes of an ELF64 little-endian file for the given machine (e_machine at byte 18). */
    private static byte[] elf(int machine) {
        ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        header.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        header.position(16);
        header.putShort((short) 3);           // ET_DYN
        header.putShort((short) machine);
        header.putInt(1);
        return header.array();
    }

    private Path jdk(String name, String osArch, int machine) throws Exception {
        Path top = Files.createDirectories(work.resolve(name).resolve("jdk-25.0.1+8"));
        Files.writeString(top.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.1\"\nOS_ARCH=\"" + osArch
                + "\"\nOS_NAME=\"Linux\"\n");
        Files.createDirectories(top.resolve("bin"));
        Files.write(top.resolve("bin/java"), elf(machine));
        Files.setPosixFilePermissions(top.resolve("bin/java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(top.resolve("lib/server"));
        Files.write(top.resolve("lib/server/libjvm.so"), elf(machine));
        Files.createDirectories(top.resolve("legal/java.base"));
        Files.createDirectories(top.resolve("legal/java.sql"));
        Files.writeString(top.resolve("legal/java.base/LICENSE"), "GPLv2 with the Classpath Exception\n");
        Files.createSymbolicLink(top.resolve("legal/java.sql/LICENSE"), Path.of("../java.base/LICENSE"));
        Path tarball = work.resolve(name + ".tar.gz");
        sh("tar -C %s -czf %s jdk-25.0.1+8".formatted(work.resolve(name), tarball));
        return tarball;
    }

    private Path release(String version, String javafxClassifier, int machine) throws Exception {
        Path dir = Files.createDirectories(work.resolve("release-" + version).resolve(version));
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("smartsenior-kiosk.jar"), "kiosk " + version);
        Files.writeString(dir.resolve("VERSION"), version + "\n");
        Files.writeString(dir.resolve("kiosk-session.sh"), "#!/bin/sh\nexec /opt/smartsenior/jdk/bin/java -jar smartsenior-kiosk.jar\n");
        Files.setPosixFilePermissions(dir.resolve("kiosk-session.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        try (OutputStream out = Files.newOutputStream(dir.resolve("lib/javafx-graphics-25.0.2-" + javafxClassifier + ".jar"));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("libprism_es2.so"));
            zip.write(elf(machine));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("javafx/scene/Node.class"));
            zip.write(new byte[] {(byte) 0xca, (byte) 0xfe});
            zip.closeEntry();
        }
        Path tarball = work.resolve("smartsenior-kiosk-" + version + ".tar.gz");
        sh("tar -C %s -czf %s %s".formatted(dir.getParent(), tarball, version));
        return tarball;
    }

    private String sha256(Path file) throws Exception {
        return sh("sha256sum " + file).substring(0, 64);
    }

    private ScriptRunner.Result make(Path jdk, String sha, Path release, Path out, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(script.toString(), "--base", base.toString(), "--jdk", jdk.toString(),
                "--jdk-sha256", sha, "--release", release.toString(), "--out", out.toString()));
        command.addAll(List.of(more));
        return runner.run(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin"),
                command.toArray(String[]::new));
    }

    // --- reading the image back -----------------------------------------------------------------------

    private String root(Path image) {
        return image + "?offset=" + ROOT_START * 512;
    }

    private String debugfs(Path image, String request) throws Exception {
        Process process = new ProcessBuilder("debugfs", "-R", request, root(image)).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private String cat(Path image, String path) throws Exception {
        return debugfs(image, "cat " + path);
    }

    /** "0755 0 0" (mode, uid, gid) of a file in the root file system; "" if it is not there. */
    private String modeAndOwner(Path image, String path) throws Exception {
        String stat = debugfs(image, "stat " + path);
        Matcher mode = Pattern.compile("Mode:\\s+(\\d+)").matcher(stat);
        Matcher owner = Pattern.compile("User:\\s+(\\d+)\\s+Group:\\s+(\\d+)").matcher(stat);
        return mode.find() && owner.find() ? mode.group(1) + " " + owner.group(1) + " " + owner.group(2) : "";
    }

    private String linkTarget(Path image, String path) throws Exception {
        Matcher target = Pattern.compile("Fast link dest: \"([^\"]*)\"").matcher(debugfs(image, "stat " + path));
        return target.find() ? target.group(1) : "";
    }

    private String boot(Path image, String file) throws Exception {
        return sh("mtype -i '%s@@%d' ::%s".formatted(image, BOOT_START * 512, file));
    }

    // --- the tests -------------------------------------------------------------------------------------

    @Test
    void makesTheKioskImageWithoutMountingAndFirstBootWaitsForItsEnrollmentCode() throws Exception {
        Path jdk = jdk("jdk-arm64", "aarch64", EM_AARCH64);
        Path key = work.resolve("update-key.pub");
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n");
        Path out = work.resolve("out/kiosk.img");

        ScriptRunner.Result result = make(jdk, sha256(jdk).toUpperCase(), release("0.3.0", "linux-aarch64", EM_AARCH64), out,
                "--server-url", SERVER, "--update-key", key.toString());

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(base).as("the base image is left as it was").hasSize(IMAGE_MIB << 20);
        // boot partition: the kiosk's config.txt lines after the stock ones, consoleblank=0 on the one command line,
        // the server first boot enrolls with
        assertThat(boot(out, "config.txt")).contains("dtoverlay=vc4-kms-v3d", "dtparam=i2c_arm=on", "enable_uart=1", "camera_auto_detect=1");
        String cmdline = boot(out, "cmdline.txt");
        assertThat(cmdline.strip()).doesNotContain("\n").startsWith("console=serial0,115200").endsWith("rootwait consoleblank=0");
        assertThat(boot(out, "smartsenior-server.txt").strip()).isEqualTo(SERVER);
        // root: the JDK, the release and the kiosk symlink ssc-update.sh switches
        assertThat(modeAndOwner(out, "/opt/smartsenior/jdk/bin/java")).isEqualTo("0755 0 0");
        assertThat(cat(out, "/opt/smartsenior/jdk/release")).contains("OS_ARCH=\"aarch64\"");
        assertThat(linkTarget(out, "/opt/smartsenior/jdk/legal/java.sql/LICENSE")).isEqualTo("../java.base/LICENSE");
        assertThat(linkTarget(out, "/opt/smartsenior/kiosk")).isEqualTo("/opt/smartsenior/releases/0.3.0");
        assertThat(cat(out, "/opt/smartsenior/releases/0.3.0/smartsenior-kiosk.jar")).isEqualTo("kiosk 0.3.0");
        assertThat(modeAndOwner(out, "/opt/smartsenior/releases/0.3.0/kiosk-session.sh")).isEqualTo("0755 0 0");
        assertThat(modeAndOwner(out, "/opt/smartsenior/releases/0.3.0/lib/javafx-graphics-25.0.2-linux-aarch64.jar")).isEqualTo("0644 0 0");
        // the scripts, units and settings, owned by root with the right modes
        assertThat(modeAndOwner(out, "/opt/smartsenior/bin/smartsenior-firstboot.sh")).isEqualTo("0755 0 0");
        assertThat(modeAndOwner(out, "/opt/smartsenior/bin/ssc-update.sh")).isEqualTo("0755 0 0");
        assertThat(cat(out, "/opt/smartsenior/bin/ssc-update.sh")).contains("REFUSED: $UNIT_FILE is missing");
        for (String unit : List.of("smartsenior-firstboot.service", "smartsenior-kiosk-screen.service", "smartsenior-kiosk-sim.service")) {
            assertThat(modeAndOwner(out, "/etc/systemd/system/" + unit)).as(unit).isEqualTo("0644 0 0");
        }
        assertThat(modeAndOwner(out, "/etc/systemd/system.conf.d/smartsenior-watchdog.conf")).isEqualTo("0644 0 0");
        assertThat(cat(out, "/etc/sysusers.d/smartsenior.conf")).contains("u     ssc");
        assertThat(cat(out, "/etc/smartsenior/kiosk-java.env")).contains("SSC_KIOSK_JAVA_OPTS=");
        assertThat(cat(out, "/etc/smartsenior/update-key.pub")).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(cat(out, "/opt/smartsenior/packages.txt")).contains("cage", "fonts-nanum");
        // updates restart exactly the screen unit; first boot is enabled, the kiosk units are not (first boot
        // enables the screen once the device is enrolled); the stock enablements stay
        assertThat(cat(out, "/etc/smartsenior/kiosk-unit").strip()).isEqualTo("smartsenior-kiosk-screen.service");
        String wants = debugfs(out, "ls /etc/systemd/system/multi-user.target.wants");
        assertThat(wants).contains("smartsenior-firstboot.service", "ssh.service")
                .doesNotContain("smartsenior-kiosk-screen.service", "smartsenior-kiosk-sim.service");
        assertThat(linkTarget(out, "/etc/systemd/system/multi-user.target.wants/smartsenior-firstboot.service"))
                .isEqualTo("/etc/systemd/system/smartsenior-firstboot.service");
        assertThat(debugfs(out, "ls /etc/smartsenior")).as("not provisioned: first boot runs")
                .doesNotContain("provisioned", "kiosk.env");
        assertThat(sh("e2fsck -fn '%s' >/dev/null 2>&1 && echo clean".formatted(root(out))).strip()).isEqualTo("clean");
        // the synthetic root had too little room: the root partition (still the last) and its file system grew
        // to the end of the image, so Raspberry Pi OS can still expand it to the card at its first boot
        String table = sh("sfdisk --dump " + out);
        Matcher rootPartition = Pattern.compile("start=\\s*" + ROOT_START + ", size=\\s*(\\d+)").matcher(table);
        assertThat(rootPartition.find()).as(table).isTrue();
        long rootSectors = Long.parseLong(rootPartition.group(1));
        assertThat(Files.size(out)).isGreaterThan(IMAGE_MIB << 20).isEqualTo((ROOT_START + rootSectors) * 512);
        Matcher blocks = Pattern.compile("Block count:\\s+(\\d+)").matcher(debugfs(out, "stats"));
        Matcher blockSize = Pattern.compile("Block size:\\s+(\\d+)").matcher(debugfs(out, "stats"));
        assertThat(blocks.find() && blockSize.find()).isTrue();
        assertThat(Long.parseLong(blocks.group(1)) * Long.parseLong(blockSize.group(1))).isEqualTo(rootSectors * 512);
    }

    @Test
    void updateHelpersBesideSscUpdateAreInstalledAndAnUpdatePathUnitIsEnabled() throws Exception {
        // the firmware as another branch may grow it: a request script and a path unit beside ssc-update.sh
        Path firmware = work.resolve("firmware");
        sh("cp -R %s %s".formatted(Path.of("src/main/resources/firmware").toAbsolutePath(), firmware));
        Files.writeString(firmware.resolve("update/ssc-update-request.sh"), "#!/bin/sh\nexit 0\n");
        Files.writeString(firmware.resolve("update/smartsenior-update.path"), "[Path]\nPathExists=/var/lib/smartsenior/update/request\n"
                + "[Install]\nWantedBy=multi-user.target\n");
        Files.writeString(firmware.resolve("update/smartsenior-update.service"), "[Service]\nType=oneshot\nExecStart=/bin/true\n");
        Path jdk = jdk("jdk-arm64", "aarch64", EM_AARCH64);
        Path out = work.resolve("kiosk.img");
        List<String> command = List.of(script.toString(), "--base", base.toString(), "--jdk", jdk.toString(), "--jdk-sha256", sha256(jdk),
                "--release", release("0.3.0", "linux-aarch64", EM_AARCH64).toString(), "--out", out.toString());
        ScriptRunner.Result result = runner.run(Map.of("SSC_FIRMWARE_DIR", firmware.toString(),
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin"), command.toArray(String[]::new));

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(modeAndOwner(out, "/opt/smartsenior/bin/ssc-update-request.sh")).isEqualTo("0755 0 0");
        assertThat(debugfs(out, "ls /opt/smartsenior/bin")).doesNotContain("build-update-bundle.sh");
        assertThat(modeAndOwner(out, "/etc/systemd/system/smartsenior-update.service")).isEqualTo("0644 0 0");
        assertThat(linkTarget(out, "/etc/systemd/system/multi-user.target.wants/smartsenior-update.path"))
                .isEqualTo("/etc/systemd/system/smartsenior-update.path");
        assertThat(debugfs(out, "ls /etc/systemd/system/multi-user.target.wants")).doesNotContain("smartsenior-update.service");
    }

    @Test
    void theReleaseCheckNamesTheMachineOfEveryJavaFxLibrary() throws Exception {
        Path check = Path.of("..", "scripts", "check-kiosk-release.sh").toAbsolutePath().normalize();
        Path pi = release("0.3.0", "linux-aarch64", EM_AARCH64);
        Path pc = release("0.3.1", "linux", EM_X86_64);

        ScriptRunner.Result piOnPi = runner.run(Map.of(), check.toString(), pi.toString(), "aarch64");
        assertThat(piOnPi.exit()).as(piOnPi.output()).isZero();
        assertThat(piOnPi.output()).contains("javafx-graphics-25.0.2-linux-aarch64.jar libprism_es2.so: aarch64", "1 JavaFX native libraries, all aarch64");
        ScriptRunner.Result pcOnPc = runner.run(Map.of(), check.toString(), pc.toString(), "x86_64");
        assertThat(pcOnPc.exit()).as(pcOnPc.output()).isZero();
        ScriptRunner.Result piOnPc = runner.run(Map.of(), check.toString(), pi.toString(), "x86_64");
        assertThat(piOnPc.exit()).isEqualTo(1);
        assertThat(piOnPc.output()).contains("REFUSED", "no javafx-graphics-*-linux.jar");
        ScriptRunner.Result odd = runner.run(Map.of(), check.toString(), pi.toString(), "riscv64");
        assertThat(odd.exit()).isEqualTo(2);
    }

    @Test
    void aJdkWhoseChecksumDiffersIsRefusedAndNoImageIsWritten() throws Exception {
        Path jdk = jdk("jdk-arm64", "aarch64", EM_AARCH64);
        Path out = work.resolve("kiosk.img");

        ScriptRunner.Result result = make(jdk, "0".repeat(64), release("0.3.0", "linux-aarch64", EM_AARCH64), out);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).contains("REFUSED: the JDK's SHA-256 is " + sha256(jdk));
        assertThat(out).doesNotExist();
        assertThat(work.resolve("kiosk.img.partial")).doesNotExist();
    }

    @Test
    void anX8664JdkIsRefusedThoughItsChecksumMatches() throws Exception {
        Path x86 = jdk("jdk-x64", "x86_64", EM_X86_64);
        Path out = work.resolve("kiosk.img");

        ScriptRunner.Result result = make(x86, sha256(x86), release("0.3.0", "linux-aarch64", EM_AARCH64), out);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).contains("REFUSED: the JDK is not for the Pi's arm64", "OS_ARCH=x86_64", "ELF machine 62");
        assertThat(out).doesNotExist();

        // a JDK whose release file says aarch64 but whose java is x86-64 (a repacked tarball) is refused too
        Path mixed = jdk("jdk-mixed", "aarch64", EM_X86_64);
        ScriptRunner.Result mixedResult = make(mixed, sha256(mixed), release("0.3.1", "linux-aarch64", EM_AARCH64), out);
        assertThat(mixedResult.exit()).isEqualTo(1);
        assertThat(mixedResult.output()).contains("ELF machine 62");
    }

    @Test
    void aReleaseBuiltWithX8664JavaFxIsRefused() throws Exception {
        Path jdk = jdk("jdk-arm64", "aarch64", EM_AARCH64);
        Path out = work.resolve("kiosk.img");

        ScriptRunner.Result result = make(jdk, sha256(jdk), release("0.3.0", "linux", EM_X86_64), out);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).contains("no javafx-graphics-*-linux-aarch64.jar", "build-kiosk-release.sh --arch aarch64");
        assertThat(out).doesNotExist();

        // the aarch64 jar name with x86-64 natives inside
        ScriptRunner.Result inside = make(jdk, sha256(jdk), release("0.3.1", "linux-aarch64", EM_X86_64), out);
        assertThat(inside.exit()).isEqualTo(1);
        assertThat(inside.output()).contains("libprism_es2.so", "built for x86_64, not aarch64");
    }

    @Test
    void aSimulationImageRecordsTheSimulationUnitAndAPlainHttpServerIsRefused() throws Exception {
        Path jdk = jdk("jdk-arm64", "aarch64", EM_AARCH64);
        Path out = work.resolve("sim.img");
        sh("xz -T1 -0 -k " + base);   // the base as Raspberry Pi OS publishes it: .img.xz
        base = Path.of(base + ".xz");

        ScriptRunner.Result sim = make(jdk, sha256(jdk), release("0.3.0", "linux-aarch64", EM_AARCH64), out,
                "--kiosk-unit", "smartsenior-kiosk-sim.service");
        assertThat(sim.exit()).as(sim.output()).isZero();
        assertThat(cat(out, "/etc/smartsenior/kiosk-unit").strip()).isEqualTo("smartsenior-kiosk-sim.service");
        assertThat(sh("mdir -b -i '%s@@%d' ::".formatted(out, BOOT_START * 512))).doesNotContain("SMARTSENIOR-SERVER", "smartsenior-server");

        ScriptRunner.Result http = make(jdk, sha256(jdk), release("0.3.1", "linux-aarch64", EM_AARCH64), work.resolve("http.img"),
                "--server-url", "http://ssc.district.example");
        assertThat(http.exit()).isEqualTo(1);
        assertThat(http.output()).contains("--server-url must be an https:// address");
        ScriptRunner.Result other = make(jdk, sha256(jdk), release("0.3.1", "linux-aarch64", EM_AARCH64), work.resolve("ssh.img"),
                "--kiosk-unit", "ssh.service");
        assertThat(other.exit()).isEqualTo(1);
        assertThat(other.output()).contains("--kiosk-unit must be");
    }
}
