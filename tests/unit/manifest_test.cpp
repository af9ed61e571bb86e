#include <doctest/doctest.h>

#include "indexer/structure/manifest.h"

using namespace verbatim;

TEST_CASE("a manifest gives fields per file, matched by name or stem") {
    auto parsed = parse_manifest(
        "# comment\n[001_report]\nsymbol = CTOC/COP/WG.4/2020/4\ndate = 2020-09-28\n\n[notes.txt]\nname = chair-notes\n"
        "type = statement\n",
        "manifest.ini");
    REQUIRE(std::holds_alternative<Manifest>(parsed));
    const Manifest& m = std::get<Manifest>(parsed);
    REQUIRE(m.find("/corpus/001_report.pdf"));
    CHECK(m.find("/corpus/001_report.txt")->fields.at("symbol") == "CTOC/COP/WG.4/2020/4");
    CHECK(m.find("/x/notes.txt")->fields.at("name") == "chair-notes");
    CHECK(m.find("/x/notes.pdf") == nullptr);  // the entry names the .txt exactly
    CHECK(m.find("/x/other.txt") == nullptr);
}

TEST_CASE("the manifest wins over what the text says") {
    auto parsed = parse_manifest("[a]\nsymbol = X/1\ntitle = Real title\nmeeting_number = 9\nother_symbols = Y/2, Z/3\n", "m");
    REQUIRE(std::holds_alternative<Manifest>(parsed));
    DocumentMeta meta;
    meta.symbol = "WRONG/1";
    meta.title = "Guessed";
    apply_manifest(*std::get<Manifest>(parsed).find("a.txt"), meta);
    CHECK(meta.symbol == "X/1");
    CHECK(meta.title == "Real title");
    CHECK(meta.meeting_number == 9);
    CHECK(meta.other_symbols == std::vector<std::string>{"Y/2", "Z/3"});
}

TEST_CASE("manifest errors name the line and say what is wrong") {
    struct Case {
        const char* text;
        const char* expect;
    };
    for (Case c : std::initializer_list<Case>{
             {"[a]\nsymbl = X\n", "line 2: unknown key 'symbl'"},
             {"[a]\ndate = 28/09/2020\n", "line 2: date must be YYYY-MM-DD"},
             {"symbol = X\n", "line 1: 'key = value' before any [file name] section"},
             {"[a]\ntype = memo\n", "type must be one of"},
             {"[a]\nmeeting_number = 99999999999\n", "line 2: meeting_number must be a number of at most 4 digits"},
             {"[a\n", "line 1: a section header must end with ']'"},
             {"[a]\nno equals sign\n", "expected 'key = value'"},
         }) {
        std::string shown = c.text;
        CAPTURE(shown);
        auto parsed = parse_manifest(c.text, "manifest.ini");
        REQUIRE(std::holds_alternative<Problem>(parsed));
        CHECK(std::get<Problem>(parsed).cause.find(c.expect) != std::string::npos);
        CHECK(std::get<Problem>(parsed).file == "manifest.ini");
    }
}
