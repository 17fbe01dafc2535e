package org.sonocine.ui;

import org.sonocine.export.CineExport;

/** What File › Export… can write: the cine as a video, an animation or images, or a de-identified DICOM copy. */
enum ExportTarget {
    GIF(CineExport.Format.GIF, "Animated GIF"),
    MP4(CineExport.Format.MP4, "MP4 video (H.264)"),
    PNG(CineExport.Format.PNG, "PNG frames (a folder)"),
    DICOM(null, "DICOM, de-identified (a folder)");

    private final CineExport.Format cineFormat;
    private final String description;

    ExportTarget(CineExport.Format cineFormat, String description) {
        this.cineFormat = cineFormat;
        this.description = description;
    }

    /** The cine format, or null for the de-identified copy. */
    CineExport.Format cineFormat() {
        return cineFormat;
    }

    /** Whether the output is a folder rather than a file. */
    boolean writesFolder() {
        return this == PNG || this == DICOM;
    }

    String description() {
        return description;
    }

    static ExportTarget of(CineExport.Format format) {
        return valueOf(format.name());
    }
}
