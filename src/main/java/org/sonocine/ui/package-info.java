/**
 * The JavaFX viewer: views and view models, and how the viewer starts: one window per user, which takes the files
 * of later launches and of the desktop. The only package that imports javafx.
 */
package org.sonocine.ui;
