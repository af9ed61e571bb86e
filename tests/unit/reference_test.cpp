#include <doctest/doctest.h>

#include "query/cite/reference.h"

using namespace verbatim;

TEST_CASE("references in the forms people type") {
    using P = Reference::Part;
    struct Case {
        const char* text;
        const char* document;
        P part;
        std::vector<std::string> anchors;
    };
    for (const Case& c : std::vector<Case>{
             {"CTOC/COP/WG.4/2020/4, para. 12", "CTOC/COP/WG.4/2020/4", P::paragraph, {"para-12"}},
             {"ctoc/cop/wg.4/2020/4 paragraph 10", "ctoc/cop/wg.4/2020/4", P::paragraph, {"para-10"}},
             {"CTOC/COP/WG.4/2020/4, paras. 8-10", "CTOC/COP/WG.4/2020/4", P::paragraph, {"para-8", "para-9", "para-10"}},
             {"CTOC/COP/WG.4/2020/4 para 36(b)", "CTOC/COP/WG.4/2020/4", P::paragraph, {"para-36-b"}},
             {"X/1, para. 36 (b) (ii)", "X/1", P::paragraph, {"para-36-b-ii"}},
             {"CTOC/COP/WG.4/2019/L.1, rec. 3", "CTOC/COP/WG.4/2019/L.1", P::recommendation, {"rec-3"}},
             {"CTOC/COP/WG.4/2019/L.1 recommendation 3", "CTOC/COP/WG.4/2019/L.1", P::recommendation, {"rec-3"}},
             {"CTOC/COP/2020/CRP.4, draft recommendation 11bis", "CTOC/COP/2020/CRP.4", P::recommendation, {"rec-11bis"}},
             {"CTOC/COP/2020/CRP.4, footnote 17", "CTOC/COP/2020/CRP.4", P::footnote, {"fn-17"}},
             {"CTOC/COP/2020/CRP.4 fn 17", "CTOC/COP/2020/CRP.4", P::footnote, {"fn-17"}},
             {"CTOC/COP/2020/CRP.4, draft recommendation 11bis, footnote 13", "CTOC/COP/2020/CRP.4", P::footnote, {"fn-13"}},
             {"chair-notes-2020, para. [6]", "chair-notes-2020", P::paragraph, {"para-6"}},
             {"CTOC/COP/WG.4/2020/4", "CTOC/COP/WG.4/2020/4", P::document, {}},
         }) {
        std::string shown = c.text;
        CAPTURE(shown);
        auto r = parse_reference(c.text);
        REQUIRE(std::holds_alternative<Reference>(r));
        const Reference& ref = std::get<Reference>(r);
        CHECK(ref.document == c.document);
        CHECK(ref.part == c.part);
        CHECK(ref.anchors() == c.anchors);
    }
}

TEST_CASE("malformed references say what is wrong") {
    for (const char* bad : {"", "   ", "para. 12", "X/1, paras. 10-8", "X/1, para."}) {
        std::string shown = bad;
        CAPTURE(shown);
        auto r = parse_reference(bad);
        REQUIRE(std::holds_alternative<std::string>(r));
        CHECK_FALSE(std::get<std::string>(r).empty());
    }
    auto draft = parse_reference("X/1, draft recommendation 4");
    REQUIRE(std::holds_alternative<Reference>(draft));
    CHECK(std::get<Reference>(draft).draft);
}
