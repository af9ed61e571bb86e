// The unit builder on what real UN documents print: preambles, parts whose numbering
// restarts, decimal items, contents, tables, figures. Lines are built by hand as the PDF
// layout gives them (a block per paragraph, every printed number in the text).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "indexer/structure/units.h"
#include "tests/unit/test_helpers.h"

using namespace verbatim;

using verbatim::test::find;

namespace {

struct In {
    std::string text;
    LineRole role = LineRole::body;
    bool emphasised = false;
    int page = 1;
};

StructuredText build(const std::vector<In>& blocks) {
    ExtractedText extracted;
    extracted.numbers_in_text = true;
    for (const In& in : blocks) {
        SourceLine line;
        line.text = in.text;
        line.role = in.role;
        line.emphasised = in.emphasised;
        line.page = in.page;
        line.starts_block = true;
        extracted.lines.push_back(line);
    }
    return build_units(extracted);
}

}  // namespace

TEST_CASE("a resolution's preambular paragraphs are units of their own, under the chapeau") {
    const StructuredText s = build({
        {"Working arrangements for the 2025 session", LineRole::body, true},
        {"The Economic and Social Council,"},
        {"Recalling General Assembly resolutions 61/16 of 20 November 2006,"},
        {"Reiterating that, as a principal organ of the United Nations, the Council is entitled to hold"},
        {"ad hoc meetings as and when needed,"},
        {"Acknowledging that the Council would take into consideration meetings of other bodies,"},
        {"1. Decides on the following working arrangements:"},
    });
    REQUIRE(find(s, "pp-1"));
    CHECK(find(s, "pp-1")->kind == UnitKind::preambular);
    CHECK(find(s, "pp-1")->ref == "preambular para. 1");
    CHECK(find(s, "pp-1")->heading_path == std::vector<std::string>{"The Economic and Social Council,"});
    REQUIRE(find(s, "pp-2"));
    CHECK(find(s, "pp-2")->text ==
          "Reiterating that, as a principal organ of the United Nations, the Council is entitled to hold ad hoc "
          "meetings as and when needed,");
    REQUIRE(find(s, "pp-3"));
    CHECK_FALSE(find(s, "pp-4"));
    REQUIRE(find(s, "para-1"));
    CHECK(find(s, "para-1")->kind == UnitKind::paragraph);
}

TEST_CASE("numbering that restarts in an annex is cited with its part") {
    const StructuredText s = build({
        {"1. The main text begins."},
        {"2. The main text ends."},
        {"Annex I", LineRole::body, true},
        {"Terms of reference", LineRole::body, true},
        {"1. The annex begins."},
        {"(a) Its first item;"},
        {"2. The annex ends."},
    });
    REQUIRE(find(s, "para-1"));
    CHECK(find(s, "para-1")->part.empty());
    REQUIRE(find(s, "annex-i-para-1"));
    CHECK(find(s, "annex-i-para-1")->ref == "annex I, para. 1");
    CHECK(find(s, "annex-i-para-1")->part == "annex I");
    REQUIRE(find(s, "annex-i-para-1-a"));
    CHECK(find(s, "annex-i-para-1-a")->ref == "annex I, para. 1 (a)");
    CHECK(find(s, "annex-i-para-2")->text == "The annex ends.");
}

TEST_CASE("a restart without a part heading is named by the heading above it, never renumbered") {
    const StructuredText s = build({
        {"1. First."},
        {"2. Second."},
        {"3. Third."},
        {"II. Draft recommendations", LineRole::body, true},
        {"1. A recommendation that restarts the count."},
    });
    REQUIRE(find(s, "para-3"));
    const Unit* restarted = find(s, "chap-ii-para-1");
    REQUIRE(restarted);
    CHECK(restarted->ref == "chap. II, para. 1");
    CHECK_FALSE(restarted->number_inferred);
}

TEST_CASE("decimal items of a recommendations list are cited para. 115.37") {
    const StructuredText s = build({
        {"115. The following recommendations were examined:"},
        {"115.36 Strengthen the national human rights institution (Chile);"},
        {"115.37 Continue efforts to combat trafficking in persons (Greece);"},
        {"116. All conclusions reflect the position of the submitting States."},
    });
    const Unit* item = find(s, "para-115.37");
    REQUIRE(item);
    CHECK(item->ref == "para. 115.37");
    CHECK(item->parent == "para-115");
    CHECK(item->text == "Continue efforts to combat trafficking in persons (Greece);");
    REQUIRE(find(s, "para-116"));
    CHECK_FALSE(find(s, "para-116")->number_inferred);
}

