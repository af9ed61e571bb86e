#include <doctest/doctest.h>

#include "indexer/extract/text_layout.h"
#include "indexer/structure/units.h"
#include "tests/unit/test_helpers.h"

using namespace verbatim;

using verbatim::test::find;

namespace {

// Builds content lines the way the text extractor does, from a small report.
StructuredText structure(const std::string& text) { return build_units(lay_out_text(text)); }

}  // namespace

TEST_CASE("numbered paragraphs under headings, with the heading path") {
    StructuredText s = structure(
        "CTOC/COP/WG.4/2020/4\n\nDistr.: General 28 September 2020\n\nI. Introduction\n\n"
        "- 1. First paragraph.\n- 2. Second paragraph.\n\nII. Recommendations\n\nA. General\n\n3. Third paragraph.\n");
    REQUIRE(find(s, "para-1"));
    CHECK(find(s, "para-1")->text == "First paragraph.");
    CHECK(find(s, "para-2")->heading_path == std::vector<std::string>{"I. Introduction"});
    CHECK(find(s, "para-3")->heading_path == std::vector<std::string>{"II. Recommendations", "A. General"});
    CHECK(find(s, "para-3")->ref == "para. 3");
    CHECK(s.front_matter.size() == 2);  // symbol and distribution lines feed the metadata
}

TEST_CASE("a paragraph number lost in conversion is inferred from the sequence") {
    StructuredText s = structure(
        "I. Summary\n\n- 11. Eleven ends here.\n- Mr. Sturland elaborated on the defence.\n- 13. Thirteen.\n");
    const Unit* twelve = find(s, "para-12");
    REQUIRE(twelve);
    CHECK(twelve->number_inferred);
    CHECK(twelve->text == "Mr. Sturland elaborated on the defence.");
    CHECK_FALSE(find(s, "para-13")->number_inferred);
}

TEST_CASE("unnumbered lines that do not fit a missing number stay in their paragraph") {
    // Paragraph 29 quotes an agenda: "1.", "(a)" and an unnumbered line belong to it.
    StructuredText s = structure(
        "C. Adoption\n\n- 29. The Working Group adopted the following agenda:\n - 1. Organizational matters:\n"
        " - (a) Opening of the meeting;\n - Guidance on the issue.\n - 3. Other matters.\n\n"
        "D. Attendance\n\n- 30. The following were represented.\n");
    const Unit* p29 = find(s, "para-29");
    REQUIRE(p29);
    CHECK(p29->text.find("Organizational matters") != std::string::npos);
    CHECK(p29->text.find("Guidance on the issue.") != std::string::npos);
    CHECK(p29->text.find("Other matters") != std::string::npos);
    CHECK(find(s, "para-29-a") == nullptr);
    CHECK(find(s, "para-30"));
    CHECK(find(s, "para-1") == nullptr);
}

TEST_CASE("a paragraph cut by a page break is one unit spanning both pages") {
    StructuredText s = structure(
        "I. Summary\n\n- 10. He concluded by offering a number of recommendations,\n\n2/7 V.20-05476\n\n"
        "including strengthening inter-agency efforts.\n\n- 11. Next.\n\nV.20-05476 3/7\n");
    const Unit* p10 = find(s, "para-10");
    REQUIRE(p10);
    CHECK(p10->text == "He concluded by offering a number of recommendations, including strengthening inter-agency efforts.");
    CHECK(p10->page_first <= 2);
    CHECK(p10->page_last == 3);
    CHECK(find(s, "para-11")->page_first == 3);
}

TEST_CASE("lettered items know their parent; (i) after (h) is a letter, after (a) a roman sub-item") {
    StructuredText s = structure(
        "A. General\n\n1. The Working Group recommended:\n\n(a) Alpha;\n\n(b) Beta:\n\n(i) Roman one;\n\n(ii) Roman two;\n\n"
        "(c) Gamma;\n\n(d) d;\n\n(e) e;\n\n(f) f;\n\n(g) g;\n\n(h) h;\n\n(i) Letter i.\n");
    const Unit* a = find(s, "para-1-a");
    REQUIRE(a);
    CHECK(a->kind == UnitKind::item);
    CHECK(a->parent == "para-1");
    CHECK(a->label == "1 (a)");
    CHECK(a->ref == "para. 1 (a)");
    const Unit* roman = find(s, "para-1-b-ii");
    REQUIRE(roman);
    CHECK(roman->parent == "para-1-b");
    CHECK(roman->label == "1 (b) (ii)");
    const Unit* letter_i = find(s, "para-1-i");
    REQUIRE(letter_i);
    CHECK(letter_i->text == "Letter i.");
}

