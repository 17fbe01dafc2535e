package org.sonocine.study;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.FrameBytes;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.remote.RemoteException;
import org.sonocine.remote.RemoteFrames;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Instances seen from an archive, kept on disk so that a second viewing makes no request: per instance a folder
 * with its header (as received, in a small DICOM file), the transfer syntax its frames came in, and each frame as
 * it arrives. Bounded in size: when it grows past its limit, the instances used longest ago are deleted. Each
 * file appears only when complete, so an interrupted download leaves nothing half written.
 */
public final class RemoteCache {
    private static final String HEADER = "header.dcm";
    private static final String SYNTAX = "transfer-syntax";
    private static final String USED = "last-used";

    private final Path root;
    private final long maxBytes;

    public RemoteCache(Path root, long maxBytes) {
        this.root = root;
        this.maxBytes = maxBytes;
    }

    public Path root() {
        return root;
    }

    /** The folder of one instance of the archive known as {@code archiveKey}. */
    public Path folderOf(String archiveKey, String sopInstanceUid) {
        return root.resolve(safe(archiveKey)).resolve(safe(sopInstanceUid));
    }

    /** A header and its frames' syntax, as kept. */
    public record Header(Attributes dataset, TransferSyntax syntax) {
    }

    /** The header kept for the instance at {@code folder}, if it was kept whole. */
    public Optional<Header> header(Path folder) {
        Path header = folder.resolve(HEADER);
        Path syntax = folder.resolve(SYNTAX);
        if (!Files.isRegularFile(header) || !Files.isRegularFile(syntax)) {
            return Optional.empty();
        }
        try (DicomFile file = DicomFile.open(header)) {
            TransferSyntax ts = TransferSyntax.of(Files.readString(syntax, StandardCharsets.US_ASCII).strip());
            touch(folder);
            return Optional.of(new Header(file.dataset(), ts));
        } catch (IOException | RuntimeException e) {
            // A header that cannot be read back is fetched again.
            return Optional.empty();
        }
    }

    /** Keeps the header of the instance at {@code folder}, whose frames come in {@code syntax}. */
    public void keepHeader(Path folder, Attributes dataset, TransferSyntax syntax) throws IOException {
        Files.createDirectories(folder);
        writeAtomically(folder.resolve(HEADER),
                new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(dataset));
        writeAtomically(folder.resolve(SYNTAX), syntax.uid().getBytes(StandardCharsets.US_ASCII));
        touch(folder);
    }

    /**
     * The frames of the instance at {@code folder}: each read from disk when it was kept, else from {@code remote}
     * (asked for only then) and kept. Keeping is best effort: a full disk still shows the frame.
     */
    public KeptFrames frames(Path folder, RemoteSource remote) {
        return new KeptFrames(folder, remote, this);
    }

    /** Where frames come from when they are not kept yet; opened on the first frame missing. */
    @FunctionalInterface
    public interface RemoteSource {
        FrameBytes open() throws IOException;
    }

    /** Deletes the instances used longest ago until the cache is within its limit; returns the bytes it holds. */
    public synchronized long trim() throws IOException {
        List<Entry> entries = entries();
        long total = entries.stream().mapToLong(Entry::bytes).sum();
        entries.sort(Comparator.comparing(Entry::used));
        for (Entry e : entries) {
            if (total <= maxBytes) {
                break;
            }
            deleteTree(e.folder());
            total -= e.bytes();
        }
        return total;
    }

    /** Deletes everything kept. */
    public synchronized void clear() throws IOException {
        deleteTree(root);
    }

    /** The bytes kept. */
    public synchronized long size() throws IOException {
        return entries().stream().mapToLong(Entry::bytes).sum();
    }

    private record Entry(Path folder, FileTime used, long bytes) {
    }

