package org.sonocine.cli;

import picocli.CommandLine.ArgGroup;

/** The archive options shared by the remote commands, as a picocli mixin. */
final class ArchiveMixin {
    @ArgGroup(exclusive = false, heading = "Archive:%n")
    ArchiveOptions options = new ArchiveOptions();
}
