package org.sonocine.remote;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTTPS to an archive whose certificate no authority of this computer signed: refused, and said so plainly. */
class TlsArchiveTest {
    @TempDir
    Path dir;

    /** A key pair with a self-signed certificate for 127.0.0.1, made by the JDK's own keytool. */
    private KeyStore selfSigned() throws Exception {
        Path store = dir.resolve("archive.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "archive", "-keyalg", "EC",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("keytool").isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        return keys;
    }

    @Test
    void anArchiveWithAnUntrustedCertificateIsRefusedInWords() throws Exception {
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(selfSigned(), "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", x -> StubArchive.send(x, 200, "application/dicom+json", "[]"));
        server.start();
        try {
            URI base = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/dicom-web");
            DicomWebClient client = new DicomWebClient(ArchiveConnection.of(base)
                    .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)));

            assertThatThrownBy(() -> client.searchStudies(SearchQuery.all()))
                    .isInstanceOf(RemoteException.class)
                    .hasMessage("the archive at " + base + " could not prove who it is: its certificate is not signed"
                            + " by an authority this computer trusts (a hospital's own authority must be added to the"
                            + " Java runtime's or the system's trusted certificates)")
                    .extracting(e -> ((RemoteException) e).reason()).isEqualTo(RemoteException.Reason.UNTRUSTED);
        } finally {
            server.stop(0);
        }
    }
}
