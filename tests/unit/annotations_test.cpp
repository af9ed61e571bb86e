#include <doctest/doctest.h>

#include "indexer/structure/annotations.h"
#include "vocabulary/countries.h"

using namespace verbatim;  // the markup itself: negotiation_test.cpp

TEST_CASE("a unit knows its status, its changes and the delegations involved") {
    DocumentMeta crp;
    crp.type = "crp";
    Unit rec;
    rec.kind = UnitKind::recommendation;
    rec.text = "States parties [add: Canada] should act, as Mr. Zavala (Mexico) said.\n[pending]";
    annotate_unit(crp, rec);
    CHECK(rec.status == "pending");
    REQUIRE(rec.changes.size() == 1);
    CHECK(rec.changes[0].action == "add");
    CHECK(rec.changes[0].delegations == std::vector<std::string>{"Canada"});
    CHECK(rec.changes[0].text == "States parties");
    CHECK(rec.countries == std::vector<std::string>{"Canada", "Mexico"});

    DocumentMeta report;
    report.type = "report";
    Unit adopted;
    adopted.kind = UnitKind::recommendation;
    adopted.text = "Member States should act.";
    annotate_unit(report, adopted);
    CHECK(adopted.status == "adopted");

    Unit proposed;
    proposed.kind = UnitKind::recommendation;
    proposed.text = "[Proposed by Spain] States parties are invited to act.";
    annotate_unit(crp, proposed);
    CHECK(proposed.status == "proposed");

    Unit paragraph;
    paragraph.kind = UnitKind::paragraph;
    paragraph.text = "The meeting was held.";
    annotate_unit(report, paragraph);
    CHECK(paragraph.status.empty());
}

TEST_CASE("country names: one canonical name for each way of writing it") {
    struct Case {
        const char* written;
        const char* canonical;
    };
    for (Case c : std::initializer_list<Case>{
             {"UK", "United Kingdom"},
             {"United Kingdom of Great Britain and Northern Ireland", "United Kingdom"},
             {"USA", "United States"},
             {"United States of America", "United States"},
             {"Russian Fed.", "Russian Federation"},
             {"Iran (Islamic Republic of)", "Iran"},
             {"Venezuela (Bolivarian Republic of)", "Venezuela"},
             {"the Netherlands", "Netherlands"},
             {"Kyrgyz Republic", "Kyrgyzstan"},
             {"Turkey", "T\xC3\xBCrkiye"},
             {"Narnia", ""},
         }) {
        CAPTURE(c.written);
        CHECK(vocabulary::canonical_country(c.written) == c.canonical);
    }
    CHECK(vocabulary::countries_in("Ms. Jalil (Afghanistan) and the Niger, with Papua New Guinea, Nigeria and the US") ==
          std::vector<std::string>{"Afghanistan", "Niger", "Papua New Guinea", "Nigeria", "United States"});
    CHECK(vocabulary::countries_in("let us go to the chad of guinea").empty());  // lower case is not a name
    CHECK(vocabulary::countries_in("Iran (Islamic Republic of) spoke") == std::vector<std::string>{"Iran"});
}

TEST_CASE("issue 23: a country is counted by its longest name only") {
    CHECK(vocabulary::countries_in("the Democratic People's Republic of Korea launched") ==
          std::vector<std::string>{"Democratic People's Republic of Korea"});
    CHECK(vocabulary::countries_in("the Democratic People\xE2\x80\x99s Republic of Korea and the Republic of Korea met") ==
          std::vector<std::string>{"Democratic People's Republic of Korea", "Republic of Korea"});
    CHECK(vocabulary::countries_in("Democratic People's\nRepublic of Korea") ==
          std::vector<std::string>{"Democratic People's Republic of Korea"});
}