TEST_CASE("a table of contents is one unnumbered unit and takes no number from the paragraphs") {
    const StructuredText s = build({
        {"Contents", LineRole::body, true},
        {"I. Introduction . . . . . . . . . . . . . 3"},
        {"II. Methodology for the scale"},
        {". . . . . . . . . . . . . . . . . . . . 4"},
        {"3. Limits to the scale . . . . . . . . . 5"},
        {"I. Introduction", LineRole::body, true},
        {"1. The Committee met."},
        {"2. It adopted its report."},
        {"3. It closed."},
    });
    int contents_units = 0;
    for (const Unit& u : s.units) {
        if (u.text.find(". . . .") != std::string::npos) {
            ++contents_units;
            CHECK(u.kind == UnitKind::text);
        }
        if (u.kind == UnitKind::heading) CHECK(u.label.find(". . .") == std::string::npos);
    }
    CHECK(contents_units == 1);
    REQUIRE(find(s, "para-3"));
    CHECK(find(s, "para-3")->text == "It closed.");
    CHECK_FALSE(find(s, "para-3-2"));
}

TEST_CASE("a table is a unit of its own; the paragraph it interrupts goes on after it") {
    const StructuredText s = build({
        {"40. The figures for the period were as follows, as the table shows"},
        {"Table 4 Overview of the adjustment"},
        {"Period | Stock | Flow", LineRole::table},
        {"2019-2021 | 0.8 | 0.7", LineRole::table},
        {"Period | Stock | Flow", LineRole::table, false, 2},
        {"2022-2024 | 0.6 | 0.5", LineRole::table, false, 2},
        {"for each scale period.", LineRole::body, false, 2},
        {"41. The Committee considered the coverage.", LineRole::body, false, 2},
    });
    const Unit* table = find(s, "table-4");
    REQUIRE(table);
    CHECK(table->kind == UnitKind::table);
    CHECK(table->ref == "table 4");
    CHECK(table->text == "Table 4 Overview of the adjustment\nPeriod | Stock | Flow\n2019-2021 | 0.8 | 0.7\n"
                         "2022-2024 | 0.6 | 0.5");
    CHECK(table->page_last == 2);
    REQUIRE(find(s, "para-40"));
    CHECK(find(s, "para-40")->text == "The figures for the period were as follows, as the table shows for each scale period.");
    REQUIRE(find(s, "para-41"));
    CHECK_FALSE(find(s, "para-41")->number_inferred);
}

TEST_CASE("in a text layer an unnumbered block is the paragraph's own, not a lost number") {
    const StructuredText s = build({
        {"40. The Committee recalled its earlier decision."},
        {"Figure III Comparison of approaches"},
        {"0.800"},
        {"(119)"},
        {"The Committee also noted the following points in that regard."},
        {"42. The Committee decided."},
    });
    CHECK_FALSE(find(s, "para-41"));
    const Unit* figure = find(s, "figure-iii");
    REQUIRE(figure);
    CHECK(figure->text.find("(119)") != std::string::npos);
    REQUIRE(find(s, "para-42"));
}

TEST_CASE("a letter's signature and the annex heading after it are apart") {
    const StructuredText s = build({
        {"I have the honour to transmit herewith the report of the meeting held in Geneva on 3 March 2025, "
         "and I would be grateful if it could be circulated as a document of the General Assembly."},
        {"(Signed) Jane Doe Permanent Representative"},
        {"Annex to the letter dated 5 March 2025 from the Permanent Representative", LineRole::body, true, 2},
        {"1. The report begins.", LineRole::body, false, 2},
    });
    bool signature_alone = false;
    for (const Unit& u : s.units)
        if (u.text.rfind("(Signed)", 0) == 0) signature_alone = u.text.find("Annex") == std::string::npos;
    CHECK(signature_alone);
    REQUIRE(find(s, "annex-para-1"));
    CHECK(find(s, "annex-para-1")->ref == "annex, para. 1");
}
