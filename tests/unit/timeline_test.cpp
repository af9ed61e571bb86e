// The chart of a term across meetings (issue 18): bars in date order from facet counts.
#include <doctest/doctest.h>

#include "query/search/timeline.h"

using namespace verbatim;

namespace {

DocumentMeta doc(const std::string& meeting, const std::string& type, const std::string& date) {
    DocumentMeta d;
    d.meeting = meeting;
    d.type = type;
    d.date = date;
    return d;
}

}  // namespace

TEST_CASE("meetings are ordered by their first document's date, undated last") {
    Facets facets{{"meeting", {{"tenth meeting", 12}, {"ninth meeting", 3}, {"informal meeting", 1}, {"eleventh meeting", 5}}}};
    std::vector<DocumentMeta> docs{doc("tenth meeting", "report", "2020-09-28"), doc("tenth meeting", "crp", "2020-09-10"),
                                   doc("ninth meeting", "report", "2019-07-01"), doc("eleventh meeting", "", "2021-10-04"),
                                   doc("informal meeting", "", "")};
    std::vector<TimelineBar> bars = timeline(facets, TimelineBy::meeting, docs);
    REQUIRE(bars.size() == 4);
    CHECK(bars[0].value == "ninth meeting");
    CHECK(bars[1].value == "tenth meeting");
    CHECK(bars[1].first_date == "2020-09-10");
    CHECK(bars[1].count == 12);
    CHECK(bars[2].value == "eleventh meeting");
    CHECK(bars[3].value == "informal meeting");
    CHECK(bars[3].first_date.empty());
    CHECK(bars[3].filter.empty());  // no number: the query language cannot name it alone

    // Two bodies' tenth meetings: the number alone would select both.
    DocumentMeta wg = doc("tenth meeting of the Working Group", "report", "2020-09-28"),
                 cop = doc("tenth session of the Conference", "report", "2020-10-12");
    wg.meeting_number = cop.meeting_number = 10;
    wg.body = "Working Group";
    cop.body = "Conference";
    std::vector<TimelineBar> tenth = timeline(
        {{"meeting", {{"tenth session of the Conference", 6}, {"tenth meeting of the Working Group", 68}}}},
        TimelineBy::meeting, {wg, cop});
    REQUIRE(tenth.size() == 2);
    CHECK(tenth[0].filter == "meeting:10 body:\"Working Group\"");
    CHECK(tenth[1].filter == "meeting:10 body:\"Conference\"");

    std::vector<TimelineBar> types = timeline({{"type", {{"report", 9}, {"crp", 2}}}}, TimelineBy::type, docs);
    REQUIRE(types.size() == 2);
    CHECK(types[0].value == "report");  // first report 2019-07-01, first crp 2020-09-10
}

TEST_CASE("years are their own dates, oldest first; a facet with no values gives no bars") {
    std::vector<TimelineBar> bars = timeline({{"year", {{"2021", 1}, {"2019", 4}, {"2020", 2}}}}, TimelineBy::year, {});
    REQUIRE(bars.size() == 3);
    CHECK(bars[0].value == "2019");
    CHECK(bars[2].value == "2021");
    CHECK(bars[0].first_date == "2019");
    CHECK(bars[0].filter == "year:2019");
    CHECK(timeline({}, TimelineBy::meeting, {}).empty());
}
