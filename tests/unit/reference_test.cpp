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

TEST_CASE("issue 23: references as people type them: lists, pages, preambular, tables, parts, decimals") {
    using P = Reference::Part;
    struct Case {
        const char* text;
        const char* document;
        P part;
        std::vector<std::string> anchors;
    };
    for (const Case& c : std::vector<Case>{
             {"X/1, paras. 3 and 5", "X/1", P::paragraph, {"para-3", "para-5"}},
             {"X/1, paras. 3, 5", "X/1", P::paragraph, {"para-3", "para-5"}},
             {"X/1, paras. 3-5 and 7", "X/1", P::paragraph, {"para-3", "para-4", "para-5", "para-7"}},
             {"X/1, paras 3 to 4, 6 and 8(b)", "X/1", P::paragraph, {"para-3", "para-4", "para-6", "para-8-b"}},
             {"X/1, p. 5", "X/1", P::page, {}},
             {"X/1, pp. 5-6", "X/1", P::page, {}},
             {"E/2025/L.1, pp 3", "E/2025/L.1", P::preambular, {"pp-3"}},
             {"E/2025/L.1 PP3", "E/2025/L.1", P::preambular, {"pp-3"}},
             {"E/2025/L.1, preambular para. 3", "E/2025/L.1", P::preambular, {"pp-3"}},
             {"E/2025/L.1, preambular paragraphs 2-3", "E/2025/L.1", P::preambular, {"pp-2", "pp-3"}},
             {"E/2025/L.1, third preambular paragraph", "E/2025/L.1", P::preambular, {"pp-3"}},
             {"E/2025/L.1, twentieth preambular paragraph", "E/2025/L.1", P::preambular, {"pp-20"}},
             {"E/2025/L.1, 3rd preambular paragraph", "E/2025/L.1", P::preambular, {"pp-3"}},
             {"E/2025/L.1, operative paragraph 2", "E/2025/L.1", P::paragraph, {"para-2"}},
             {"A/AC.172/2025/2, table 3", "A/AC.172/2025/2", P::table, {"table-3"}},
             {"A/79/722, annex, para. 3", "A/79/722", P::paragraph, {"annex-para-3"}},
             {"A/79/722, annex I, para. 3", "A/79/722", P::paragraph, {"annex-i-para-3"}},
             {"A/79/722 Annex II paras. 1-2", "A/79/722", P::paragraph, {"annex-ii-para-1", "annex-ii-para-2"}},
             {"A/C.3/79/L.1, draft resolution II, para. 4", "A/C.3/79/L.1", P::paragraph,
              {"draft-resolution-ii-para-4"}},
             {"A/HRC/WG.6/34/ITA/3, para. 115.37", "A/HRC/WG.6/34/ITA/3", P::paragraph, {"para-115.37"}},
             {"AFG_70_2015, para. [3]", "AFG_70_2015", P::paragraph, {"para-3"}},
             {"X/1, para. 12.", "X/1", P::paragraph, {"para-12"}},
             {"Speaking notes for the Chair (13 October 2020), para. 3", "Speaking notes for the Chair (13 October 2020)",
              P::paragraph, {"para-3"}},
             {"Speaking notes for the Chair", "Speaking notes for the Chair", P::document, {}},
             {"X/1 \xC2\xB6 4", "X/1", P::paragraph, {"para-4"}},
         }) {
        std::string shown = c.text;
        CAPTURE(shown);
        auto r = parse_reference(c.text);
        if (auto* e = std::get_if<std::string>(&r)) FAIL(*e);
        const Reference& ref = std::get<Reference>(r);
        CHECK(ref.document == c.document);
        CHECK(ref.part == c.part);
        CHECK(ref.anchors() == c.anchors);
    }
    auto pages = std::get<Reference>(parse_reference("X/1, pp. 5-6"));
    CHECK(pages.number == "5");
    CHECK(pages.last == "6");
}

TEST_CASE("issue 23: a reference that does not read says what was not understood") {
    for (const char* bad : {"X/1, para. 3 foo", "X/1, paras. 3 and", "X/1, para. 3-5.2", "X/1, paras. 99999999999999-3"}) {
        std::string shown = bad;
        CAPTURE(shown);
        auto r = parse_reference(bad);
        REQUIRE(std::holds_alternative<std::string>(r));
        CHECK(std::get<std::string>(r).find('\'') != std::string::npos);
    }
}
