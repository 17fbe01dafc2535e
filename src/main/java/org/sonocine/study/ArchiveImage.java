package org.sonocine.study;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.imaging.FrameSource;
import org.sonocine.remote.DicomWebClient;
import org.sonocine.remote.InstanceRef;
import org.sonocine.remote.JsonDataSet;
import org.sonocine.remote.RemoteException;
import org.sonocine.remote.RemoteFrames;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * An image of an archive opened through the local cache: the header and frames kept from an earlier viewing are
 * read from disk without a request; otherwise the header is fetched (WADO-RS metadata), the frames' transfer
 * syntax agreed on the first frame, and every frame kept as it arrives, fetched when it is first decoded.
 *
 * @param folder    where the cache keeps it
 * @param dataset   its header
 * @param syntax    the transfer syntax its frames come in
 * @param source    its frames, for the same decoders and player as a local file's
 * @param warnings  what the archive did that the viewer should mention
 * @param kept      its frames as the cache keeps them
 * @param fromCache whether the header came from the cache (no request made to open it)
 */
public record ArchiveImage(Path folder, Attributes dataset, TransferSyntax syntax, FrameSource source,
                           RemoteCache.KeptFrames kept, List<String> warnings, boolean fromCache) {

    public static ArchiveImage open(DicomWebClient client, InstanceRef ref, RemoteCache cache, String archiveKey)
            throws IOException, RemoteException {
        Path folder = cache.folderOf(archiveKey, ref.instance());
        Optional<RemoteCache.Header> header = cache.header(folder);
        if (header.isPresent()) {
            Attributes dataset = header.get().dataset();
            TransferSyntax syntax = header.get().syntax();
            RemoteCache.KeptFrames kept = cache.frames(folder, () -> {
                try {
                    RemoteFrames agreed = client.frames(ref, dataset);
                    if (!agreed.transferSyntax().equals(syntax)) {
                        throw new IOException("the archive now sends this image's frames in "
                                + agreed.transferSyntax().name() + ", not the " + syntax.name()
                                + " kept: clear the archive cache to fetch it again");
                    }
                    return agreed;
                } catch (RemoteException e) {
                    throw new IOException(e.getMessage(), e);
                }
            });
            FrameSource source = FrameSource.of(dataset, syntax, kept);
            return new ArchiveImage(folder, dataset, syntax, source, kept, List.of(), true);
        }
        JsonDataSet metadata = client.metadata(ref);
        List<String> warnings = new ArrayList<>(metadata.warnings());
        warnings.addAll(client.fetchBulkData(metadata));
        Attributes dataset = metadata.attributes();
        RemoteFrames frames = client.frames(ref, dataset);
        warnings.addAll(frames.warnings());
        try {
            cache.keepHeader(folder, dataset, frames.transferSyntax());
        } catch (IOException e) {
            warnings.add("not kept in the archive cache: " + e.getMessage());
        }
        RemoteCache.KeptFrames kept = cache.frames(folder, () -> frames);
        FrameSource source = FrameSource.of(dataset, frames.transferSyntax(), kept);
        return new ArchiveImage(folder, dataset, frames.transferSyntax(), source, kept, List.copyOf(warnings),
                false);
    }

    /**
     * Fetches the frames not kept yet, a run per request, so that the whole cine is soon on disk while it plays;
     * stops between two frames once {@code stop} says so.
     */
    public void fetchRest(BooleanSupplier stop) throws IOException {
        kept.fetchMissing(source.frameCount(), stop);
    }
}
