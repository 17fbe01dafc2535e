package org.sonocine.imaging.jpeg2000;

import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.FrameLocation;
import org.sonocine.testing.Samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The JPEG 2000 codestreams of the shared samples, frame by frame. */
final class J2kSamples {
    /** The samples holding JPEG 2000 codestreams whose every frame decodes, relative to the samples folder. */
    static final List<String> FILES = List.of("US1_J2KR.dcm", "jpeg2000-multiframe-multifragments.dcm",
            "defects/966_fixed.dcm", "defects/966.dcm", "defects/NM_Kakadu44_SOTmarkerincons.dcm",
            "defects/GDCMJ2K_TextGBR.dcm");

    private J2kSamples() {
    }

    static Path path(String name) {
        return Samples.dir().resolve(name);
    }

    /** Frame {@code index} (0-based): its fragments joined. */
    static byte[] frame(DicomFile file, int index) throws IOException {
        FrameLocation location = file.frames().get(index);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (FrameLocation.Segment segment : location.segments()) {
            out.write(file.readBytes(segment.offset(), Math.toIntExact(segment.length())));
        }
        return out.toByteArray();
    }
}
