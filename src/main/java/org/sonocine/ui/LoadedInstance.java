package org.sonocine.ui;

import org.sonocine.dicom.DicomFile;
import org.sonocine.imaging.DisplayFrame;
import org.sonocine.imaging.FailureWords;
import org.sonocine.imaging.FrameFailure;
import org.sonocine.imaging.FrameRenderer;
import org.sonocine.imaging.FrameRenderers;
import org.sonocine.imaging.FrameSource;
import org.sonocine.study.ArchiveImage;
import org.sonocine.study.CineTiming;
import org.sonocine.study.Geometry;
import org.sonocine.study.ImageInfo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An instance opened for viewing: its header and the typed views of it, and, when it has decodable pixel data,
 * its frames and the first frame already rendered. Made off the JavaFX thread.
 *
 * @param frames      null when the file has no decodable image ({@code imageProblem} says why)
 * @param firstFrame  frame 1 rendered, or null when it could not be (its reason is in {@code frameProblem})
 */
public record LoadedInstance(Path path, DicomFile file, ImageInfo info, Geometry geometry, CineTiming timing,
                             FrameSource frames, FrameRenderer renderer, DisplayFrame firstFrame,
                             String imageProblem, String frameProblem, List<String> notes) {

    /** Opens {@code path} and decodes its first frame; a broken image still gives its header and the reason. */
    public static LoadedInstance open(Path path) throws IOException {
        DicomFile file = DicomFile.openLenient(path);
        try {
            return open(path, file);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /**
     * An archive's image opened through the cache ({@link ArchiveImage}): the header is already here, and the
     * first frame is decoded from what the archive sent while agreeing on a syntax (or from the cache).
     */
    public static LoadedInstance open(ArchiveImage image) throws IOException {
        DicomFile header = DicomFile.ofHeader(image.dataset(), image.syntax(), image.source().frameCount(),
                image.warnings());
        return open(image.folder(), header, image.source());
    }

    private static LoadedInstance open(Path path, DicomFile file) throws IOException {
        return open(path, file, null);
    }

    /** With {@code given} frames, or those of {@code file} when null. */
    private static LoadedInstance open(Path path, DicomFile file, FrameSource given) throws IOException {
        List<String> notes = new ArrayList<>(file.warnings());
        file.problem().ifPresent(p -> notes.add(p.getMessage()));
        ImageInfo info = ImageInfo.of(file);
        Geometry geometry = Geometry.of(file.dataset());
        CineTiming timing = CineTiming.of(file.dataset(), file.numberOfFrames());
        FrameSource frames = null;
        FrameRenderer renderer = null;
        DisplayFrame first = null;
        String imageProblem = null;
        String frameProblem = null;
        try {
            frames = given != null ? given : FrameSource.of(file);
            renderer = FrameRenderers.forSource(frames);
            if (frames.unsupportedReason() != null) {
                frameProblem = frames.unsupportedReason();
            } else {
                try {
                    var stored = frames.decodeFirstShown(timing.startFrame() - 1);
                    if (!stored.note().isEmpty()) {
                        notes.add(stored.note());
                    }
                    first = renderer.render(stored);
                } catch (Throwable e) {
                    frameProblem = FrameFailure.reason(timing.startFrame() - 1, e);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a header the image cannot be shown from still shows its attributes
            imageProblem = FailureWords.of(e);
        }
        return new LoadedInstance(path, file, info, geometry, timing, frames, renderer, first, imageProblem,
                frameProblem, List.copyOf(notes));
    }

    public boolean hasImage() {
        return frames != null;
    }

    public int frameCount() {
        return frames != null ? frames.frameCount() : 0;
    }

    /** Releases the file once the instance is no longer shown. */
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            // A read-only file that fails to close leaves nothing to repair.
        }
    }

    public String title() {
        if (file.path().isEmpty()) {
            // An archive's image has no file name: it is named as the browser lists it.
            String series = info.seriesDescription().isBlank() ? info.modality() : info.seriesDescription();
            return (info.patientName().isBlank() ? "(no name)" : info.patientName()) + " · " + series
                    + (info.instanceNumber().isBlank() ? "" : " #" + info.instanceNumber()) + " (archive)";
        }
        return path.getFileName().toString();
    }
}
