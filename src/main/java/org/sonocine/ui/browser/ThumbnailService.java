package org.sonocine.ui.browser;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.ReadOptions;
import org.sonocine.imaging.DisplayFrame;
import org.sonocine.imaging.FrameRenderers;
import org.sonocine.imaging.FrameSource;
import org.sonocine.study.Geometry;
import org.sonocine.ui.task.BackgroundTask;
import org.sonocine.ui.task.Lane;
import org.sonocine.ui.task.TaskExecutor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Small pictures of instances, made in the background from their first frame (scaled down, aspect honoured)
 * and remembered; a file that cannot be drawn gets none.
 */
public final class ThumbnailService {
    static final int SIZE = 96;
    private final TaskExecutor tasks;
    private final Map<Path, Image> done = new ConcurrentHashMap<>();
    /** Cells waiting for a thumbnail being made; only touched on the JavaFX thread. */
    private final Map<Path, List<Consumer<Image>>> waiting = new HashMap<>();

    public ThumbnailService(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    /**
     * Calls {@code ready} with the thumbnail of {@code file}, now or when it is made; call on the JavaFX thread,
     * and {@code ready} is called there.
     */
    void request(Path file, Consumer<Image> ready) {
        Image image = done.get(file);
        if (image != null) {
            ready.accept(image);
            return;
        }
        List<Consumer<Image>> callers = waiting.get(file);
        if (callers != null) {
            // Cells are reused as the grid scrolls and refills: every one that asked gets the picture.
            callers.add(ready);
            return;
        }
        callers = new ArrayList<>();
        callers.add(ready);
        waiting.put(file, callers);
        BackgroundTask.wrap(() -> make(file)).onSuccess(made -> {
            List<Consumer<Image>> toTell = waiting.remove(file);
            if (made != null) {
                done.put(file, made);
                toTell.forEach(c -> c.accept(made));
            }
        }).onFailure(failure -> waiting.remove(file)).executeWith(tasks, Lane.THUMBNAILS);
    }

    private static Image make(Path file) {
        try (DicomFile dicom = DicomFile.openLenient(file, ReadOptions.DEFAULT)) {
            FrameSource source = FrameSource.of(dicom);
            if (source.unsupportedReason() != null) {
                return null;
            }
            DisplayFrame frame = FrameRenderers.forSource(source).render(source.decode(0));
            double aspect = Geometry.of(dicom.dataset()).displayAspect();
            return scaled(frame, aspect);
        } catch (Exception e) {
            return null;
        }
    }

    /** Nearest-neighbour scaling to fit SIZE x SIZE, honouring the display aspect. */
    private static Image scaled(DisplayFrame frame, double aspect) {
        double w = frame.width();
        double h = frame.height() * aspect;
        double scale = Math.min(SIZE / w, SIZE / h);
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        int[] out = new int[tw * th];
        for (int y = 0; y < th; y++) {
            int sy = Math.min(frame.height() - 1, (int) (y / (scale * aspect)));
            for (int x = 0; x < tw; x++) {
                int sx = Math.min(frame.width() - 1, (int) (x / scale));
                out[y * tw + x] = frame.argb()[sy * frame.width() + sx];
            }
        }
        WritableImage image = new WritableImage(tw, th);
        image.getPixelWriter().setPixels(0, 0, tw, th, PixelFormat.getIntArgbPreInstance(), out, 0, tw);
        return image;
    }
}
