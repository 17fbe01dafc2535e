package org.sonocine.ui;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpenRequestsTest {
    private final OpenRequests requests = new OpenRequests();
    private final List<List<Path>> window = new ArrayList<>();

    @Test
    void requestsBeforeTheWindowExistsWaitForIt() {
        requests.post(List.of(Path.of("a.dcm")));
        requests.post(List.of(Path.of("b.dcm")));
        assertThat(window).isEmpty();

        requests.deliverTo(window::add);

        assertThat(window).containsExactly(List.of(Path.of("a.dcm")), List.of(Path.of("b.dcm")));
    }

    @Test
    void requestsOnceTheWindowExistsGoStraightToIt() {
        requests.deliverTo(window::add);

        assertThat(requests.post(List.of(Path.of("a.dcm")))).isTrue();
        assertThat(window).containsExactly(List.of(Path.of("a.dcm")));
    }

    @Test
    void closedViewerTakesNoMoreRequests() {
        requests.deliverTo(window::add);
        requests.close();

        assertThat(requests.post(List.of(Path.of("a.dcm")))).isFalse();
        assertThat(window).isEmpty();
    }
}
