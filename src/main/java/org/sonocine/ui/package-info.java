/** The JavaFX viewer: views and view models. The only package that imports javafx. */
package org.sonocine.ui;
