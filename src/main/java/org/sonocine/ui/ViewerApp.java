package org.sonocine.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The viewer window. */
public final class ViewerApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Sonocine");
        stage.setScene(new Scene(new StackPane(new Label("Sonocine: drop DICOM files here")), 1024, 700));
        stage.show();
    }
}
