package kr.smartsenior.server.ingest;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.smartsenior.server.testsupport.TestDatabase;

/**
 * The server as the district runs it: its jar in a JVM of its own (so its heap is its own, read from
 * its GC log), started with {@code SSC_*} settings, stopped on close.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    static final String PASSWORD = "bench-admin-2026!";

    private final Process process;
    private final Path dataDir;
    private final int httpPort;
    private final HttpClient http = HttpClient.newHttpClient();

    private ServerProcess(Process process, Path dataDir, int httpPort) {
        this.process = process;
        this.dataDir = dataDir;
        this.httpPort = httpPort;
    }

    /**
     * @param jar      the server's executable jar
     * @param settings {@code SSC_*} variables on top of a free HTTP port, a data directory and the admin password
     * @param jvmFlags extra JVM flags (heap size, a flight recording)
     */
    static ServerProcess start(Path jar, Map<String, String> settings, List<String> jvmFlags) throws Exception {
        Path dataDir = Files.createTempDirectory("ssc-bench-server-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmFlags);
        command.add("-Xlog:gc:file=" + dataDir.resolve("gc.log"));
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server.log").toFile());
        builder.environment().putAll(settings);
        builder.environment().put("SSC_HTTP_PORT", Integer.toString(port));
        builder.environment().put("SSC_DATA_DIR", dataDir.toString());
        builder.environment().put("SSC_ADMIN_PASSWORD", PASSWORD);
        ServerProcess server = new ServerProcess(builder.start(), dataDir, port);
        long end = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < end) {
            if (!server.process.isAlive()) {
                throw new IllegalStateException("the server stopped; its log ends:\n" + server.logTail());
            }
            try {
                if (server.get("/actuator/health").statusCode() == 200) {
                    return server;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        server.close();
        throw new IllegalStateException("the server did not answer in 180 s");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes());
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Authorization", "Basic " + credentials).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET /api/ingest/stats}, as JSON text. */
    String stats() throws IOException, InterruptedException {
        return get("/api/ingest/stats").body();
    }

    long pid() {
        return process.pid();
    }

    /** The most heap in use the GC log has seen (before a collection), in MiB; 0 before the first collection. */
    long maxHeapUsedMiB() throws IOException {
        Path log = dataDir.resolve("gc.log");
        long max = 0;
        if (Files.exists(log)) {
            Matcher matcher = GC_HEAP.matcher(Files.readString(log));
            while (matcher.find()) {
                max = Math.max(max, Long.parseLong(matcher.group(1)));
            }
        }
        return max;
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("server.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Log lines at WARN or ERROR (how many, and the first few), to show next to the figures. */
    List<String> problems() {
        try {
            return Files.readAllLines(dataDir.resolve("server.log")).stream()
                    .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).toList();
        } catch (IOException e) {
            return List.of(e.toString());
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try { // kept for reading after the run: the figures print only the first few problems
            Files.copy(dataDir.resolve("server.log"), Path.of("target", "bench-server.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            System.err.println("server log not kept: " + e);
        }
        TestDatabase.deleteTree(dataDir);
    }
}
