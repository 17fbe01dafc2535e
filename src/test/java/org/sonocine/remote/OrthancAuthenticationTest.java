package org.sonocine.remote;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sonocine.testing.OrthancServer;
import org.sonocine.testing.RequiresOrthanc;
import org.sonocine.testing.Samples;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real Orthanc that asks for credentials: without them, or with wrong ones, a clear refusal; with them, data. */
@RequiresOrthanc(authenticated = true)
class OrthancAuthenticationTest {
    private static URI base;

    @BeforeAll
    static void upload(OrthancServer orthanc) throws Exception {
        orthanc.upload(Samples.file("US1_UNCR.dcm"));
        base = orthanc.dicomWeb();
    }

    @Test
    void withoutCredentialsTheArchiveAsksForThem() {
        DicomWebClient client = new DicomWebClient(ArchiveConnection.of(base));
        assertThatThrownBy(() -> client.searchStudies(SearchQuery.all()))
                .isInstanceOf(RemoteException.class)
                .hasMessage("the archive at " + base + " asks for credentials")
                .extracting(e -> ((RemoteException) e).reason()).isEqualTo(RemoteException.Reason.UNAUTHORIZED);
    }

    @Test
    void wrongCredentialsAreRefused() {
        DicomWebClient client = new DicomWebClient(ArchiveConnection.of(base)
                .withCredentials(Credentials.basic(OrthancServer.USER, "not-it".toCharArray())));
        assertThatThrownBy(() -> client.searchStudies(SearchQuery.all()))
                .hasMessage("the archive at " + base + " refused the credentials");
    }

    @Test
    void theRegisteredUserSeesTheStudies() throws Exception {
        DicomWebClient client = new DicomWebClient(ArchiveConnection.of(base)
                .withCredentials(Credentials.basic(OrthancServer.USER, OrthancServer.PASSWORD.toCharArray())));
        assertThat(client.searchStudies(SearchQuery.all()).matches()).hasSize(1);
    }
}
