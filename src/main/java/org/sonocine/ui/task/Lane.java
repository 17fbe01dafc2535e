package org.sonocine.ui.task;

/**
 * The queues background work waits in, each with threads of its own, so that what the user just asked for never
 * waits behind bulk work: a click on a thumbnail is not queued after a thousand thumbnails.
 */
public enum Lane {
    /** What the user is waiting for: opening a file up to its first frame. */
    INTERACTIVE,
    /** Decoding the frames of the cine on screen. */
    CINE,
    /** Examining the files of folders being scanned. */
    SCAN,
    /** Making thumbnails: the newest request first, since it is for the cells the user looks at now. */
    THUMBNAILS,
    /** Fetching the rest of an archive's cine while it plays: long, so kept apart from scans and exports. */
    DOWNLOADS
}
