#include <doctest/doctest.h>

#include "indexer/structure/references.h"

using namespace verbatim;

TEST_CASE("document references in running text, with the paragraph they name") {
    struct Case {
        std::string text;
        std::vector<std::string> symbols;
        std::vector<std::string> first_paragraphs;
    };
    for (const Case& c : std::vector<Case>{
             {"(A/RES/74/176, para. 7): text", {"A/RES/74/176"}, {"7"}},
             {"see CTOC/COP/WG.4/2019/4 and E/CN.15/2019/L.3/Rev.1.", {"CTOC/COP/WG.4/2019/4", "E/CN.15/2019/L.3/Rev.1"}, {}},
             {"CCPCJ resolution 27/4 (2018), para.11: stresses", {"CCPCJ resolution 27/4"}, {"11"}},
             {"(CCPCJ 27/4, paras. 2 and 5)", {"CCPCJ resolution 27/4"}, {"2"}},
             {"(RES 72/1, para. 8)", {"A/RES/72/1"}, {"8"}},
             {"General Assembly resolution 74/176 of 2019", {"A/RES/74/176"}, {}},
             {"in its decision 4/4, the Conference", {}, {}},
             {"UN/DESA and UNODC/WHO are not symbols", {}, {}},
         }) {
        CAPTURE(c.text);
        std::vector<TextReference> refs = find_references(c.text);
        std::vector<std::string> symbols;
        for (const auto& r : refs) symbols.push_back(r.symbol);
        CHECK(symbols == c.symbols);
        if (!c.first_paragraphs.empty()) {
            REQUIRE_FALSE(refs.empty());
            REQUIRE_FALSE(refs[0].paragraphs.empty());
            CHECK(refs[0].paragraphs[0] == c.first_paragraphs[0]);
        }
    }
}

TEST_CASE("a passage quoted right after its reference is a quotation of that source") {
    std::string text =
        "UNGA Resolution (A/RES/74/176, para. 7): \xE2\x80\x9C" "Expresses solidarity with and compassion for victims\xE2\x80\x9D; "
        "and (CCPCJ 27/4, paras. 2 and 5): \xE2\x80\x9C" "Encourages Member States to consider partnerships\xE2\x80\x9D and "
        "\xE2\x80\x9C" "Encourages Member States to consider programmes\xE2\x80\x9D; A/RES/73/146 is mentioned only.";
    std::vector<Quotation> quotes = find_quotations(text, find_references(text));
    REQUIRE(quotes.size() == 3);
    CHECK(quotes[0].source == "A/RES/74/176, para. 7");
    CHECK(text.substr(quotes[0].start, quotes[0].end - quotes[0].start) ==
          "Expresses solidarity with and compassion for victims");
    CHECK(quotes[1].source == "CCPCJ resolution 27/4, paras. 2 and 5");
    CHECK(quotes[2].symbol == "CCPCJ resolution 27/4");
}
