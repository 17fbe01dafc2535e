package org.sonocine.study;

import org.sonocine.imaging.FrameSource;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.remote.DicomWebClient;
import org.sonocine.remote.InstanceRef;
import org.sonocine.remote.JsonDataSet;
import org.sonocine.remote.RemoteException;
import org.sonocine.remote.RemoteFrames;

/**
 * An image held by an archive, ready for the same pipeline as a local file: its header from WADO-RS metadata, and
 * a {@link FrameSource} whose frames are fetched on demand in the transfer syntax agreed with the archive. Opening
 * it costs two requests (the metadata, and the first frame while agreeing on a syntax); every other frame is
 * fetched when it is first decoded.
 */
public record RemoteImage(InstanceRef ref, JsonDataSet metadata, RemoteFrames frames, FrameSource source) {

    public static RemoteImage open(DicomWebClient client, InstanceRef ref) throws RemoteException, DecodeException {
        JsonDataSet metadata = client.metadata(ref);
        RemoteFrames frames = client.frames(ref, metadata.attributes());
        FrameSource source = FrameSource.of(metadata.attributes(), frames.transferSyntax(), frames);
        return new RemoteImage(ref, metadata, frames, source);
    }
}
