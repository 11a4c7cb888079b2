package kr.smartsenior.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.smartsenior.server.testsupport.ServerApi;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Not a test (its name matches neither Surefire's nor Failsafe's patterns): the benchmark behind
 * {@code scripts/bench-signin.sh}. Times a wrong password for a known user name, for an unknown one,
 * and the right password, as HTTP Basic calls of {@code GET /api/sites} over loopback against a
 * whole server (SQLite), interleaved, SSC_BENCH_ROUNDS (default 40) each after warm-up; the sign-in
 * delays are cleared before every call so they do not interfere. Prints medians and writes them to
 * target/bench-signin.txt. The known and unknown medians should be alike: a response's time must not
 * tell which user names exist.
 */
class SignInBenchmark {

    @Test
    void wrongPasswordsTakeAsLongForUnknownUserNamesAsForKnownOnes() throws IOException {
        int rounds = Integer.parseInt(System.getenv().getOrDefault("SSC_BENCH_ROUNDS", "40"));
        try (TestServer server = TestServer.embedded()) {
            ServerApi api = server.api();
            Map<String, ServerApi> cases = new LinkedHashMap<>();
            cases.put("known user, wrong password", api.as("admin", "wrong-password-1"));
            cases.put("unknown user", api.as("nobody-here", "wrong-password-1"));
            cases.put("known user, right password", api);
            Map<String, List<Long>> times = new LinkedHashMap<>();
            cases.keySet().forEach(k -> times.put(k, new ArrayList<>()));
            for (int round = -5; round < rounds; round++) {
                for (Map.Entry<String, ServerApi> c : cases.entrySet()) {
                    server.jdbc().sql("DELETE FROM sign_in_throttle").update();
                    long start = System.nanoTime();
                    int status = c.getValue().get("/api/sites").status();
                    long micros = (System.nanoTime() - start) / 1000;
                    assertThat(status).isIn(200, 401);
                    if (round >= 0) {
                        times.get(c.getKey()).add(micros);
                    }
                }
            }
            StringBuilder report = new StringBuilder("sign-in timing, " + rounds + " rounds each (median, p90 ms)\n");
            times.forEach((name, list) -> {
                List<Long> sorted = list.stream().sorted().toList();
                report.append(String.format("%-28s median %6.1f  p90 %6.1f%n", name, sorted.get(sorted.size() / 2) / 1000.0,
                        sorted.get((int) (sorted.size() * 0.9)) / 1000.0));
            });
            System.out.print(report);
            Files.writeString(Path.of("target", "bench-signin.txt"), report);
        }
    }
}
