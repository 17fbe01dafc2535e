package org.sonocine.imaging;

import org.sonocine.dicom.DicomFile;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Run in a JVM of its own by {@link FirstShownFrameTest}: decodes a file's first frame as a viewer shows it first,
 * then its second as playback does, saying between the two where it stands.
 */
public final class FirstShownFrameProbe {
    private FirstShownFrameProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (DicomFile file = DicomFile.open(Path.of(args[0]))) {
            FrameSource frames = FrameSource.of(file);
            byte[] first = frames.decodeFirstShown(0).data();
            System.out.println("first frame sha256=" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(first)));
            System.out.flush();
            frames.decode(1);
            System.out.println("second frame decoded");
        }
    }
}
