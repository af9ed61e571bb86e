// A term across meetings: how the units matching a query spread over meetings, years or
// document types, in date order, for the page's chart and /api/search?timeline=.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/document.h"
#include "query/search/facets.h"

namespace verbatim {

enum class TimelineBy { meeting, year, type };

struct TimelineBar {
    std::string value;       // the facet value: "tenth meeting of ...", "2020", "report"
    std::string first_date;  // earliest date of the documents with that value; empty if none dated
    size_t count = 0;        // matching units
    // The query filter that selects exactly these units ("year:2020", "type:report",
    // "meeting:10 body:\"Working Group on Trafficking in Persons\""); empty when the
    // query language cannot name them alone (a meeting without a number).
    std::string filter;
};

// The bars of `by` from facet counts over every match (Facets not cut to the most
// frequent values), ordered by first date (undated last, then by value). `documents`
// gives the dates of meetings and document types.
std::vector<TimelineBar> timeline(const Facets& facets, TimelineBy by, const std::vector<DocumentMeta>& documents);

// The query filter of each meeting named by `documents` ("meeting:10 body:\"...\""), for
// the meetings the query language can name alone (one number and body).
std::map<std::string, std::string> meeting_filters(const std::vector<DocumentMeta>& documents);

// "meeting", "year", "type".
const char* to_string(TimelineBy by);

}  // namespace verbatim
