package org.sonocine.cli;

import org.sonocine.remote.DicomWebClient;
import org.sonocine.remote.InstanceRef;
import org.sonocine.remote.RemoteException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code sonocine remote get}: saves a study, series or instance from an archive as Part 10 files. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Saves the instances of a study, a series or one instance (WADO-RS) as DICOM files named by"
                + " their SOP Instance UID. Each file appears only once complete. Exit status 1 when the archive"
                + " fails, 2 for a wrong argument.")
final class RemoteGetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ArchiveMixin archive;

    @Parameters(index = "0", paramLabel = "URL", description = "the archive's DICOMweb base URL")
    String url;

    @Parameters(index = "1", paramLabel = "STUDY[/SERIES[/INSTANCE]]", description = "UIDs of what to save")
    String what;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder to save into")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        InstanceRef ref;
        try {
            ref = InstanceRef.parse(what);
        } catch (IllegalArgumentException e) {
            err.println("sonocine remote get: " + e.getMessage());
            return 2;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            List<Path> saved = new DicomWebClient(archive.options.connect(url)).retrieve(ref, out, file -> {
                stdout.println(file);
                stdout.flush();
            });
            stdout.println("saved " + saved.size() + (saved.size() == 1 ? " instance" : " instances") + " to " + out);
        } catch (RemoteException e) {
            err.println("sonocine remote get: " + e.getMessage());
            return 1;
        }
        stdout.flush();
        return 0;
    }
}