TEST_CASE("recommendation blocks, adopted and draft, with suffixed numbers") {
    StructuredText s = structure(
        "A. General recommendations\n\nRecommendation 1\n\nMember States should convene surgeries.\n\n"
        "Draft recommendation 11bis [Proposed by Spain]\n\nStates parties are invited to act.\n\n[pending]\n\n"
        "(a) States parties should take measures. [France]\n");
    const Unit* r1 = find(s, "rec-1");
    REQUIRE(r1);
    CHECK(r1->kind == UnitKind::recommendation);
    CHECK(r1->label == "Recommendation 1");
    CHECK(r1->ref == "recommendation 1");
    CHECK(r1->text == "Member States should convene surgeries.");
    const Unit* r11 = find(s, "rec-11bis");
    REQUIRE(r11);
    CHECK(r11->draft);
    CHECK(r11->ref == "draft recommendation 11bis");
    CHECK(r11->text == "[Proposed by Spain] States parties are invited to act.\n[pending]");
    const Unit* item = find(s, "rec-11bis-a");
    REQUIRE(item);
    CHECK(item->ref == "draft recommendation 11bis (a)");
}

TEST_CASE("footnotes are units linked to the unit that holds their marker, markers removed") {
    StructuredText s = structure(
        "II. Comments\n\n*Draft recommendation 13*<sup>18</sup>\n\nStates parties should<sup>19</sup> act, and\n\n"
        "<sup>18</sup> Canada: proposed revisions.\n\n<sup>19</sup> Israel: the remedies are within\n\n"
        "consider encouraging access to remedies.\n\n*the power of the state.*\n\n<sup>20</sup> USA: survivors.\n");
    const Unit* rec = find(s, "rec-13");
    REQUIRE(rec);
    // The body continues after the page's footnotes...
    CHECK(rec->text == "States parties should act, and consider encouraging access to remedies.");
    CHECK(rec->footnotes == std::vector<std::string>{"fn-18", "fn-19"});
    const Unit* fn19 = find(s, "fn-19");
    REQUIRE(fn19);
    CHECK(fn19->kind == UnitKind::footnote);
    CHECK(fn19->parent == "rec-13");
    CHECK(fn19->label == "footnote 19");
    CHECK(fn19->ref == "draft recommendation 13, footnote 19");
    // ...and the top of the next page's footnote area continues the last footnote.
    CHECK(fn19->text == "Israel: the remedies are within the power of the state.");
}

TEST_CASE("documents without numbers give unnumbered text units") {
    StructuredText s = structure(
        "Tuesday, 13 October 2020\n\n**Speaking notes**\n\nIt is a pleasure for me to brief the Conference on the work of the "
        "Working Group since the eighth session of the Conference in 2018.\n\nFor the first time in its\n\n"
        "history, the meeting was hybrid.\n");
    REQUIRE(s.units.size() == 2);
    CHECK(s.units[0].kind == UnitKind::text);
    CHECK(s.units[0].label == "[1]");
    CHECK(s.units[1].text == "For the first time in its history, the meeting was hybrid.");
}

TEST_CASE("anchors are unique and stable") {
    StructuredText s = structure("E. Documentation\n\n38. Before it:\n- (a) One;\n- (c) Two;\n- (c) Three.\n");
    CHECK(find(s, "para-38-c"));
    CHECK(find(s, "para-38-c-2"));
    StructuredText again = structure("E. Documentation\n\n38. Before it:\n- (a) One;\n- (c) Two;\n- (c) Three.\n");
    REQUIRE(again.units.size() == s.units.size());
    for (size_t i = 0; i < s.units.size(); ++i) CHECK(again.units[i].anchor == s.units[i].anchor);
}

