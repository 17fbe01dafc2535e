package org.sonocine.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.sonocine.export.BurnIn;
import org.sonocine.export.DeidentifiedExport;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * File › Export…: format, frames, size, burn-in and output of an export of the cine on screen, or a de-identified
 * DICOM copy of it, and, while it runs, its progress and Cancel. Closing the window does not stop the export; its
 * outcome also shows in the status bar.
 */
final class ExportDialog {
    /** Asks where to write: a file for GIF and MP4, a folder for PNG frames and DICOM; null when the user gave up. */
    interface OutputChooser {
        Path choose(Window owner, ExportTarget format, Path suggested);
    }

    static final List<Double> SCALES = List.of(0.25, 0.5, 1.0, 2.0);

    private final Stage stage = new Stage();
    private final ExportViewModel export;
    private final ChoiceBox<ExportTarget> format = new ChoiceBox<>();
    private final ChoiceBox<Double> scale = new ChoiceBox<>();
    private final RadioButton played = new RadioButton("As played (trim and sweep applied)");
    private final RadioButton range = new RadioButton("Frames");
    private final IntegerSpinnerValueFactory firstFrame = new IntegerSpinnerValueFactory(1, 1, 1);
    private final IntegerSpinnerValueFactory lastFrame = new IntegerSpinnerValueFactory(1, 1, 1);
    private final CheckBox burnIn = new CheckBox("Burn in the overlay and measurements");
    private final CheckBox blank = new CheckBox("Blank outside the ultrasound regions");
    private final Label privacy = new Label();
    private final RadioButton thisFile = new RadioButton("This file");
    private final RadioButton wholeStudy = new RadioButton("The whole study");
    private final Function<LoadedInstance, List<BurnIn.Mark>> marks;
    private final Function<Path, List<Path>> studyFiles;
    private List<Path> study = List.of();
    private final TextField output = new TextField();
    private final Button start = new Button("Export");
    private final Button cancel = new Button("Close");
    private OutputChooser chooser = ExportDialog::ask;
    private LoadedInstance instance;
    private Path out;

