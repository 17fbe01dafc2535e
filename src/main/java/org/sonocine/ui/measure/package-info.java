/**
 * Measuring on the image: the tools (calipers, traces, areas, Doppler and M-mode readouts), the measurements of the
 * open instance in image coordinates, and the layer that draws and edits them over the image. The physics (which
 * ultrasound region, which unit) is the domain's ({@code study}); this package only asks it. Depends on no other
 * package of the viewer.
 */
package org.sonocine.ui.measure;