namespace {

SourceLine line(const std::string& text, bool block = true, bool emphasised = false, LineRole role = LineRole::body) {
    SourceLine l;
    l.text = text;
    l.starts_block = block;
    l.emphasised = emphasised;
    l.role = role;
    l.page = 2;
    return l;
}

StructuredText structure_lines(std::vector<SourceLine> lines) {
    ExtractedText t;
    t.lines = std::move(lines);
    return build_units(t);
}

}  // namespace

TEST_CASE("sub-headings: numbered out of sequence, unnumbered emphasised, with a footnote marker") {
    StructuredText s = structure_lines({
        line("C. Implementation of obligations"),
        line("1. Cross-cutting issues", true, true),
        line(std::string("Equality and non-discrimination") + kFootnoteMarkOpen + "16" + kFootnoteMarkClose, true, true),
        line("8. AI noted that there had been no progress."),
        line("2. Civil and political rights", true, true),
        line("9. JS2 noted the situation."),
        line("16 AI, p.1.", true, false, LineRole::footnote),
    });
    const Unit* p9 = find(s, "para-9");
    REQUIRE(p9);
    CHECK(p9->heading_path ==
          std::vector<std::string>{"C. Implementation of obligations", "2. Civil and political rights"});
    const Unit* p8 = find(s, "para-8");
    REQUIRE(p8);
    CHECK(p8->text == "AI noted that there had been no progress.");
    CHECK(p8->heading_path.back() == "Equality and non-discrimination");
    CHECK(find(s, "fn-16"));
}

TEST_CASE("emphasis inside a sentence is not a heading") {
    StructuredText s = structure_lines({
        line("It is a pleasure to report."),
        line("In 2019, the Working Group adopted 18 recommendations focusing on", true, true),
        line("crime prevention measures.", true),
    });
    REQUIRE(s.units.size() == 2);
    CHECK(s.units[1].text == "In 2019, the Working Group adopted 18 recommendations focusing on crime prevention measures.");
}

TEST_CASE("headings in other scripts, and notes labelled with a letter") {
    StructuredText s = structure_lines({
        line("I. \xD0\xA1\xD0\xBF\xD1\x80\xD0\xB0\xD0\xB2\xD0\xBA\xD0\xB0"),  // I. Справка
        line("\xD0\xA1. \xD0\x9F\xD1\x80\xD0\xB0\xD0\xB2\xD0\xB0"),          // С. Права (Cyrillic Es)
        line("1. \xD0\xA2\xD0\xB5\xD0\xBA\xD1\x81\xD1\x82."),
        line("a Provisional date.", true, false, LineRole::footnote),
    });
    const Unit* p1 = find(s, "para-1");
    REQUIRE(p1);
    CHECK(p1->heading_path.size() == 2);
    const Unit* note = find(s, "fn-a");
    REQUIRE(note);
    CHECK(note->text == "Provisional date.");
}

// Found by fuzz_structure (scripts/fuzz.sh): an emphasised block with no text read
// block.text.back() of an empty string (UBSan: pointer overflow).
// Under ASan+UBSan (scripts/test.sh) the read past the string halts the test.
TEST_CASE("fuzz regression: an emphasised block with empty text does not read before it") {
    const std::string text("I. Int(odu\xff" "\xff" "\xff" "\x0c" "cti<s>\x0a" "\x0a" "(\x01" "\x00" "\x00" "\x00" "\x00" "\x00" "\x01" "em;\x0a" "\x0a" "(b)\x04" "\x00" "\x00" "\x00" "thit reem.\x0a" "\xee" "\x80" "\x80" "ntroparagra_____*******\x00" "ote.\x0a", 85);
    ExtractedText lines = lay_out_text(text);
    CHECK_NOTHROW((void)build_units(lines));
}

// Issue 22: one definition of a sentence end for every stage; the ellipsis character ends a
// paragraph as the three dots always did (the PDF layout already read it so).
TEST_CASE("a paragraph ending in an ellipsis ends as one ending in three dots") {
    for (const char* ending : {"...", "\xE2\x80\xA6"}) {
        const std::string shown = ending;
        CAPTURE(shown);
        StructuredText s = structure(std::string("I address the General Assembly today") + ending + "\n\nAs a student.\n");
        CHECK(s.units.size() == 2);
    }
}
