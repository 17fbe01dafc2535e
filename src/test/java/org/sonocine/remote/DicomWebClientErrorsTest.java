package org.sonocine.remote;

import org.junit.jupiter.api.Test;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the client meets archives that fail: each failure a RemoteException with a message a user can act on. */
class DicomWebClientErrorsTest {
    private static final InstanceRef INSTANCE = InstanceRef.instance("1.2.3", "1.2.3.4", "1.2.3.4.5");
    private static final String BOUNDARY = "frame-boundary";

    private static Attributes header(int frames) {
        Attributes a = new Attributes();
        a.setString(Tag.NumberOfFrames, VR.IS, Integer.toString(frames));
        a.setInt(Tag.Rows, VR.US, 2);
        a.setInt(Tag.Columns, VR.US, 2);
        a.setInt(Tag.BitsAllocated, VR.US, 8);
        return a;
    }

    private static byte[] frames(String partType, byte[]... parts) {
        StringBuilder b = new StringBuilder();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: " + partType + "\r\n\r\n").getBytes(
                    StandardCharsets.ISO_8859_1));
            out.writeBytes(p);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static String multipart(String type) {
        return "multipart/related; type=\"" + type + "\"; boundary=" + BOUNDARY;
    }

    @Test
    void anUnreachableArchiveIsNamedByItsUrl() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        URI base = URI.create("http://127.0.0.1:" + port + "/dicom-web");
        DicomWebClient client = new DicomWebClient(ArchiveConnection.of(base));
        assertThatThrownBy(() -> client.searchStudies(SearchQuery.all()))
                .isInstanceOf(RemoteException.class)
                .hasMessage("cannot reach the archive at " + base + ": connection refused")
                .extracting(e -> ((RemoteException) e).reason()).isEqualTo(RemoteException.Reason.UNREACHABLE);
    }

    @Test
    void aMissingStudyIsNotFound() throws Exception {
        try (StubArchive archive = new StubArchive((x, n) -> StubArchive.send(x, 404, "application/json",
                "{ \"Message\" : \"Unknown resource\" }"))) {
            assertThatThrownBy(() -> archive.client().metadata(INSTANCE))
                    .hasMessage("the archive has nothing at /dicom-web/studies/1.2.3/series/1.2.3.4/instances/1.2.3.4.5"
                            + "/metadata (Unknown resource)");
        }
    }

    @Test
    void aBusyArchiveIsAskedAgainAfterAPause() throws Exception {
        try (StubArchive archive = new StubArchive((x, n) -> {
            if (n < 3) {
                StubArchive.send(x, 503, "text/plain", "overloaded");
            } else {
                StubArchive.send(x, 200, "application/dicom+json", "[{\"0020000D\":{\"vr\":\"UI\",\"Value\":"
                        + "[\"1.2.3\"]}}]");
            }
        })) {
            SearchPage page = archive.client().searchStudies(SearchQuery.all());
            assertThat(page.matches()).hasSize(1);
            assertThat(archive.requests).hasSize(3);
        }
    }

    @Test
    void anArchiveBusyForLongerThanTheRetriesIsReportedAsBusy() throws Exception {
        try (StubArchive archive = new StubArchive((x, n) -> StubArchive.send(x, 503, "text/plain", "overloaded"))) {
            assertThatThrownBy(() -> archive.client().searchStudies(SearchQuery.all()))
                    .hasMessage("the archive at " + archive.base() + " is busy (HTTP 503) and stayed so after 3"
                            + " attempts");
            assertThat(archive.requests).hasSize(3);
        }
    }

    @Test
    void aRefusalIsNotRetried() throws Exception {
        try (StubArchive archive = new StubArchive((x, n) -> StubArchive.send(x, 401, "text/plain", "no"))) {
            DicomWebClient client = new DicomWebClient(ArchiveConnection.of(archive.base())
                    .withCredentials(Credentials.basic("alice", "wrong".toCharArray())));
            assertThatThrownBy(() -> client.searchStudies(SearchQuery.all()))
                    .hasMessage("the archive at " + archive.base() + " refused the credentials")
                    .extracting(e -> ((RemoteException) e).reason()).isEqualTo(RemoteException.Reason.UNAUTHORIZED);
            assertThat(archive.requests).hasSize(1);
        }
    }

    @Test
    void aSlowArchiveTimesOut() throws Exception {
        try (StubArchive archive = new StubArchive((x, n) -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            StubArchive.send(x, 200, "application/dicom+json", "[]");
        })) {
            DicomWebClient client = new DicomWebClient(ArchiveConnection.of(archive.base())
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)));
            assertThatThrownBy(() -> client.searchStudies(SearchQuery.all()))
                    .hasMessage("the archive at " + archive.base() + " did not answer within 300 ms");
        }
    }

    @Test
    void anArchiveThatStopsSendingHalfWayIsGivenUpOnRatherThanWaitedForForEver() throws Exception {
        byte[] body = frames("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1", new byte[4]);
        try (StubArchive archive = new StubArchive((x, n) -> {
            x.getResponseHeaders().set("Content-Type", multipart("application/octet-stream"));
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body, 0, body.length / 2);
            x.getResponseBody().flush();
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            DicomWebClient client = new DicomWebClient(ArchiveConnection.of(archive.base())
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(400)).withRetries(1, Duration.ofMillis(10)));
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.frames(INSTANCE, header(1)))
                    .isInstanceOf(RemoteException.class)
                    .hasMessageContaining("the archive stopped sending for more than");
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms waited").isLessThan(4000);
        }
    }

    @Test
    void aRedirectIsNotFollowedSoTheCredentialsGoNowhereElse() throws Exception {
        try (StubArchive elsewhere = new StubArchive((x, n) -> StubArchive.send(x, 200, "application/dicom+json",
                "[]"));
             StubArchive archive = new StubArchive((x, n) -> {
                 x.getResponseHeaders().set("Location", elsewhere.base() + "/studies");
                 StubArchive.send(x, 302, null, new byte[0]);
             })) {
            DicomWebClient client = new DicomWebClient(ArchiveConnection.of(archive.base())
                    .withCredentials(Credentials.bearer("SECRET")));

            assertThatThrownBy(() -> client.searchStudies(SearchQuery.all()))
                    .isInstanceOf(RemoteException.class)
                    .hasMessageStartingWith("the archive at " + archive.base() + " sends this request elsewhere (HTTP"
                            + " 302 to " + elsewhere.base() + "/studies): give that address instead");
            assertThat(elsewhere.requests).isEmpty();
        }
    }

    @Test
    void aPasswordInTheAddressIsRefusedWithoutBeingRepeated() {
        assertThatThrownBy(() -> ArchiveConnection.parse("http://reader:s3cret@archive.example:8042/dicom-web"))
                .isInstanceOf(RemoteException.class)
                .hasMessage("the address holds a user name or password: give the address without them, and the user"
                        + " name and password as credentials");
    }

    @Test
    void aMalformedMultipartAnswerIsReportedAsSuch() throws Exception {
        byte[] body = frames("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1", new byte[4]);
        byte[] cut = java.util.Arrays.copyOf(body, body.length - 12);
        try (StubArchive archive = new StubArchive((x, n) -> StubArchive.send(x, 200,
                multipart("application/octet-stream"), cut))) {
            assertThatThrownBy(() -> archive.client().frames(INSTANCE, header(1)))
                    .isInstanceOf(RemoteException.class)
                    .hasMessage("the archive sent a malformed multipart answer for /dicom-web/studies/1.2.3/series/"
                            + "1.2.3.4/instances/1.2.3.4.5/frames/1: the archive's multipart answer ends inside part 1,"
                            + " after 0 bytes of it");
        }
    }

    @Test
    void framesOfATypeNoFrameComesAsMeanTheArchiveIgnoredTheRequest() throws Exception {
        try (StubArchive archive = new StubArchive((x, n) -> StubArchive.send(x, 200, multipart("text/html"),
                frames("text/html", "<p>hello</p>".getBytes(StandardCharsets.UTF_8))))) {
            assertThatThrownBy(() -> archive.client().frames(INSTANCE, header(1)))
                    .hasMessage("the archive ignored the requested transfer syntax (as stored) and sent frames as"
                            + " text/html for 1.2.3.4.5")
                    .extracting(e -> ((RemoteException) e).reason()).isEqualTo(RemoteException.Reason.SYNTAX_IGNORED);
        }
    }

    @Test
    void theInstancesOwnSyntaxIsAskedFirstAndAnotherSentIsNoticedAndUsed() throws Exception {
        Attributes header = header(2);
        header.setString(Tag.TransferSyntaxUID, VR.UI, TransferSyntax.JPEG_BASELINE.uid());
        try (StubArchive archive = new StubArchive((x, n) -> StubArchive.send(x, 200,
                multipart("application/octet-stream"), frames("application/octet-stream; transfer-syntax="
                        + "1.2.840.10008.1.2.1", new byte[] {1, 2, 3, 4})))) {
            RemoteFrames frames = archive.client().frames(INSTANCE, header);
            assertThat(archive.accepts.get(0)).isEqualTo("multipart/related; type=\"image/jpeg\"; transfer-syntax="
                    + "1.2.840.10008.1.2.4.50");
            assertThat(frames.transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            assertThat(frames.warnings()).containsExactly("asked for frames in 1.2.840.10008.1.2.4.50, the archive"
                    + " sent 1.2.840.10008.1.2.1");
            assertThat(frames.read(0)).containsExactly(1, 2, 3, 4);
            assertThat(archive.requests).as("the first frame is kept from agreeing on the syntax").hasSize(1);
        }
    }

    @Test
    void aSyntaxTheArchiveDoesNotOfferFallsBackToNativeFrames() throws Exception {
        try (StubArchive archive = new StubArchive((x, n) -> {
            if (x.getRequestHeaders().getFirst("Accept").contains("transfer-syntax=*")) {
                StubArchive.send(x, 400, "application/json", "{\"Message\":\"Bad file format\"}");
            } else {
                StubArchive.send(x, 200, multipart("application/octet-stream"), frames("application/octet-stream;"
                        + " transfer-syntax=1.2.840.10008.1.2.1", new byte[] {9, 9, 9, 9}));
            }
        })) {
            Attributes header = header(1);
            header.setInt(Tag.SamplesPerPixel, VR.US, 3);
            header.setString(Tag.PhotometricInterpretation, VR.CS, "YBR_FULL_422");
            RemoteFrames frames = archive.client().frames(INSTANCE, header);
            assertThat(frames.transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            assertThat(header.getString(Tag.PhotometricInterpretation)).as("decompressed by the archive, so RGB")
                    .isEqualTo("RGB");
            assertThat(frames.warnings()).containsExactly("the archive decompressed the frames itself: they are taken"
                    + " as RGB, not YBR_FULL_422");
            assertThat(archive.accepts).containsExactly(FrameMediaTypes.acceptAsStored(),
                    "multipart/related; type=\"application/octet-stream\"; transfer-syntax=1.2.840.10008.1.2.1");
        }
    }

    @Test
    void aLaterFrameInAnotherSyntaxIsRefused() throws Exception {
        try (StubArchive archive = new StubArchive((x, n) -> StubArchive.send(x, 200, multipart("image/jpeg"),
                frames(n == 1 ? "image/jpeg; transfer-syntax=1.2.840.10008.1.2.4.50"
                        : "image/jpeg; transfer-syntax=1.2.840.10008.1.2.4.70", new byte[] {1})))) {
            RemoteFrames frames = archive.client().frames(INSTANCE, header(2));
            assertThatThrownBy(() -> frames.read(1))
                    .hasMessage("the archive sent frame 2 of 1.2.3.4.5 in 1.2.840.10008.1.2.4.70, the earlier ones in"
                            + " 1.2.840.10008.1.2.4.50");
        }
    }

    @Test
    void framesOfARunAreHandedOverAsTheyArriveNotWhenTheRunHas() throws Exception {
        java.util.concurrent.CountDownLatch firstHandled = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean restSent = new java.util.concurrent.atomic.AtomicBoolean();
        byte[] all = frames("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1", new byte[] {1, 1, 1, 1},
                new byte[] {2, 2, 2, 2}, new byte[] {3, 3, 3, 3});
        // Everything up to the second part's delimiter line: the first frame is then known to be complete.
        int split = new String(all, StandardCharsets.ISO_8859_1).indexOf("--" + BOUNDARY, 10) + 2
                + BOUNDARY.length();
        try (StubArchive archive = new StubArchive((x, n) -> {
            if (n == 1) {
                StubArchive.send(x, 200, multipart("application/octet-stream"), frames("application/octet-stream;"
                        + " transfer-syntax=1.2.840.10008.1.2.1", new byte[] {1, 1, 1, 1}));
                return;
            }
            x.getResponseHeaders().set("Content-Type", multipart("application/octet-stream"));
            x.sendResponseHeaders(200, 0);
            var out = x.getResponseBody();
            out.write(all, 0, split);
            out.flush();
            try {
                firstHandled.await(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            restSent.set(true);
            out.write(all, split, all.length - split);
            out.close();
        })) {
            RemoteFrames frames = archive.client().frames(INSTANCE, header(3));
            java.util.List<String> seen = new java.util.ArrayList<>();
            frames.readAll(0, 3, (index, bytes) -> {
                seen.add(index + ":" + bytes[0] + (restSent.get() ? " after the rest was sent" : " before the rest"));
                firstHandled.countDown();
            });
            assertThat(seen).containsExactly("0:1 before the rest", "1:2 after the rest was sent",
                    "2:3 after the rest was sent");
        }
    }

    @Test
    void aBearerTokenIsSentWithEveryRequest() throws Exception {
        try (StubArchive archive = new StubArchive((x, n) -> StubArchive.send(x, 200, "application/dicom+json",
                "[]"))) {
            DicomWebClient client = new DicomWebClient(ArchiveConnection.of(archive.base())
                    .withCredentials(Credentials.bearer("eyJ.token.sig")));
            assertThat(client.searchStudies(SearchQuery.all()).matches()).isEmpty();
            assertThat(archive.authorizations).containsExactly("Bearer eyJ.token.sig");
        }
    }

    @Test
    void anAnswerThatIsNotDicomJsonIsReportedAsSuch() throws Exception {
        try (StubArchive archive = new StubArchive((x, n) -> StubArchive.send(x, 200, "text/html",
                "<html>Sign in</html>"))) {
            assertThatThrownBy(() -> archive.client().searchStudies(SearchQuery.all()))
                    .hasMessage("the archive answered /dicom-web/studies with text/html instead of DICOM JSON");
        }
    }
}
