package org.sonocine.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.sonocine.export.CineExport.Format;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * File › Export…: format, frames, size and output of an export of the cine on screen, and, while it runs, its
 * progress and Cancel. Closing the window does not stop the export; its outcome also shows in the status bar.
 */
final class ExportDialog {
    /** Asks where to write: a file for GIF and MP4, a folder for PNG frames; null when the user gave up. */
    interface OutputChooser {
        Path choose(Window owner, Format format, Path suggested);
    }

    static final List<Double> SCALES = List.of(0.25, 0.5, 1.0, 2.0);

    private final Stage stage = new Stage();
    private final ExportViewModel export;
    private final ChoiceBox<Format> format = new ChoiceBox<>();
    private final ChoiceBox<Double> scale = new ChoiceBox<>();
    private final RadioButton played = new RadioButton("As played (trim and sweep applied)");
    private final RadioButton range = new RadioButton("Frames");
    private final IntegerSpinnerValueFactory firstFrame = new IntegerSpinnerValueFactory(1, 1, 1);
    private final IntegerSpinnerValueFactory lastFrame = new IntegerSpinnerValueFactory(1, 1, 1);
    private final TextField output = new TextField();
    private final Button start = new Button("Export");
    private final Button cancel = new Button("Close");
    private OutputChooser chooser = ExportDialog::ask;
    private LoadedInstance instance;
    private Path out;

