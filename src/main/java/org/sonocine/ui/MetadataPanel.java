package org.sonocine.ui;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.sonocine.study.CineTiming;
import org.sonocine.study.Geometry;
import org.sonocine.study.ImageInfo;
import org.sonocine.study.ImageReference;
import org.sonocine.study.UltrasoundRegion;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The facts of the open instance, always in view: Image Type with ORIGINAL or DERIVED made obvious, Acquisition
 * DateTime, Operators' Name, Device Serial Number, then device, classes, size, rate and its source, pixel aspect,
 * ultrasound regions with their scale, and the images this one was derived from.
 */
final class MetadataPanel extends ScrollPane {
    private final GridPane grid = new GridPane();
    private final VBox box = new VBox(8);
    private final Predicate<String> loaded;
    private final Function<String, Boolean> openSource;
    private int row;

    /**
     * @param loaded     whether an instance with this SOP Instance UID was found, so a link can open it
     * @param openSource opens it
     */
    MetadataPanel(Predicate<String> loaded, Function<String, Boolean> openSource) {
        this.loaded = loaded;
        this.openSource = openSource;
        setId("metadata");
        getStyleClass().add("metadata");
        setFitToWidth(true);
        grid.setHgap(10);
        grid.setVgap(4);
        grid.setPadding(new Insets(10));
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(120);
        grid.getColumnConstraints().addAll(names, new ColumnConstraints());
        box.getChildren().add(grid);
        setContent(box);
    }

    void show(LoadedInstance instance) {
        grid.getChildren().clear();
        row = 0;
        if (instance == null) {
            return;
        }
        ImageInfo info = instance.info();
        Label type = value("metaImageType", info.imageTypeText().isEmpty() ? "—" : info.imageTypeText());
        Label badge = new Label(info.isDerived() ? "DERIVED" : info.isOriginal() ? "ORIGINAL" : "?");
        badge.setId("metaImageTypeBadge");
        badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        badge.getStyleClass().addAll("badge", info.isDerived() ? "derived" : info.isOriginal() ? "original"
                : "unknown");
        add("Image Type", new HBox(6, badge, type));
        add("Acquired", value("metaAcquisition", orDash(info.acquisitionText())));
        add("Operators' Name", value("metaOperators", orDash(info.operatorsText())));
        add("Device Serial No.", value("metaDeviceSerial", orDash(info.deviceSerialNumber())));
        add("Device", value("metaDevice", orDash((info.manufacturer() + " " + info.model()).trim())));
        add("Modality", value("metaModality", orDash(info.modality())));
        add("Patient", value("metaPatient", orDash((info.patientName() + "  " + info.patientId()).trim())));
        add("SOP Class", value("metaSopClass", orDash(info.sopClassName())));
        add("Transfer Syntax", value("metaTransferSyntax", orDash(info.transferSyntaxName())));
        add("Size", value("metaSize", String.format(Locale.ROOT, "%d × %d, %d frame%s", info.columns(), info.rows(),
                info.frames(), info.frames() == 1 ? "" : "s")));
        CineTiming timing = instance.timing();
        if (info.frames() > 1) {
            add("Frame rate", value("metaFrameRate", String.format(Locale.ROOT, "%.2f fps from %s%s, %s",
                    timing.framesPerSecond(), timing.source(), trim(timing, info.frames()),
                    timing.sequencing().json())));
        }
        Geometry geometry = instance.geometry();
        add("Pixel aspect", value("metaAspect", geometry.aspectSource().equals("default") ? "square (none given)"
                : String.format(Locale.ROOT, "%.4g (height / width, from %s)", geometry.displayAspect(),
                geometry.aspectSource())));
        geometry.pixelSpacing().ifPresent(s -> add("Pixel spacing", value("metaSpacing",
                String.format(Locale.ROOT, "%.4g × %.4g mm", s[0], s[1]))));
        int n = 1;
        for (UltrasoundRegion region : geometry.regions()) {
            add(n == 1 ? "US regions" : "", value("metaRegion" + n, String.format(Locale.ROOT, "%d: %s, %s", n,
                    region.kind(), region.scaleText())));
            n++;
        }
        for (ImageReference source : info.sourceImages()) {
            add("Derived from", sourceLink(source));
        }
        for (String note : instance.notes()) {
            Label l = value(null, note);
            l.getStyleClass().add("note");
            add("Note", l);
        }
    }

    private static String trim(CineTiming t, int frames) {
        return t.startFrame() == 1 && t.stopFrame() == frames ? "" : ", frames " + t.startFrame() + "-" + t.stopFrame();
    }

    private Node sourceLink(ImageReference source) {
        String uid = source.sopInstanceUid();
        if (loaded.test(uid)) {
            Hyperlink link = new Hyperlink(uid);
            link.setId("sourceLink");
            link.setOnAction(e -> openSource.apply(uid));
            return link;
        }
        Label l = value("sourceImage", uid + " (not loaded)");
        l.getStyleClass().add("dim");
        return l;
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static Label value(String id, String text) {
        Label l = new Label(text);
        if (id != null) {
            l.setId(id);
        }
        l.setWrapText(true);
        l.getStyleClass().add("meta-value");
        return l;
    }

    private void add(String name, Node valueNode) {
        Label label = new Label(name);
        label.getStyleClass().add("meta-name");
        grid.add(label, 0, row);
        grid.add(valueNode, 1, row);
        row++;
    }
}
