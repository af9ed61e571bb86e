// The block classifiers of the structure stage, one table per question.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "indexer/structure/block_kinds.h"

using namespace verbatim;

TEST_CASE("contents entries and headings are recognised, prose is not") {
    const std::vector<std::pair<std::string, bool>> entries{
        {"I. Introduction . . . . . . . . . . . . . . . . 3", true},
        {"Potential reform of the scale methodology. . . . . . . . . . . . 5", true},
        {"Annexes ............................................ 12", true},
        {"Abbreviations \xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6 iv", true},
        {"A. Draft resolution . . . . . 4-6 3", true},
        {"The Committee met on 3 July.", false},
        {"Figures rose from 1.2 to 3.4 ... and then fell.", false},
        {"See the list . . . . . of speakers in annex I to the present report", false},
    };
    for (const auto& entry : entries) {
        const std::string& text = entry.first;  // no structured binding: clang 14 cannot capture one
        CAPTURE(text);
        CHECK(blocks::is_contents_entry(text) == entry.second);
    }
    for (const char* heading : {"Contents", "Contents Page", "Contents Paragraphs Page", "Table des matières",
                                "Содержание", "Índice"})
        CHECK(blocks::is_contents_heading(heading));
    CHECK_FALSE(blocks::is_contents_heading("Contents of the report are as follows"));
}

TEST_CASE("a chapeau names an organ, short, ending with a comma") {
    const std::vector<std::pair<std::string, bool>> cases{
        {"The General Assembly,", true},
        {"The Economic and Social Council,", true},
        {"The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,", true},
        {"L'Assemblée générale,", true},
        {"El Consejo de Seguridad,", true},
        {"Генеральная Ассамблея,", true},
        {"The General Assembly", false},
        {"At its 5th meeting, on 3 July, the Council,", false},
        {"The delegations,", false},
    };
    for (const auto& c : cases) {
        const std::string& text = c.first;
        CAPTURE(text);
        CHECK(blocks::is_chapeau(text) == c.second);
    }
}

TEST_CASE("preambular openings in the UN languages") {
    for (const char* yes : {"Recalling its resolution 74/176,", "Noting with concern that", "Deeply alarmed by",
                            "Bearing in mind", "Having considered the report", "Mindful of", "Rappelant sa résolution",
                            "Recordando su resolución", "Ссылаясь на свою резолюцию", "Reaffirming also"})
        CHECK_MESSAGE(blocks::opens_preambular(yes), yes);
    for (const char* no : {"Decides to convene", "The Committee noted", "recalling in lower case", "Annex"})
        CHECK_FALSE_MESSAGE(blocks::opens_preambular(no), no);
}

TEST_CASE("part headings give the part's name as cited; sentences do not") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"Annex", "annex"},
        {"Annex II", "annex II"},
        {"Annex I Draft calendar of conferences", "annex I"},
        {"Annex to the letter dated 5 March 2025 from the Permanent Representative", "annex"},
        {"Appendix", "appendix"},
        {"Enclosure", "enclosure"},
        {"Draft resolution III", "draft resolution III"},
        {"Draft decision I", "draft decision I"},
        {"Annexe II", "annexe II"},
        {"Anexo", "anexo"},
        {"Приложение", "приложение"},
        {"Separate opinion of Judge Xue", "separate opinion of Judge Xue"},
        {"Annex I contains the list of participants.", ""},
        {"Draft resolution submitted by the President of the Council", ""},
        {"Resolution", ""},
        {"Annexation of territory was condemned", ""},
    };
    for (const auto& c : cases) {
        const std::string& text = c.first;
        CAPTURE(text);
        CHECK(blocks::part_name(text) == c.second);
    }
    CHECK(blocks::part_slug("annex II") == "annex-ii");
    CHECK(blocks::part_slug("draft resolution III") == "draft-resolution-iii");
}

TEST_CASE("captions of tables and figures, not sentences about them") {
    std::string number;
    CHECK(blocks::caption_kind("Table 4 Overview of the debt-burden adjustment", number) == "table");
    CHECK(number == "4");
    CHECK(blocks::caption_kind("Figure III Comparison of approaches", number) == "figure");
    CHECK(number == "III");
    CHECK(blocks::caption_kind("Cuadro 2", number) == "table");
    CHECK(blocks::caption_kind("Table 3 shows the figures", number).empty());
    CHECK(blocks::caption_kind("Tables are read as prose", number).empty());
}

TEST_CASE("decimal numbers split into paragraph and item") {
    std::string paragraph, item;
    REQUIRE(blocks::split_decimal_number("115.37", paragraph, item));
    CHECK(paragraph == "115");
    CHECK(item == "37");
    CHECK_FALSE(blocks::split_decimal_number("12", paragraph, item));
    CHECK_FALSE(blocks::split_decimal_number("1.2.3", paragraph, item));
    CHECK_FALSE(blocks::split_decimal_number("0.5", paragraph, item));
}
