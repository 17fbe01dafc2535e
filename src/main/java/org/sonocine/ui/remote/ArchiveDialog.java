package org.sonocine.ui.remote;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.sonocine.remote.ArchiveConnection;
import org.sonocine.remote.Credentials;
import org.sonocine.remote.RemoteException;
import org.sonocine.remote.SearchQuery;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * File › Connect to Archive…: which archive (a DICOMweb address, how to sign in), what to look for (patient,
 * dates, modality, accession number), and, while a search runs, its progress and Cancel. What is found appears in
 * the browser; "More results" asks for the next page. A password or token stays in memory for the session unless
 * the user ticks the box that keeps it, which says that it is kept unencrypted.
 */
public final class ArchiveDialog {
    private final Stage stage = new Stage();
    private final ArchiveViewModel archive;
    private final ArchiveSettings settings;
    /** Secrets typed this session, by archive name: never written anywhere unless the user asks. */
    private final Map<String, String> sessionSecrets = new HashMap<>();
    private final ComboBox<String> name = new ComboBox<>();
    private final TextField url = new TextField();
    private final ChoiceBox<ArchiveSettings.SignIn> signIn = new ChoiceBox<>();
    private final TextField user = new TextField();
    private final PasswordField secret = new PasswordField();
    private final CheckBox keepSecret = new CheckBox("Keep the password or token (stored unencrypted in your"
            + " user settings)");
    private final TextField patientName = new TextField();
    private final TextField patientId = new TextField();
    private final TextField dates = new TextField();
    private final TextField modality = new TextField("US");
    private final TextField accession = new TextField();
    private final Label message = new Label();

