package org.sonocine.cli;

import org.sonocine.remote.ArchiveConnection;
import org.sonocine.remote.Credentials;
import org.sonocine.remote.RemoteException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the remote commands reach an archive: credentials read from files (never from the command line, where other
 * users of the machine could see them) and a timeout.
 */
final class ArchiveOptions {
    @ArgGroup(exclusive = true)
    Auth auth;

    static final class Auth {
        @ArgGroup(exclusive = false)
        Basic basic;

        @Option(names = "--token-file", paramLabel = "FILE", description = "a file holding a bearer token")
        Path tokenFile;
    }

    static final class Basic {
        @Option(names = "--user", required = true, paramLabel = "USER", description = "user name for HTTP basic"
                + " authentication")
        String user;

        @Option(names = "--password-file", required = true, paramLabel = "FILE",
                description = "a file whose first line is the password")
        Path passwordFile;
    }

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "how long to wait for an answer (default: 60)")
    int timeoutSeconds = 60;

    ArchiveConnection connect(String url) throws RemoteException, IOException {
        ArchiveConnection connection = ArchiveConnection.parse(url)
                .withTimeouts(Duration.ofSeconds(Math.min(10, Math.max(1, timeoutSeconds))),
                        Duration.ofSeconds(Math.max(1, timeoutSeconds)));
        if (auth == null) {
            return connection;
        }
        if (auth.tokenFile != null) {
            return connection.withCredentials(Credentials.bearer(firstLine(auth.tokenFile, "token")));
        }
        char[] password = firstLine(auth.basic.passwordFile, "password").toCharArray();
        return connection.withCredentials(Credentials.basic(auth.basic.user, password));
    }

    private static String firstLine(Path file, String what) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("the " + what + " file " + file + " does not exist", e);
        }
        int newline = text.indexOf('\n');
        String line = (newline < 0 ? text : text.substring(0, newline)).replace("\r", "");
        if (line.isEmpty()) {
            throw new IOException(file + ": the first line, the " + what + ", is empty");
        }
        return line;
    }
}
