package org.sonocine.remote;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.VR;
import org.sonocine.study.RemoteCache;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A frame the player asks for while the run that brings it is arriving waits for it instead of being fetched a
 * second time on its own.
 */
class FramesInFlightTest {
    private static final String BOUNDARY = "run";
    private static final String TYPE = "application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1";

    @TempDir
    Path dir;

    private static byte[] part(int frame) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Type: " + TYPE + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[head.length + 4 + 2];
        System.arraycopy(head, 0, out, 0, head.length);
        java.util.Arrays.fill(out, head.length, head.length + 4, (byte) frame);
        out[out.length - 2] = '\r';
        out[out.length - 1] = '\n';
        return out;
    }

    @Test
    void aFrameBeingBroughtByTheRunIsAwaitedNotFetchedTwice() throws Exception {
        try (StubArchive archive = new StubArchive((x, n) -> {
            String path = x.getRequestURI().getPath();
            String list = path.substring(path.lastIndexOf('/') + 1);
            x.getResponseHeaders().set("Content-Type", "multipart/related; type=\"application/octet-stream\";"
                    + " boundary=" + BOUNDARY);
            x.sendResponseHeaders(200, 0);
            try (OutputStream out = x.getResponseBody()) {
                for (String f : list.split(",")) {
                    out.write(part(Integer.parseInt(f)));
                    out.flush();
                    if (list.contains(",")) {
                        // A run arrives slowly, a frame at a time.
                        Thread.sleep(150);
                    }
                }
                out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            Attributes header = new Attributes();
            header.setString(Tag.NumberOfFrames, VR.IS, "6");
            header.setInt(Tag.Rows, VR.US, 2);
            header.setInt(Tag.Columns, VR.US, 2);
            header.setInt(Tag.BitsAllocated, VR.US, 8);
            InstanceRef ref = InstanceRef.instance("1.2.3", "1.2.3.4", "1.2.3.4.5");
            RemoteFrames remote = archive.client().frames(ref, header);
            RemoteCache cache = new RemoteCache(dir, 1 << 20);
            RemoteCache.KeptFrames kept = cache.frames(cache.folderOf("a", "1.2.3.4.5"), () -> remote);
            int before = archive.requests.size();

            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
                try {
                    kept.fetchMissing(6, () -> false);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            // While frames 1-6 come one by one, the player wants frame 5.
            Thread.sleep(200);
            byte[] fifth = kept.read(4);
            run.get(10, TimeUnit.SECONDS);

            assertEquals(5, fifth[0]);
            assertThat(archive.requests.subList(before, archive.requests.size()))
                    .as("one request for the run, none for frame 5 alone")
                    .singleElement().asString().endsWith("/frames/1,2,3,4,5,6");
        }
    }
}
