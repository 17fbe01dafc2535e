package org.sonocine.ui;

import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sonocine.study.CineTiming;
import org.sonocine.study.Geometry;
import org.sonocine.study.ImageInfo;
import org.sonocine.study.ImageInfo.AcquisitionSource;
import org.sonocine.study.ImageReference;
import org.sonocine.study.UltrasoundRegion;

import java.util.List;
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
        names.setMinWidth(Region.USE_PREF_SIZE);
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
        Label badge = new Label(info.isDerived() ? "DERIVED" : info.isOriginal() ? "ORIGINAL" : "?");
        badge.setId("metaImageTypeBadge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        badge.getStyleClass().addAll("badge", info.isDerived() ? "derived" : info.isOriginal() ? "original"
                : "unknown");
        add("Image Type", imageType(badge, info.imageType()));
        add("Acquired", acquired(info));
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

    /**
     * Image Type as the standard writes it, "DERIVED\PRIMARY\…", but a line may break only after a backslash,
     * never inside a value.
     */
    private static Node imageType(Label badge, List<String> values) {
        FlowPane pane = new FlowPane(badge);
        pane.setId("metaImageType");
        pane.setRowValignment(VPos.CENTER);
        FlowPane.setMargin(badge, new Insets(0, 6, 0, 0));
        if (values.isEmpty()) {
            pane.getChildren().add(value(null, "—"));
        }
        for (int i = 0; i < values.size(); i++) {
            Label part = value(null, values.get(i) + (i < values.size() - 1 ? "\\" : ""));
            part.getStyleClass().add("image-type-value");
            part.setWrapText(false);
            part.setMinWidth(Region.USE_PREF_SIZE);
            pane.getChildren().add(part);
        }
        return pane;
    }

    /**
     * The date and time, and, when it is not the acquisition's own, the attribute it is: a sonographer must not
     * take the time an image was exported for the time of the scan. The tooltip names the attribute in any case.
     */
    private static Node acquired(ImageInfo info) {
        Label when = value("metaAcquisition", orDash(info.acquisitionText()));
        AcquisitionSource source = info.acquisitionSource();
        if (source == AcquisitionSource.NONE) {
            return when;
        }
        when.setTooltip(new Tooltip("From " + source.attributes()));
        if (source.isAcquisition()) {
            return when;
        }
        Label from = value("metaAcquisitionSource", "from " + source.attributes() + ": the file gives no"
                + " acquisition time");
        from.getStyleClass().add("dim");
        return new VBox(1, when, from);
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
        // A name beside a value of several lines stays on its first line.
        GridPane.setValignment(label, VPos.TOP);
        grid.add(label, 0, row);
        grid.add(valueNode, 1, row);
        row++;
    }
}
