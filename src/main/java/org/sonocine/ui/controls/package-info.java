/** Small helpers for JavaFX controls that the viewer's features share. */
package org.sonocine.ui.controls;
