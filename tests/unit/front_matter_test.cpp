// A document without a UN title page (a General Debate speech, hard-wrapped, with page
// numbers left between paragraphs) has no front matter: its text is content, never a title.
#include <doctest/doctest.h>

#include "indexer/extract/text_layout.h"
#include "indexer/structure/document_builder.h"
#include "indexer/structure/title_block.h"
#include "indexer/structure/units.h"

using namespace verbatim;

namespace {

// Laid out as the UN General Debate corpus is (ungdc USA_56_2001.txt): lines wrapped at
// ~55 characters, page numbers ("8") on a line of their own inside a paragraph.
const char* kSpeech =
    "We meet in a Hall devoted to\n"
    "peace; in a city scarred by violence; in a nation\n"
    "awakened to danger; in a world uniting for a long\n"
    "struggle. Every civilized nation here today is resolved\n"
    "to keep the most basic commitment of civilization. We\n"
    "will defend ourselves and our future against terror and\n"
    "lawless violence. The United Nations was founded in this\n"
    "cause. In the Second World War, we learned that there is\n"
    "no isolation from evil. But\n"
    "8\n"
    "\n"
    "the God of Isaac and Ishmael would never answer such\n"
    "a prayer. A few miles from here, many thousands still lie\n"
    "in a tomb of rubble. Tomorrow, the Secretary-General, the\n"
    "President of the General Assembly and I will visit that\n"
    "site, where the names of every nation and region that\n"
    "lost citizens will be read aloud. Together they promote\n"
    "9\n"
    "\n"
    "terror abroad and impose a reign of terror on the\n"
    "Afghan people. Women are executed in the soccer stadium\n"
    "of the capital. They can be beaten for wearing socks that\n"
    "are too thin. Men are jailed for missing prayer meetings.\n"
    "The United States, supported by many nations, is bringing\n"
    "justice to the terrorists in Afghanistan. We are making\n"
    "progress against military targets, and that is our\n"
    "objective. Unlike the enemy, we seek to minimize, not\n"
    "maximize, the loss of innocent life.\n"
    "10\n"
    "\n"
    "The war against terror must not serve as an excuse to\n"
    "persecute ethnic and religious minorities in any country.\n";

}  // namespace

TEST_CASE("a speech without a title page: no front matter, no title, every passage is content") {
    ExtractedText text = lay_out_text(kSpeech);
    StructuredText s = build_units(text);
    CHECK(s.front_matter.empty());
    DocumentMeta m = read_document_meta(text, s);
    CHECK(m.title.empty());
    CHECK(m.type.empty());

    std::string content;
    for (const Unit& u : s.units) content += u.text + "\n";
    CHECK(content.find("We meet in a Hall devoted to peace") != std::string::npos);
    CHECK(content.find("terror abroad and impose a reign of terror") != std::string::npos);
    CHECK(content.find("maximize, the loss of innocent life.") != std::string::npos);
    CHECK(content.find("The war against terror must not serve") != std::string::npos);

    Document doc = build_document(text, "USA_56_2001.txt", nullptr);
    CHECK(doc.meta.title.empty());
    CHECK(doc.units.size() == s.units.size());
}

TEST_CASE("a title-page block is short lines near the top; a long prose line is never the title") {
    // A real title page still gives its fields and title.
    ExtractedText report = lay_out_text(
        "A/75/100\n\nDistr.: General 28 September 2020\n\nOriginal: English\n\n"
        "Report of the Secretary-General on the work of the Organization\n\n"
        "1. The present report is submitted pursuant to General Assembly resolution 74/176, and it is "
        "long enough to be a paragraph of the body of the report.\n");
    StructuredText r = build_units(report);
    DocumentMeta rm = read_document_meta(report, r);
    CHECK(rm.symbol == "A/75/100");
    CHECK(rm.title == "Report of the Secretary-General on the work of the Organization");

    // Prose before the first numbered paragraph, cut mid-sentence, is content.
    std::string prose;
    for (int i = 0; i < 8; ++i) prose += "the delegation wishes to thank the President for the work done in the year and";
    ExtractedText speech = lay_out_text(prose + "\n\n1. A numbered paragraph that ends the way sentences end, "
                                                 "with a full stop after enough words to be a paragraph.\n");
    StructuredText s = build_units(speech);
    DocumentMeta sm = read_document_meta(speech, s);
    CHECK(sm.title.empty());
    CHECK(s.front_matter.empty());
    REQUIRE(!s.units.empty());
    CHECK(s.units.front().text.rfind("the delegation wishes", 0) == 0);
}
