package org.sonocine.imaging;

import org.junit.jupiter.api.Test;
import org.sonocine.dicom.DicomFile;
import org.sonocine.testing.Samples;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Frames that come from elsewhere than a file decode as the file's own frames do. */
class FetchedFrameSourceTest {

    private static FrameSource fetchedFrom(DicomFile file, AtomicInteger reads) throws IOException {
        FrameSource local = FrameSource.of(file);
        return FrameSource.of(file.dataset(), file.transferSyntax(), index -> {
            reads.incrementAndGet();
            return local.read(index).bytes();
        });
    }

    private static void assertSameStoredValues(String sample) throws IOException {
        try (DicomFile file = DicomFile.open(Samples.file(sample))) {
            FrameSource local = FrameSource.of(file);
            AtomicInteger reads = new AtomicInteger();
            FrameSource fetched = fetchedFrom(file, reads);
            assertThat(fetched.frameCount()).isEqualTo(local.frameCount());
            for (int i = 0; i < local.frameCount(); i++) {
                assertThat(fetched.decode(i).data()).as("frame %d of %s", i + 1, sample)
                        .isEqualTo(local.decode(i).data());
            }
            assertThat(reads).hasValue(local.frameCount());
        }
    }

    @Test
    void nativeFramesDecodeAsTheFilesOwn() throws IOException {
        assertSameStoredValues("US1_UNCR.dcm");
    }

    @Test
    void jpegBaselineFramesDecodeAsTheFilesOwn() throws IOException {
        assertSameStoredValues("examples_ybr_color.dcm");
    }

    @Test
    void rleFramesDecodeAsTheFilesOwn() throws IOException {
        assertSameStoredValues("US-PAL-8-10x-echo");
    }

    @Test
    void aFrameBeyondTheLastIsRefusedWithoutBeingFetched() throws IOException {
        try (DicomFile file = DicomFile.open(Samples.file("US1_UNCR.dcm"))) {
            AtomicInteger reads = new AtomicInteger();
            FrameSource fetched = fetchedFrom(file, reads);
            assertThatThrownBy(() -> fetched.decode(1)).hasMessageContaining("there is no frame 2: the image has 1");
            assertThat(reads).hasValue(0);
        }
    }

    @Test
    void theRendererReadsTheHeaderOfAFetchedSource() throws IOException {
        try (DicomFile file = DicomFile.open(Samples.file("US-PAL-8-10x-echo"))) {
            FrameSource fetched = fetchedFrom(file, new AtomicInteger());
            assertThat(fetched.file()).isNull();
            assertThat(FrameRenderers.forSource(fetched)).isInstanceOf(PaletteRenderer.class);
        }
    }
}
