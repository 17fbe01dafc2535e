package org.sonocine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sonocine remote}: an archive's studies, through DICOMweb. */
@Command(name = "remote", mixinStandardHelpOptions = true,
        description = "Searches an archive (PACS/VNA) and saves its instances, through DICOMweb (QIDO-RS, WADO-RS)."
                + " URL is the archive's DICOMweb base, e.g. http://localhost:8042/dicom-web.",
        subcommands = {RemoteSearchCommand.class, RemoteGetCommand.class, RemoteFetchCommand.class,
                CommandLine.HelpCommand.class})
final class RemoteCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
