package org.sonocine.remote;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchQueryTest {

    @Test
    void studyCriteriaBecomeQidoParametersWithWildcardsKept() {
        String q = SearchQuery.all().withPatientName("Doe^J*").withPatientId("ID 7").withModality("US")
                .withAccessionNumber("A?1").withDates(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))
                .toQueryString(SearchQuery.Level.STUDIES);
        assertThat(q).startsWith("PatientName=Doe%5EJ*&PatientID=ID%207&AccessionNumber=A?1&ModalitiesInStudy=US"
                + "&StudyDate=20240101-20241231&includefield=00100010&")
                .endsWith("&limit=100");
    }

    @Test
    void blankCriteriaAreLeftOutAndTheOffsetOnlyWhenPaging() {
        String first = SearchQuery.all().withPatientName("  ").toQueryString(SearchQuery.Level.STUDIES);
        assertThat(first).doesNotContain("PatientName").doesNotContain("offset");
        assertThat(SearchQuery.all().withPage(25, 0).nextPage().toQueryString(SearchQuery.Level.STUDIES))
                .endsWith("&limit=25&offset=25");
    }

    @Test
    void dateRangesAreReadAsUsersWriteThem() {
        assertThat(SearchQuery.parseDateRange("20240101-20241231")).containsExactly(LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31));
        assertThat(SearchQuery.parseDateRange("2024-03-15")).containsExactly(LocalDate.of(2024, 3, 15),
                LocalDate.of(2024, 3, 15));
        assertThat(SearchQuery.parseDateRange("20240101-")).containsExactly(LocalDate.of(2024, 1, 1), null);
        assertThat(SearchQuery.parseDateRange("-20241231")).containsExactly(null, LocalDate.of(2024, 12, 31));
        assertThatThrownBy(() -> SearchQuery.parseDateRange("20241399")).hasMessage("not a date: '20241399'");
        assertThatThrownBy(() -> SearchQuery.all().withDates(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1)))
                .hasMessage("the date range ends (2024-01-01) before it starts (2024-02-01)");
    }

    @Test
    void openEndedRangesKeepTheirDash() {
        assertThat(SearchQuery.all().withDates(null, LocalDate.of(2024, 1, 2)).toQueryString(SearchQuery.Level.STUDIES))
                .contains("StudyDate=-20240102&");
    }

    @Test
    void uidsThatCouldChangeAPathAreRefused() {
        assertThat(InstanceRef.parse("1.2/3.4/5.6").path()).isEqualTo("/studies/1.2/series/3.4/instances/5.6");
        assertThatThrownBy(() -> InstanceRef.parse("1.2/3.4?x=1")).hasMessage("not a series UID: '3.4?x=1'");
    }

    @Test
    void anArchiveAddressMustBeHttp() throws RemoteException {
        assertThat(ArchiveConnection.parse("http://pacs:8042/dicom-web/").base())
                .isEqualTo(URI.create("http://pacs:8042/dicom-web"));
        assertThatThrownBy(() -> ArchiveConnection.parse("pacs:8042"))
                .hasMessage("not a DICOMweb address: pacs:8042 (expected e.g. http://localhost:8042/dicom-web)");
    }

    @Test
    void credentialsNeverPrintTheirSecret() {
        assertThat(Credentials.basic("alice", "s3cret".toCharArray()).toString()).doesNotContain("s3cret");
        assertThat(Credentials.basic("alice", "s3cret".toCharArray()).authorization())
                .contains("Basic YWxpY2U6czNjcmV0");
        assertThat(Credentials.bearer("tok.en").toString()).doesNotContain("tok.en");
    }
}
