package org.sonocine.study;

/** An image another one refers to (Source Image Sequence, Referenced Image Sequence): by SOP class and instance. */
public record ImageReference(String sopClassUid, String sopInstanceUid, String purpose) {
}
