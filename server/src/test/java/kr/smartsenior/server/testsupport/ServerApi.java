package kr.smartsenior.server.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** A small HTTP client for the server's JSON API, for tests. */
public final class ServerApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String authorization;
    private final HttpClient http;
    private final Map<String, String> headers;

    public ServerApi(String baseUrl, String user, String password) {
        this(baseUrl, basic(user, password), HTTP, Map.of());
    }

    private ServerApi(String baseUrl, String authorization, HttpClient http, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.http = http;
        this.headers = headers;
    }

    private static String basic(String user, String password) {
        return user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The same API without credentials. */
    public ServerApi anonymous() {
        return new ServerApi(baseUrl, null, http, headers);
    }

    /** The same API as another account. */
    public ServerApi as(String user, String password) {
        return new ServerApi(baseUrl, basic(user, password), http, headers);
    }

    /** The same API signed in with an API token ({@code Authorization: Bearer}). */
    public ServerApi withToken(String token) {
        return new ServerApi(baseUrl, "Bearer " + token, http, headers);
    }

    /** The same API with this header on every request (say, {@code Origin}). */
    public ServerApi withHeader(String name, String value) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put(name, value);
        return new ServerApi(baseUrl, authorization, http, Map.copyOf(all));
    }

    /**
     * The same API, connecting from this local address (say {@code 127.0.0.2}: another machine as the
     * server sees it; the server listens on every address).
     */
    public ServerApi from(String localAddress) {
        try {
            HttpClient bound = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .localAddress(java.net.InetAddress.getByName(localAddress)).build();
            return new ServerApi(baseUrl, authorization, bound, headers);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A response: status, raw body, the body as JSON (null when it is not JSON) and the headers. */
    public record Response(int status, String body, JsonNode json, java.net.http.HttpHeaders headers) {

        /** The first value of a header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** POSTs the object as JSON (a String is sent as it is). */
    public Response post(String path, Object body) {
        String text;
        try {
            text = body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
    }

    /** PUTs the object as JSON (a String is sent as it is). */
    public Response put(String path, Object body) {
        String text;
        try {
            text = body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
    }

    /** POSTs one file as {@code multipart/form-data} (part name {@code file}). */
    public Response postFile(String path, String fileName, byte[] content) {
        String boundary = "----ssc" + java.util.UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A binary response (a PDF): status, content type and bytes. */
    public record Download(int status, String contentType, byte[] body) {
    }

    /** GETs a binary resource. */
    public Download download(String path) {
        try {
            HttpResponse<byte[]> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a site and returns it; fails the test unless 201. */
    public JsonNode createSite(String id, String name) {
        Response response = post("/api/sites", Map.of("id", id, "name", name));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    /** Registers a member and returns the new id; fails the test unless 201. */
    public String createMember(String siteId, String displayName, int birthYear, String sex) {
        Response response = post("/api/members",
                Map.of("siteId", siteId, "displayName", displayName, "birthYear", birthYear, "sex", sex));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    /** {@code GET /api/ingest/stats}. */
    public JsonNode stats() {
        Response response = get("/api/ingest/stats");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = null;
            try {
                json = response.body().isEmpty() ? null : JSON.readTree(response.body());
            } catch (JsonProcessingException notJson) {
                // leave json null
            }
            return new Response(response.statusCode(), response.body(), json, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
