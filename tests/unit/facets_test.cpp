// Facets: the year from the date slot, every other facet from the one facets slot.
#include <doctest/doctest.h>

#include "analysis/analyser.h"
#include "model/unit_record.h"
#include "indexer/index/writer.h"
#include "model/facet_value.h"
#include "query/search/facets.h"

using namespace verbatim;

namespace {

using Counts = std::vector<std::pair<std::string, size_t>>;

std::vector<std::pair<std::string, std::string>> decoded(std::string_view encoded) {
    std::vector<std::pair<std::string, std::string>> out;
    for_each_facet(encoded, [&](const char* name, std::string_view value) { out.emplace_back(name, value); });
    return out;
}

}  // namespace

TEST_CASE("the facets value holds each facet of a unit that has a value, countries repeated") {
    DocumentMeta doc;
    doc.meeting = "tenth meeting";
    doc.lang = "en";
    Unit unit;
    unit.countries = {"Canada", "Mexico"};
    const std::vector<std::pair<std::string, std::string>> expected{
        {"meeting", "tenth meeting"}, {"country", "Canada"}, {"country", "Mexico"}, {"lang", "en"}};
    const std::string value = facets_value(doc, unit);
    CHECK(decoded(value) == expected);

    SUBCASE("a tag it does not know is skipped") {
        std::string later = value;
        later += 'z';
        put_bytes(later, "a facet of a later version");
        CHECK(decoded(later) == expected);
    }
    SUBCASE("a value cut inside an entry is refused") {
        for (size_t n : {size_t{1}, size_t{5}, value.size() - 3, value.size() - 1}) {
            CAPTURE(n);
            CHECK_THROWS_AS(decoded(value.substr(0, n)), DecodeError);
        }
    }
}

TEST_CASE("FacetSpy counts years, meetings, types, statuses, countries and languages over all matches") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Analyser analyser("en");
    auto add = [&](const DocumentMeta& doc, Unit unit) {
        unit.text = "victims";
        unit.anchor = "para-" + std::to_string(db.get_doccount());
        db.add_document(unit_document(doc, unit, analyser));
    };
    DocumentMeta report;
    report.id = "report";
    report.date = "2020-09-10";
    report.meeting = "tenth meeting";
    report.type = "report";
    Unit agreed;
    agreed.status = "agreed";
    agreed.countries = {"Mexico", "Canada"};
    Unit named;
    named.countries = {"Canada"};
    add(report, agreed);
    add(report, named);
    add(report, Unit{});
    DocumentMeta draft;
    draft.id = "draft";
    draft.date = "2019-07-01";
    draft.type = "draft";
    draft.lang = "fr";
    add(draft, Unit{});
    DocumentMeta undated;  // no date, no language: no year, no lang
    undated.id = "undated";
    undated.lang = "";
    add(undated, Unit{});

    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("victims"));
    FacetSpy spy;
    spy.attach(enquire);
    enquire.get_mset(0, 1, db.get_doccount());

    Facets f = spy.facets(20);
    CHECK(f.size() == 6);
    CHECK(f["year"] == Counts{{"2020", 3}, {"2019", 1}});  // newest first
    CHECK(f["meeting"] == Counts{{"tenth meeting", 3}});
    CHECK(f["type"] == Counts{{"report", 3}, {"draft", 1}});  // most frequent first
    CHECK(f["status"] == Counts{{"agreed", 1}});
    CHECK(f["country"] == Counts{{"Canada", 2}, {"Mexico", 1}});
    CHECK(f["lang"] == Counts{{"en", 3}, {"fr", 1}});
    CHECK(spy.facets(1)["type"] == Counts{{"report", 3}});
}