    public ArchiveDialog(Window owner, ArchiveViewModel archive, ArchiveSettings settings) {
        this.archive = archive;
        this.settings = settings;
        stage.initOwner(owner);
        stage.setTitle("Connect to Archive");

        name.setEditable(true);
        name.setId("archiveName");
        name.setPromptText("A name for this archive");
        name.valueProperty().addListener((o, was, now) -> fill(now));
        url.setId("archiveUrl");
        url.setPromptText("http://localhost:8042/dicom-web");
        url.setPrefColumnCount(28);
        signIn.getItems().setAll(ArchiveSettings.SignIn.values());
        signIn.setValue(ArchiveSettings.SignIn.NONE);
        signIn.setConverter(new StringConverter<>() {
            @Override
            public String toString(ArchiveSettings.SignIn value) {
                return value == null ? "" : value.label();
            }

            @Override
            public ArchiveSettings.SignIn fromString(String string) {
                throw new UnsupportedOperationException("chosen, not typed");
            }
        });
        signIn.setId("archiveSignIn");
        user.setId("archiveUser");
        secret.setId("archiveSecret");
        keepSecret.setId("archiveKeepSecret");
        var none = signIn.valueProperty().isEqualTo(ArchiveSettings.SignIn.NONE);
        user.disableProperty().bind(none.or(signIn.valueProperty().isEqualTo(ArchiveSettings.SignIn.BEARER)));
        secret.disableProperty().bind(none);
        keepSecret.disableProperty().bind(none);
        patientName.setId("searchPatientName");
        patientName.setPromptText("e.g. DOE^J*");
        patientId.setId("searchPatientId");
        dates.setId("searchDates");
        dates.setPromptText("e.g. 20240101-20241231");
        modality.setId("searchModality");
        accession.setId("searchAccession");

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        int row = 0;
        form.addRow(row++, new Label("Archive"), name);
        form.addRow(row++, new Label("DICOMweb address"), url);
        form.addRow(row++, new Label("Sign in"), signIn);
        form.addRow(row++, new Label("User"), user);
        form.addRow(row++, new Label("Password or token"), secret);
        form.addRow(row++, new Label(), keepSecret);
        form.addRow(row++, new Label("Patient's name"), patientName);
        form.addRow(row++, new Label("Patient ID"), patientId);
        form.addRow(row++, new Label("Study dates"), dates);
        form.addRow(row++, new Label("Modality"), modality);
        form.addRow(row, new Label("Accession number"), accession);
        form.disableProperty().bind(archive.runningProperty());

        ProgressBar bar = new ProgressBar();
        bar.setId("archiveProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(archive.progressProperty());
        bar.visibleProperty().bind(archive.runningProperty());
        message.setId("archiveStatus");
        message.setWrapText(true);
        message.setMaxWidth(480);
        archive.statusProperty().addListener((o, was, now) -> message.setText(now));

        Button search = new Button("Search");
        search.setId("archiveSearch");
        search.setDefaultButton(true);
        search.disableProperty().bind(archive.runningProperty().or(url.textProperty().isEmpty()));
        search.setOnAction(e -> search());
        Button more = new Button("More results");
        more.setId("archiveMore");
        more.disableProperty().bind(archive.runningProperty().or(archive.moreProperty().not()));
        more.setOnAction(e -> archive.searchMore());
        Button close = new Button();
        close.setId("archiveClose");
        close.textProperty().bind(Bindings.when(archive.runningProperty()).then("Cancel").otherwise("Close"));
        close.setOnAction(e -> {
            if (archive.runningProperty().get()) {
                archive.cancel();
            } else {
                stage.hide();
            }
        });

        VBox content = new VBox(12, form, bar, message, new HBox(8, search, more, close));
        content.setPadding(new Insets(14));
        Scene scene = new Scene(content);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
    }

    /** Shows the dialog with the archives set up so far. */
    public void show() {
        List<ArchiveSettings.Archive> known = settings.archives();
        name.getItems().setAll(known.stream().map(ArchiveSettings.Archive::name).toList());
        if (name.getValue() == null && !known.isEmpty()) {
            name.setValue(known.get(0).name());
        }
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    /** Fills the address and sign-in of the archive chosen by name. */
    private void fill(String chosen) {
        for (ArchiveSettings.Archive a : settings.archives()) {
            if (a.name().equals(chosen)) {
                url.setText(a.url());
                signIn.setValue(a.signIn());
                user.setText(a.user());
                secret.setText(!a.savedSecret().isEmpty() ? a.savedSecret()
                        : sessionSecrets.getOrDefault(a.name(), ""));
                keepSecret.setSelected(!a.savedSecret().isEmpty());
                return;
            }
        }
    }

    void search() {
        ArchiveConnection connection;
        SearchQuery query;
        try {
            connection = ArchiveConnection.parse(url.getText()).withCredentials(credentials());
            query = query();
        } catch (RemoteException | IllegalArgumentException e) {
            message.setText(e.getMessage());
            return;
        }
        String archiveName = name.getValue() == null || name.getValue().isBlank()
                ? connection.base().getHost() : name.getValue().strip();
        String typed = secret.getText();
        sessionSecrets.put(archiveName, typed);
        settings.save(new ArchiveSettings.Archive(archiveName, url.getText().strip(), signIn.getValue(),
                user.getText().strip(), keepSecret.isSelected() ? typed : ""));
        archive.search(connection, archiveKey(connection), query);
    }

    private Credentials credentials() {
        return switch (signIn.getValue()) {
            case NONE -> Credentials.none();
            case BASIC -> Credentials.basic(user.getText().strip(), secret.getText().toCharArray());
            case BEARER -> Credentials.bearer(secret.getText().strip());
        };
    }

    private SearchQuery query() {
        SearchQuery q = SearchQuery.all().withPatientName(patientName.getText())
                .withPatientId(patientId.getText()).withModality(modality.getText())
                .withAccessionNumber(accession.getText());
        if (!dates.getText().isBlank()) {
            LocalDate[] range = SearchQuery.parseDateRange(dates.getText().strip());
            q = q.withDates(range[0], range[1]);
        }
        return q;
    }

    /** The cache's name for an archive: its address, so that two names for one archive share what is kept. */
    static String archiveKey(ArchiveConnection connection) {
        return (connection.base().getHost() + "-" + connection.base().getPort() + connection.base().getPath())
                .toLowerCase(Locale.ROOT);
    }
}