    /**
     * @param marks      the measurements on an image to burn in, asked for when an export starts: none when the
     *                   viewer shows another image by then
     * @param studyFiles the files of the study a file belongs to, as far as they are known
     */
    ExportDialog(Window owner, ExportViewModel export, Function<LoadedInstance, List<BurnIn.Mark>> marks,
                 Function<Path, List<Path>> studyFiles) {
        this.export = export;
        this.marks = marks;
        this.studyFiles = studyFiles;
        stage.initOwner(owner);
        stage.setTitle("Export");

        format.getItems().setAll(ExportTarget.values());
        format.setConverter(converter(ExportTarget::description));
        format.setValue(ExportTarget.GIF);
        format.setId("exportFormat");
        format.valueProperty().addListener((o, was, now) -> {
            setOutput(out == null ? null : withFormat(out, now));
            updatePrivacy();
        });
        burnIn.setId("exportBurnIn");
        burnIn.setSelected(true);
        blank.setId("exportBlank");
        blank.selectedProperty().addListener((o, was, now) -> updatePrivacy());
        privacy.setId("exportPrivacy");
        privacy.setWrapText(true);
        privacy.setPrefWidth(380);
        privacy.setMinHeight(Region.USE_PREF_SIZE);
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
        var dicom = format.valueProperty().isEqualTo(ExportTarget.DICOM);
        first.disableProperty().bind(range.selectedProperty().not().or(dicom));
        last.disableProperty().bind(range.selectedProperty().not().or(dicom));
        played.disableProperty().bind(dicom);
        range.disableProperty().bind(dicom);
        scale.disableProperty().bind(dicom);
        ToggleGroup scope = new ToggleGroup();
        thisFile.setToggleGroup(scope);
        wholeStudy.setToggleGroup(scope);
        thisFile.setSelected(true);
        thisFile.setId("exportThisFile");
        wholeStudy.setId("exportWholeStudy");
        VBox dicomOptions = new VBox(6, new HBox(12, thisFile, wholeStudy), blank, privacy);
        dicomOptions.visibleProperty().bind(dicom);
        dicomOptions.managedProperty().bind(dicom);
        burnIn.visibleProperty().bind(dicom.not());
        burnIn.managedProperty().bind(dicom.not());

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
        form.addRow(4, new Label(), new VBox(burnIn, dicomOptions));
        form.addRow(5, new Label("Output"), new HBox(6, output, choose));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        form.getColumnConstraints().add(labels);

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
            boolean regions = !shown.geometry().regions().isEmpty();
            blank.setDisable(!regions);
            blank.setText(regions ? "Blank outside the ultrasound regions"
                    : "Blank outside the ultrasound regions (the file has none)");
            blank.setSelected(regions && mayHoldBurnedInText(shown));
            thisFile.setSelected(true);
            setOutput(null);
            updatePrivacy();
        }
        if (!export.runningProperty().get()) {
            study = studyFiles.apply(shown.path());
            wholeStudy.setText("The whole study (" + study.size() + (study.size() == 1 ? " file)" : " files)"));
            wholeStudy.setDisable(study.size() < 2);
        }
        stage.show();
        stage.toFront();
    }

    /** The choices as a cine export, or null until an output is chosen or when a DICOM copy is chosen. */
    ExportRequest request() {
        if (out == null || format.getValue() == ExportTarget.DICOM) {
            return null;
        }
        ExportRequest request = range.isSelected()
                ? ExportRequest.frames(format.getValue().cineFormat(), out, firstFrame.getValue(),
                lastFrame.getValue(), scale.getValue())
                : ExportRequest.played(format.getValue().cineFormat(), out, scale.getValue());
        return burnIn.isSelected() ? request.withBurnIn(new BurnIn(true, marks.apply(instance))) : request;
    }

    void startExport() {
        if (out == null || instance == null) {
            return;
        }
        if (format.getValue() == ExportTarget.DICOM) {
            export.startDeidentified(wholeStudy.isSelected() ? study : List.of(instance.path()), out,
                    blank.isSelected());
        } else {
            export.start(instance.path(), request());
        }
    }

    private static boolean mayHoldBurnedInText(LoadedInstance shown) {
        return DeidentifiedExport.mayHoldBurnedInText(shown.file().dataset());
    }

    /** What a de-identified copy cannot do for the user, said before it is written. */
    private void updatePrivacy() {
        privacy.setText(privacyText());
        // The options and this text differ by format and file: the window follows their size.
        stage.sizeToScene();
    }

    private String privacyText() {
        if (instance == null || format.getValue() != ExportTarget.DICOM) {
            return "";
        }
        String pixels = instance.file().transferSyntax().encapsulated()
                ? " Compressed pixels are decoded and written uncompressed." : "";
        if (!mayHoldBurnedInText(instance)) {
            return "The file says no text is burned into its pixels (Burned In Annotation NO)." + pixels;
        }
        if (blank.isSelected()) {
            return "Names and dates burned into the pixels inside the ultrasound regions cannot be removed"
                    + " automatically: check the images before sharing them." + pixels;
        }
        return "The pixels may hold burned-in names and dates, which are kept: blank outside the regions, and"
                + " check the images before sharing them." + pixels;
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
        Path name = Path.of(base + (format.getValue() == ExportTarget.DICOM ? "-deidentified" : "-export"));
        return withFormat(folder == null ? name : folder.resolve(name), format.getValue());
    }

    private void setOutput(Path path) {
        out = path;
        output.setText(path == null ? "" : path.toString());
    }

    /** {@code path} with the extension of {@code format}; none for a folder. */
    static Path withFormat(Path path, ExportTarget format) {
        String name = String.valueOf(path.getFileName());
        String base = name.replaceFirst("(?i)\\.(gif|mp4)$", "");
        String wanted = format.writesFolder() ? base : base + "." + format.name().toLowerCase(Locale.ROOT);
        return path.resolveSibling(wanted);
    }

    private static Path ask(Window owner, ExportTarget format, Path suggested) {
        Path folder = suggested.toAbsolutePath().getParent();
        File chosen;
        if (format.writesFolder()) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(format == ExportTarget.DICOM ? "Folder for the de-identified copy"
                    : "Folder for the PNG frames");
            if (folder != null && folder.toFile().isDirectory()) {
                chooser.setInitialDirectory(folder.toFile());
            }
            chosen = chooser.showDialog(owner);
        } else {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export as " + format.description());
            String extension = "*." + format.name().toLowerCase(Locale.ROOT);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.description(), extension));
            if (folder != null && folder.toFile().isDirectory()) {
                chooser.setInitialDirectory(folder.toFile());
            }
            chooser.setInitialFileName(String.valueOf(suggested.getFileName()));
            chosen = chooser.showSaveDialog(owner);
        }
        return chosen == null ? null : chosen.toPath();
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
