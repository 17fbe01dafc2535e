package org.sonocine.remote;

import org.sonocine.dicom.Attributes;

import java.util.List;

/**
 * One page of search results and the query that gives the next. {@code mayHaveMore} is true when the page is full:
 * QIDO-RS does not say how many results there are in all.
 */
public record SearchPage(List<Attributes> matches, SearchQuery query, List<String> warnings) {

    public boolean mayHaveMore() {
        return matches.size() >= query.limit();
    }

    public SearchQuery nextQuery() {
        return query.nextPage();
    }
}
