package org.sonocine.cli;

import org.sonocine.dicom.OneLine;
import org.sonocine.imaging.FailureWords;
import org.sonocine.imaging.FrameRenderers;
import org.sonocine.remote.DicomWebClient;
import org.sonocine.remote.InstanceRef;
import org.sonocine.remote.RemoteException;
import org.sonocine.study.ArchiveImage;
import org.sonocine.study.RemoteCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code sonocine remote fetch}: one instance's frames fetched as the viewer fetches them, with the times a user
 * waits: for the first frame on screen, and for the whole cine.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Opens one instance of an archive as the viewer does (its header, then its first frame decoded"
                + " and rendered, then the other frames in runs of 64 per request, each kept in a cache) and prints"
                + " how long the first frame and the whole cine took. Without --cache a throwaway cache is used, so"
                + " every frame is fetched.")
final class RemoteFetchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ArchiveMixin archive;

    @Parameters(index = "0", paramLabel = "URL", description = "the archive's DICOMweb base URL")
    String url;

    @Parameters(index = "1", paramLabel = "STUDY/SERIES/INSTANCE", description = "UIDs of the instance")
    String what;

    @Option(names = "--cache", paramLabel = "DIR", description = "the cache folder to use and keep")
    Path cacheFolder;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        InstanceRef ref;
        try {
            ref = InstanceRef.parse(what);
            if (!ref.isInstance()) {
                throw new IllegalArgumentException("give STUDY/SERIES/INSTANCE: frames belong to one instance");
            }
        } catch (IllegalArgumentException e) {
            err.println("sonocine remote fetch: " + e.getMessage());
            return 2;
        }
        Path folder = cacheFolder != null ? cacheFolder : Files.createTempDirectory("sonocine-fetch-");
        RemoteCache cache = new RemoteCache(folder, Long.MAX_VALUE);
        try {
            long start = System.nanoTime();
            ArchiveImage image = ArchiveImage.open(new DicomWebClient(archive.options.connect(url)), ref, cache,
                    "fetch");
            FrameRenderers.forSource(image.source()).render(image.source().decode(0));
            long first = System.nanoTime();
            image.fetchRest(() -> false);
            long all = System.nanoTime();
            int frames = image.source().frameCount();
            out.println(String.format(Locale.ROOT, "first frame on screen after %.0f ms (%s); all %d %s after %.0f"
                            + " ms", (first - start) / 1e6, image.fromCache() ? "from the cache" : "header and frame 1"
                            + " fetched", frames, frames == 1 ? "frame" : "frames", (all - start) / 1e6));
            for (String warning : image.warnings()) {
                out.println("  " + OneLine.of(warning));
            }
            return 0;
        } catch (RemoteException e) {
            err.println("sonocine remote fetch: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("sonocine remote fetch: " + what + ": " + FailureWords.of(e));
            return 1;
        } finally {
            if (cacheFolder == null) {
                cache.clear();
            }
        }
    }
}
