package org.sonocine.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Orthanc archive with its DICOMweb plugin, started as a child process for a test class: a throwaway
 * configuration on free ports, storage and index in a temporary folder, optionally one registered user. Stopped
 * after the class, and on JVM exit if the class never ends. Where Orthanc or its plugin is missing,
 * {@link #missingReason()} says so and the tests that need it are skipped.
 */
public final class OrthancServer implements AutoCloseable {
    /** A user registered when authentication is on. */
    public static final String USER = "reader";
    public static final String PASSWORD = "cine-loop-7";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path folder;
    private final Process process;
    private final int port;
    private final boolean authenticated;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Thread stopOnExit;

    private OrthancServer(Path folder, Process process, int port, boolean authenticated) {
        this.folder = folder;
        this.process = process;
        this.port = port;
        this.authenticated = authenticated;
        this.stopOnExit = new Thread(this::stop, "orthanc-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    static Path executable() {
        return Path.of(System.getProperty("sonocine.orthanc", "/usr/sbin/Orthanc"));
    }

    static Path dicomWebPlugin() {
        return Path.of(System.getProperty("sonocine.orthanc.dicomweb",
                "/usr/share/orthanc/plugins/libOrthancDicomWeb.so"));
    }

    /** Why Orthanc cannot be started here, or empty when it can. */
    public static Optional<String> missingReason() {
        if (!Files.isExecutable(executable())) {
            return Optional.of("Orthanc not found at " + executable() + " (apt-get install orthanc orthanc-dicomweb):"
                    + " the tests against a real archive are SKIPPED");
        }
        if (!Files.isRegularFile(dicomWebPlugin())) {
            return Optional.of("Orthanc's DICOMweb plugin not found at " + dicomWebPlugin() + " (apt-get install"
                    + " orthanc-dicomweb): the tests against a real archive are SKIPPED");
        }
        return Optional.empty();
    }

    /** Starts an archive and waits until it answers; with {@code authenticated}, only {@link #USER} may use it. */
    public static OrthancServer start(boolean authenticated) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("orthanc-test-");
        int port = freePort();
        int dicomPort = freePort();
        Path config = folder.resolve("orthanc.json");
        Files.writeString(config, """
                {
                  "Name": "sonocine-test",
                  "StorageDirectory": "%1$s",
                  "IndexDirectory": "%1$s",
                  "HttpPort": %2$d,
                  "DicomPort": %3$d,
                  "DicomServerEnabled": false,
                  "RemoteAccessAllowed": false,
                  "AuthenticationEnabled": %4$s,
                  "RegisteredUsers": { %5$s },
                  "StorageCompression": false,
                  "HttpCompressionEnabled": false,
                  "SaveJobs": false,
                  "Plugins": [ "%6$s" ],
                  "DicomWeb": { "Enable": true, "Root": "/dicom-web/", "EnableWado": false, "StudiesMetadata": "Full",
                                "SeriesMetadata": "Full" }
                }
                """.formatted(folder.resolve("storage").toString().replace("\\", "\\\\"), port, dicomPort,
                authenticated, authenticated ? "\"" + USER + "\": \"" + PASSWORD + "\"" : "",
                dicomWebPlugin().toString().replace("\\", "\\\\")), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(executable().toString(), config.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("orthanc.log").toFile())
                .start();
        OrthancServer server = new OrthancServer(folder, process, port, authenticated);
        try {
            server.awaitReady();
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Orthanc stopped at start-up (exit " + process.exitValue() + "): "
                        + lastLogLines());
            }
            try {
                HttpResponse<Void> r = http.send(request("/system").build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IOException("Orthanc did not answer /system within " + START_TIMEOUT.toSeconds() + " s: "
                + lastLogLines());
    }

    private String lastLogLines() {
        try {
            var lines = Files.readAllLines(folder.resolve("orthanc.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (authenticated) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    /** The DICOMweb base URL, e.g. {@code http://127.0.0.1:PORT/dicom-web}. */
    public URI dicomWeb() {
        return URI.create("http://127.0.0.1:" + port + "/dicom-web");
    }

    /** Stores a Part 10 file through Orthanc's own REST API ({@code POST /instances}). */
    public void upload(Path file) throws IOException, InterruptedException {
        HttpResponse<String> r;
        for (int attempt = 1; ; attempt++) {
            try {
                r = http.send(request("/instances").POST(HttpRequest.BodyPublishers.ofFile(file))
                        .header("Content-Type", "application/dicom").build(), HttpResponse.BodyHandlers.ofString());
                break;
            } catch (IOException e) {
                // A kept-alive connection Orthanc has just closed fails the first request sent on it: once more.
                if (attempt == 3) {
                    throw e;
                }
            }
        }
        if (r.statusCode() != 200) {
            throw new IOException("Orthanc refused " + file.getFileName() + ": HTTP " + r.statusCode() + " "
                    + r.body());
        }
    }

    /** GETs a path of Orthanc's REST API, for checks that need more than DICOMweb. */
    public InputStream get(String path) throws IOException, InterruptedException {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofInputStream()).body();
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder the system cleans eventually
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException alreadyExiting) {
            // the hook runs anyway
        }
    }
}