    private List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return entries;
        }
        try (DirectoryStream<Path> archives = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path archive : archives) {
                try (DirectoryStream<Path> instances = Files.newDirectoryStream(archive, Files::isDirectory)) {
                    for (Path instance : instances) {
                        entries.add(new Entry(instance, used(instance), bytes(instance)));
                    }
                }
            }
        }
        return entries;
    }

    private static FileTime used(Path folder) {
        try {
            return Files.getLastModifiedTime(folder.resolve(USED));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static long bytes(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    private static void touch(Path folder) {
        try {
            Path used = folder.resolve(USED);
            if (!Files.exists(used)) {
                Files.createFile(used);
            }
            Files.setLastModifiedTime(used, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // Only the order of eviction suffers.
        }
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".part-", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void deleteTree(Path top) throws IOException {
        if (!Files.exists(top)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(top)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            // Gone already: what was to be deleted is.
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof NoSuchFileException)) {
                throw e.getCause();
            }
        }
    }

    /** A UID or name as a folder name: UIDs are digits and dots already; anything else is escaped. */
    private static String safe(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-' ? c
                    : String.format("_%04x", (int) c));
        }
        String s = out.toString();
        // Names no file system takes as a folder of its own: empty, dot names, a trailing dot, Windows devices.
        boolean reserved = s.isEmpty() || s.endsWith(".")
                || s.toUpperCase(Locale.ROOT).matches("(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\\..*)?");
        return reserved ? "_" + s + "_" : s;
    }

    /** The frames of one instance: from disk when kept, else fetched and kept. Safe for several threads. */
    public static final class KeptFrames implements FrameBytes {
        /** Frames asked for in one request when the rest of a cine is fetched: a URL of a few hundred bytes. */
        private static final int RUN = 64;
        /** How often frames in use mark their instance as used, so that the cine playing is never evicted. */
        private static final long TOUCH_EVERY_NANOS = 5_000_000_000L;
        private final Path folder;
        private final RemoteSource remote;
        private FrameBytes opened;
        private volatile long touched = System.nanoTime();
        /** How long a frame asked for waits for the run that is bringing it, before it is fetched on its own. */
        private static final long AWAIT_RUN_MILLIS = 5000;
        private final Object arrivals = new Object();
        /** The frames of the run being fetched, first inclusive, end exclusive; none when equal. */
        private int runFirst;
        private int runEnd;

        /** The cache these frames are kept in, brought back within its limit once a cine's frames are fetched. */
        private final RemoteCache cache;

        KeptFrames(Path folder, RemoteSource remote, RemoteCache cache) {
            this.folder = folder;
            this.remote = remote;
            this.cache = cache;
        }

        @Override
        public byte[] read(int index) throws IOException {
            Optional<byte[]> kept = readKept(index);
            if (kept.isEmpty() && awaitRun(index)) {
                // Kept by the run meanwhile, unless evicted just after.
                kept = readKept(index);
            }
            if (kept.isPresent()) {
                return kept.get();
            }
            byte[] bytes = source().read(index);
            keep(index, bytes);
            return bytes;
        }

        /** Frame {@code index} from disk, if it is kept. */
        private Optional<byte[]> readKept(int index) throws IOException {
            try {
                byte[] bytes = Files.readAllBytes(frameFile(index));
                markUsed();
                return Optional.of(bytes);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }

        /**
         * Waits, when the run being fetched brings frame {@code index}, until it has arrived (or the run ends, or
         * a few seconds pass): a frame the player wants just ahead of the run is not fetched twice. Whether it is
         * kept now.
         */
        private boolean awaitRun(int index) throws IOException {
            synchronized (arrivals) {
                long deadline = System.nanoTime() + AWAIT_RUN_MILLIS * 1_000_000;
                while (runFirst <= index && index < runEnd && !isKept(index)) {
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        break;
                    }
                    try {
                        arrivals.wait(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("stopped waiting for frame " + (index + 1));
                    }
                }
                return isKept(index);
            }
        }

        private void running(int first, int end) {
            synchronized (arrivals) {
                runFirst = first;
                runEnd = end;
                arrivals.notifyAll();
            }
        }

        /** Whether frame {@code index} is on disk. */
        public boolean isKept(int index) {
            return Files.isRegularFile(frameFile(index));
        }

        /**
         * Fetches the frames of {@code frames} not kept yet, a run of them per request, each kept as it arrives, so
         * that a cine arrives whole in a few requests while the player shows what it has; stops between two frames
         * once {@code stop} says so. Nothing is asked for when every frame is kept.
         */
        public void fetchMissing(int frames, BooleanSupplier stop) throws IOException {
            fetchMissingFrames(frames, stop);
            // Once per download rather than per instance listed: trimming walks the whole cache.
            cache.trim();
        }

        private void fetchMissingFrames(int frames, BooleanSupplier stop) throws IOException {
            int i = 0;
            while (i < frames && !stop.getAsBoolean()) {
                if (isKept(i)) {
                    i++;
                    continue;
                }
                int first = i;
                while (i < frames && i - first < RUN && !isKept(i)) {
                    i++;
                }
                FrameBytes source = source();
                if (source instanceof RemoteFrames run) {
                    running(first, i);
                    try {
                        run.readAll(first, i - first, (index, bytes) -> {
                            keep(index, bytes);
                            synchronized (arrivals) {
                                arrivals.notifyAll();
                            }
                            if (stop.getAsBoolean()) {
                                // Ends the request: the rest of the run is not wanted any more.
                                throw new RemoteException(RemoteException.Reason.INTERRUPTED, "stopped");
                            }
                        });
                    } catch (RemoteException e) {
                        if (stop.getAsBoolean()) {
                            return;
                        }
                        throw new IOException(e.getMessage(), e);
                    } finally {
                        running(0, 0);
                    }
                } else {
                    for (int f = first; f < i && !stop.getAsBoolean(); f++) {
                        keep(f, source.read(f));
                    }
                }
            }
        }

        private Path frameFile(int index) {
            return folder.resolve("frame-" + (index + 1));
        }

        private void keep(int index, byte[] bytes) {
            try {
                Files.createDirectories(folder);
                writeAtomically(frameFile(index), bytes);
                markUsed();
            } catch (IOException e) {
                // Shown all the same; fetched again next time.
            }
        }

        private void markUsed() {
            long now = System.nanoTime();
            if (now - touched > TOUCH_EVERY_NANOS) {
                touched = now;
                touch(folder);
            }
        }

        private synchronized FrameBytes source() throws IOException {
            if (opened == null) {
                opened = remote.open();
            }
            return opened;
        }
    }
}
