/**
 * The JavaFX viewer: views and view models, and how the viewer starts: one window per user, which takes the files
 * of later launches and of the desktop. Features live in sub-packages, each a view and its view model
 * ({@code ui.browser}); they take what they need from the main window as parameters and do not depend on this
 * package. Only {@code ui} and its sub-packages import javafx.
 */
package org.sonocine.ui;
