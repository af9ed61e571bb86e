// The hand-written scanners of the indexer (references, title page) give what the
// regular expressions they replace gave, and the memoised stemmer what Xapian's gives.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <regex>

#include "analysis/analyser.h"
#include "indexer/structure/references.h"
#include "indexer/structure/title_block.h"

using namespace verbatim;

TEST_CASE("stems are the same on every call") {
    Analyser a("en");
    Xapian::Stem english("english");
    for (const char* w : {"punishment", "nations", "united", "trafficking", "2020", "", "punishment"})
        CHECK(a.stem(w) == english(w));
}

namespace {

// The regular expression find_references used before its hand-written scanner.
std::vector<std::pair<size_t, size_t>> symbols_by_regex(std::string_view text) {
    static const std::regex kSymbol(R"(\b([A-Z]{1,8}(?:/[A-Za-z0-9.\-]*[A-Za-z0-9])+))");
    std::vector<std::pair<size_t, size_t>> out;
    using It = std::regex_iterator<std::string_view::const_iterator>;
    for (auto it = It(text.begin(), text.end(), kSymbol); it != It(); ++it)
        out.emplace_back(static_cast<size_t>(it->position(1)), static_cast<size_t>(it->position(1) + it->length(1)));
    return out;
}

// The symbols find_references reports, as spans of the text (paragraph parts cut).
std::vector<std::pair<size_t, size_t>> symbols_found(std::string_view text) {
    std::vector<std::pair<size_t, size_t>> out;
    for (const TextReference& r : find_references(text)) {
        if (text.compare(r.start, r.symbol.size(), r.symbol) != 0) continue;  // a named resolution
        out.emplace_back(r.start, r.start + r.symbol.size());
    }
    return out;
}

}  // namespace

TEST_CASE("the symbol scanner finds what the regular expression found") {
    const char* cases[] = {
        "A/RES/74/176, para. 7",
        "see E/CN.15/2019/L.3/Rev.1. and A/75/100- and S/RES/2331 (2016)",
        "ABCDEFGHI/1 is too long a series; ABCDEFGH/1 is not",
        "xA/1 1A/2 _A/3 (A/4) \"A/5\" A/. A// A/-1 A/1/ A/1/. A/1.-/2",
        "CTOC/COP/WG.4/2020/4 and CTOC/COP/WG.4/2020/L.2",
        "\xC3\xA9" "A/1 and \xE2\x80\x9C" "A/RES/1\xE2\x80\x9D",
        "General Assembly resolution 74/176, para. 7, and A/RES/74/176 again, paras. 28 and 32",
        "UN/DESA and and/or have no digit",
    };
    for (const char* c : cases) {
        CAPTURE(c);
        auto expected = symbols_by_regex(c);
        auto found = symbols_found(c);
        // find_references drops symbols without a digit and those inside a named
        // resolution; compare on the others.
        std::vector<std::pair<size_t, size_t>> kept;
        std::string_view text(c);
        for (auto [s, e] : expected) {
            std::string symbol = canonical_symbol(text.substr(s, e - s));
            if (std::none_of(symbol.begin(), symbol.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }))
                continue;
            bool inside = false;
            for (const TextReference& r : find_references(text))
                if (r.start <= s && s < r.end && r.start != s) inside = true;
            if (!inside) kept.emplace_back(s, s + symbol.size());
        }
        CHECK(found == kept);
    }
    // Random texts over the characters that matter.
    std::mt19937 random(42);
    const std::string alphabet = "AB/1.-_xaRES,(";  // no space: no named resolution
    for (int n = 0; n < 3000; ++n) {
        std::string text;
        size_t length = 1 + random() % 40;
        for (size_t i = 0; i < length; ++i) text += alphabet[random() % alphabet.size()];
        CAPTURE(text);
        std::vector<std::pair<size_t, size_t>> kept;
        for (auto [s, e] : symbols_by_regex(text)) {
            std::string symbol = canonical_symbol(std::string_view(text).substr(s, e - s));
            if (std::any_of(symbol.begin(), symbol.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }))
                kept.emplace_back(s, s + symbol.size());
        }
        CHECK(symbols_found(text) == kept);
    }
}

TEST_CASE("references keep their paragraphs, and the meeting is read from the first units") {
    auto refs = find_references("as in A/RES/74/176, paras. 28 and 32, and CCPCJ resolution 27/4, para. 3");
    REQUIRE(refs.size() == 2);
    CHECK(refs[0].symbol == "A/RES/74/176");
    CHECK(refs[0].paragraphs == std::vector<std::string>{"28", "32"});
    CHECK(refs[1].symbol == "CCPCJ resolution 27/4");
    CHECK(refs[1].paragraphs == std::vector<std::string>{"3"});
}