    ExportDialog(Window owner, ExportViewModel export) {
        this.export = export;
        stage.initOwner(owner);
        stage.setTitle("Export");

        format.getItems().setAll(Format.GIF, Format.MP4, Format.PNG);
        format.setConverter(converter(ExportDialog::describe));
        format.setValue(Format.GIF);
        format.setId("exportFormat");
        format.valueProperty().addListener((o, was, now) -> setOutput(out == null ? null : withFormat(out, now)));
        scale.getItems().setAll(SCALES);
        scale.setConverter(converter(s -> String.format(Locale.ROOT, "%s ×", s).replace(".0 ", " ")));
        scale.setValue(1.0);
        scale.setId("exportScale");

        ToggleGroup frames = new ToggleGroup();
        played.setToggleGroup(frames);
        range.setToggleGroup(frames);
        played.setSelected(true);
        range.setId("exportRange");
        lastFrame.minProperty().bind(firstFrame.valueProperty());
        firstFrame.maxProperty().bind(lastFrame.valueProperty());
        Spinner<Integer> first = spinner(firstFrame, "exportFirst");
        Spinner<Integer> last = spinner(lastFrame, "exportLast");
        first.disableProperty().bind(range.selectedProperty().not());
        last.disableProperty().bind(range.selectedProperty().not());

        output.setEditable(false);
        output.setId("exportOutput");
        output.setPromptText("Choose where to write");
        HBox.setHgrow(output, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setId("exportChoose");
        choose.setOnAction(e -> chooseOutput());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Format"), format);
        form.addRow(1, new Label("Frames"), played);
        form.addRow(2, new Label(), new HBox(6, range, first, new Label("to"), last));
        form.addRow(3, new Label("Size"), scale);
        form.addRow(4, new Label("Output"), new HBox(6, output, choose));

        ProgressBar bar = new ProgressBar();
        bar.setId("exportProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(export.progressProperty());
        bar.visibleProperty().bind(export.runningProperty());
        Label status = new Label();
        status.setId("exportStatus");
        status.setWrapText(true);
        status.textProperty().bind(export.statusProperty());

        start.setId("exportStart");
        start.setDefaultButton(true);
        start.disableProperty().bind(export.runningProperty().or(output.textProperty().isEmpty()));
        start.setOnAction(e -> startExport());
        cancel.setId("exportCancel");
        cancel.textProperty().bind(Bindings.when(export.runningProperty()).then("Cancel").otherwise("Close"));
        cancel.setOnAction(e -> {
            if (export.runningProperty().get()) {
                export.cancel();
            } else {
                stage.hide();
            }
        });
        form.disableProperty().bind(export.runningProperty());

        VBox content = new VBox(12, form, bar, status, new HBox(8, start, cancel));
        content.setPadding(new Insets(14));
        content.setPrefWidth(460);
        Scene scene = new Scene(content);
        if (owner != null && owner.getScene() != null) {
            // The window's look, as the shortcuts dialog has it.
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
    }

    /** Shows the dialog for {@code shown}; a running export keeps the choices it was started with. */
    void show(LoadedInstance shown) {
        if (!export.runningProperty().get() && (instance == null || !instance.path().equals(shown.path()))) {
            instance = shown;
            int frames = Math.max(1, shown.frameCount());
            firstFrame.setValue(1);
            lastFrame.maxProperty().set(frames);
            lastFrame.setValue(frames);
            played.setSelected(true);
            setOutput(null);
        }
        stage.show();
        stage.toFront();
    }

    /** The choices as a request, or null until an output is chosen. */
    ExportRequest request() {
        if (out == null) {
            return null;
        }
        return range.isSelected()
                ? ExportRequest.frames(format.getValue(), out, firstFrame.getValue(), lastFrame.getValue(),
                scale.getValue())
                : ExportRequest.played(format.getValue(), out, scale.getValue());
    }

    void startExport() {
        ExportRequest request = request();
        if (request != null && instance != null) {
            export.start(instance.path(), request);
        }
    }

    /** Replaces the file and folder choosers, which cannot be driven without a screen. */
    void chooseOutputWith(OutputChooser replacement) {
        chooser = replacement;
    }

    Stage stage() {
        return stage;
    }

    private void chooseOutput() {
        Path chosen = chooser.choose(stage, format.getValue(), suggested());
        if (chosen != null) {
            setOutput(withFormat(chosen, format.getValue()));
        }
    }

    private Path suggested() {
        if (out != null) {
            return out;
        }
        Path input = instance == null ? Path.of("export") : instance.path();
        String base = String.valueOf(input.getFileName()).replaceFirst("(?i)\\.dcm$", "");
        Path folder = input.toAbsolutePath().getParent();
        Path name = Path.of(base + "-export");
        return withFormat(folder == null ? name : folder.resolve(name), format.getValue());
    }

    private void setOutput(Path path) {
        out = path;
        output.setText(path == null ? "" : path.toString());
    }

    /** {@code path} with the extension of {@code format}; none for a folder of PNG frames. */
    static Path withFormat(Path path, Format format) {
        String name = String.valueOf(path.getFileName());
        String base = name.replaceFirst("(?i)\\.(gif|mp4)$", "");
        String wanted = format == Format.PNG ? base : base + "." + format.name().toLowerCase(Locale.ROOT);
        return path.resolveSibling(wanted);
    }

    private static Path ask(Window owner, Format format, Path suggested) {
        Path folder = suggested.toAbsolutePath().getParent();
        File chosen;
        if (format == Format.PNG) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the PNG frames");
            if (folder != null && folder.toFile().isDirectory()) {
                chooser.setInitialDirectory(folder.toFile());
            }
            chosen = chooser.showDialog(owner);
        } else {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export as " + describe(format));
            String extension = "*." + format.name().toLowerCase(Locale.ROOT);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(describe(format), extension));
            if (folder != null && folder.toFile().isDirectory()) {
                chooser.setInitialDirectory(folder.toFile());
            }
            chooser.setInitialFileName(String.valueOf(suggested.getFileName()));
            chosen = chooser.showSaveDialog(owner);
        }
        return chosen == null ? null : chosen.toPath();
    }

    static String describe(Format format) {
        return switch (format) {
            case GIF -> "Animated GIF";
            case MP4 -> "MP4 video (H.264)";
            case PNG -> "PNG frames (a folder)";
        };
    }

    private static Spinner<Integer> spinner(IntegerSpinnerValueFactory values, String id) {
        // Typed text that is not a number keeps the frame shown rather than failing in the toolkit.
        values.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                try {
                    return Integer.valueOf(text.strip());
                } catch (NumberFormatException e) {
                    return values.getValue();
                }
            }
        });
        Spinner<Integer> spinner = new Spinner<>(values);
        spinner.setEditable(true);
        spinner.setPrefWidth(90);
        spinner.setId(id);
        return spinner;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("choices are not typed");
            }
        };
    }
}
