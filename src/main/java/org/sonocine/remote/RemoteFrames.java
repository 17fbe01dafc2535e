package org.sonocine.remote;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.FrameBytes;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The frames of one remote instance (WADO-RS {@code /frames/{list}}), in the transfer syntax agreed with the
 * archive when they were opened. The agreement asks first for the instance's own syntax when its header names one,
 * then for whatever the archive holds, then for native frames the archive decodes itself; the syntax each answer
 * is really in is read from its part's Content-Type, so an archive that ignores the request is noticed.
 *
 * <p>The first frame is fetched while agreeing and kept, so it can be shown at once. Each later frame is its own
 * request; {@link #readAll} streams a run of frames in one. Safe to use from several threads.
 */
public final class RemoteFrames implements FrameBytes {
    private static final long LEEWAY = 1 << 20;
    private static final long UNKNOWN_SIZE_LIMIT = 512L << 20;

    private final DicomWebClient client;
    private final InstanceRef ref;
    private final String accept;
    private final TransferSyntax syntax;
    private final int frameCount;
    private final long maxFrameBytes;
    private final List<String> warnings;
    private final AtomicReference<byte[]> firstFrame;

    private RemoteFrames(DicomWebClient client, InstanceRef ref, String accept, TransferSyntax syntax, int frameCount,
                         long maxFrameBytes, List<String> warnings, byte[] firstFrame) {
        this.client = client;
        this.ref = ref;
        this.accept = accept;
        this.syntax = syntax;
        this.frameCount = frameCount;
        this.maxFrameBytes = maxFrameBytes;
        this.warnings = List.copyOf(warnings);
        this.firstFrame = new AtomicReference<>(firstFrame);
    }

    static RemoteFrames open(DicomWebClient client, InstanceRef ref, Attributes metadata) throws RemoteException {
        if (!ref.isInstance()) {
            throw new IllegalArgumentException("frames belong to one instance: its study, series and instance UIDs");
        }
        int frames = Math.max(1, metadata.getInt(Tag.NumberOfFrames, 1));
        long maxFrameBytes = maxFrameBytes(metadata);
        List<String> warnings = new ArrayList<>();
        Optional<TransferSyntax> own = declaredSyntax(metadata);
        List<Request> tries = new ArrayList<>();
        own.ifPresent(s -> tries.add(new Request(FrameMediaTypes.acceptFor(s), s)));
        tries.add(new Request(FrameMediaTypes.acceptAsStored(), null));
        TransferSyntax nativeSyntax = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        if (own.isEmpty() || !own.get().equals(nativeSyntax)) {
            tries.add(new Request(FrameMediaTypes.acceptFor(nativeSyntax), nativeSyntax));
        }
        URI first = client.connection().resolve(ref.path() + "/frames/1");
        List<String> refusals = new ArrayList<>();
        boolean compressedOriginal = own.isPresent() && own.get().encapsulated();
        for (Request request : tries) {
            List<Received> received = new ArrayList<>();
            Optional<Boolean> answered = client.tryGetMultipart(first, request.accept(), maxFrameBytes,
                    (part, type) -> received.add(new Received(syntaxOf(type, request.asked(), ref),
                            part.readAll(maxFrameBytes))));
            if (answered.isEmpty()) {
                refusals.add(request.asked() == null ? "as stored" : request.asked().uid());
                // An archive that cannot send what it holds as it is holds it compressed (Orthanc, for one, cannot
                // split some fragmented JPEG data into frames).
                compressedOriginal |= request.asked() == null || request.asked().encapsulated();
                continue;
            }
            if (received.size() != 1) {
                throw new RemoteException(RemoteException.Reason.MALFORMED, "the archive sent " + received.size()
                        + " parts for frame 1 of " + ref.instance());
            }
            Received frame = received.get(0);
            if (request.asked() != null && !request.asked().equals(frame.syntax())) {
                warnings.add("asked for frames in " + request.asked().uid() + ", the archive sent "
                        + frame.syntax().uid());
            }
            if (compressedOriginal && !frame.syntax().encapsulated()) {
                describeDecodedColour(metadata, warnings);
            }
            return new RemoteFrames(client, ref, request.accept(), frame.syntax(), frames, maxFrameBytes, warnings,
                    frame.bytes());
        }
        throw new RemoteException(RemoteException.Reason.REFUSED_REQUEST, "the archive offers the frames of "
                + ref.instance() + " in none of the transfer syntaxes asked for (" + String.join(", ", refusals) + ")");
    }

    /**
     * Frames the archive decompressed itself are no longer in the stored colour model: decoders turn YBR into RGB,
     * interleaved, as they decompress (DCMTK, which Orthanc uses, does), while the header still names the stored
     * model. Brings {@code metadata} in line with the frames, as the header of a decompressed copy would be.
     */
    private static void describeDecodedColour(Attributes metadata, List<String> warnings) {
        String photometric = metadata.getString(Tag.PhotometricInterpretation);
        if (metadata.getInt(Tag.SamplesPerPixel, 1) == 3 && photometric != null && photometric.startsWith("YBR")) {
            metadata.setString(Tag.PhotometricInterpretation, org.sonocine.dicom.VR.CS, "RGB");
            metadata.setInt(Tag.PlanarConfiguration, org.sonocine.dicom.VR.US, 0);
            warnings.add("the archive decompressed the frames itself: they are taken as RGB, not " + photometric);
        }
    }

    private record Request(String accept, TransferSyntax asked) {
    }

    private record Received(TransferSyntax syntax, byte[] bytes) {
    }

    /** The syntax named in the header (File Meta, or Available Transfer Syntax UID), if the archive included it. */
    private static Optional<TransferSyntax> declaredSyntax(Attributes metadata) {
        String uid = metadata.getString(Tag.TransferSyntaxUID);
        if (uid == null || uid.isEmpty()) {
            uid = metadata.getString(0x00083002);
        }
        return uid == null || uid.isEmpty() ? Optional.empty() : Optional.of(TransferSyntax.of(uid));
    }

    /** A frame may not be larger than its native size and some leeway (compression can grow a frame a little). */
    private static long maxFrameBytes(Attributes metadata) {
        long rows = metadata.getInt(Tag.Rows, 0);
        long columns = metadata.getInt(Tag.Columns, 0);
        long samples = Math.max(1, metadata.getInt(Tag.SamplesPerPixel, 1));
        long bits = Math.max(1, metadata.getInt(Tag.BitsAllocated, 16));
        if (rows <= 0 || columns <= 0) {
            return UNKNOWN_SIZE_LIMIT;
        }
        long nativeBytes = (rows * columns * samples * bits + 7) / 8;
        return Math.min(Integer.MAX_VALUE - 64, nativeBytes + nativeBytes / 4 + LEEWAY);
    }

    /**
     * The syntax a part is in, from its Content-Type. A part that names no syntax is in its media type's default;
     * one whose type frames are never sent as, or whose syntax is unknown, means the archive ignored the request.
     */
    static TransferSyntax syntaxOf(MediaType type, TransferSyntax asked, InstanceRef ref) throws RemoteException {
        Optional<String> named = type.parameter("transfer-syntax").filter(s -> !s.equals("*"));
        if (named.isPresent()) {
            TransferSyntax syntax = TransferSyntax.of(named.get());
            if (syntax.compression() == TransferSyntax.Compression.UNKNOWN) {
                throw ignored(asked, "frames in the unknown transfer syntax " + named.get(), ref);
            }
            return syntax;
        }
        Optional<TransferSyntax> byType = FrameMediaTypes.defaultSyntaxOf(type.type());
        if (byType.isEmpty()) {
            throw ignored(asked, "frames as " + type.type(), ref);
        }
        if (asked != null && FrameMediaTypes.mediaTypeOf(asked).equals(type.type())) {
            // The type the request named, without repeating the syntax: the requested one.
            return asked;
        }
        return byType.get();
    }

    private static RemoteException ignored(TransferSyntax asked, String sent, InstanceRef ref) {
        return new RemoteException(RemoteException.Reason.SYNTAX_IGNORED, "the archive ignored the requested transfer"
                + " syntax " + (asked == null ? "(as stored)" : asked.uid()) + " and sent " + sent + " for "
                + ref.instance());
    }

    /** The transfer syntax the frames arrive in: what a decoder must be chosen for. */
    public TransferSyntax transferSyntax() {
        return syntax;
    }

    public int frameCount() {
        return frameCount;
    }

    /** What differed from the request while agreeing on a syntax (e.g. the archive chose another). */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public byte[] read(int index) throws IOException {
        if (index < 0 || index >= frameCount) {
            throw new IOException("there is no frame " + (index + 1) + ": the instance has " + frameCount);
        }
        if (index == 0) {
            byte[] kept = firstFrame.get();
            if (kept != null) {
                return kept;
            }
        }
        List<byte[]> out = new ArrayList<>(1);
        try {
            readAll(index, 1, (i, bytes) -> out.add(bytes));
        } catch (RemoteException e) {
            throw new IOException(e.getMessage(), e);
        }
        return out.get(0);
    }

    /** Receives frames as they arrive. */
    @FunctionalInterface
    public interface FrameHandler {
        void frame(int index, byte[] bytes) throws RemoteException;
    }

    /**
     * Frames {@code first} to {@code first + count - 1} (0-based) in one request, each handed over as soon as its
     * part has arrived, so that a player can start before the run has.
     */
    public void readAll(int first, int count, FrameHandler handler) throws RemoteException {
        if (first < 0 || count < 1 || first + count > frameCount) {
            throw new IllegalArgumentException("frames " + (first + 1) + " to " + (first + count) + " are not all"
                    + " in an instance of " + frameCount);
        }
        StringBuilder list = new StringBuilder();
        for (int i = first; i < first + count; i++) {
            list.append(i == first ? "" : ",").append(i + 1);
        }
        URI uri = client.connection().resolve(ref.path() + "/frames/" + list);
        int[] next = {first};
        client.getMultipart(uri, accept, maxFrameBytes, (part, type) -> {
            TransferSyntax got = syntaxOf(type, syntax, ref);
            if (!got.equals(syntax)) {
                throw new RemoteException(RemoteException.Reason.SYNTAX_IGNORED, "the archive sent frame "
                        + (next[0] + 1) + " of " + ref.instance() + " in " + got.uid() + ", the earlier ones in "
                        + syntax.uid());
            }
            if (next[0] >= first + count) {
                throw new RemoteException(RemoteException.Reason.MALFORMED, "the archive sent more frames than the "
                        + count + " asked for");
            }
            handler.frame(next[0]++, part.readAll(maxFrameBytes));
        });
        if (next[0] != first + count) {
            throw new RemoteException(RemoteException.Reason.MALFORMED, "the archive sent " + (next[0] - first)
                    + " of the " + count + " frames asked for");
        }
    }
}
