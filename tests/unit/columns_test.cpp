// Terminal columns (issue 18): `verbatim show` cut Russian lines inside a character and
// misaligned Cyrillic columns; widths are now by grapheme and display width.
#include <doctest/doctest.h>

#include <unicode/unistr.h>

#include "query/present/columns.h"

using namespace verbatim;

namespace {

bool valid_utf8(const std::string& s) {
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

}  // namespace

TEST_CASE("display width counts columns, not bytes") {
    CHECK(display_width("para. 12") == 8);
    CHECK(display_width("\xD0\x94\xD0\xBE\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xB4") == 6);              // Доклад: 12 bytes
    CHECK(display_width("\xE4\xB8\xAD\xE5\x8D\x8E\xE4\xBA\xBA") == 6);                            // 中华人: wide
    CHECK(display_width("e\xCC\x81") == 1);                                                        // e + combining acute
}

TEST_CASE("fit_columns cuts between graphemes and pads to the display width") {
    const std::string russian = "\xD0\x94\xD0\xBE\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xB4 \xD0\xBE \xD1\x80\xD0\xB0\xD0\xB1\xD0\xBE\xD1\x82\xD0\xB5";
    for (size_t width = 0; width < 20; ++width) {
        const std::string fitted = fit_columns(russian, width);
        INFO(width << ": " << fitted);
        CHECK(valid_utf8(fitted));
        CHECK(display_width(fitted) == std::max<size_t>(width, width < 3 ? 3 : 0));
    }
    CHECK(fit_columns(russian, 10) == "\xD0\x94\xD0\xBE\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xB4 ...");
    // Chinese characters take two columns: a cut never leaves half of one.
    const std::string chinese = "\xE4\xB8\xAD\xE5\x8D\x8E\xE4\xBA\xBA\xE6\xB0\x91\xE5\x85\xB1\xE5\x92\x8C\xE5\x9B\xBD";
    CHECK(fit_columns(chinese, 9) == "\xE4\xB8\xAD\xE5\x8D\x8E\xE4\xBA\xBA...");
    CHECK(fit_columns(chinese, 10) == "\xE4\xB8\xAD\xE5\x8D\x8E\xE4\xBA\xBA... ");
    CHECK(display_width(fit_columns(chinese, 10)) == 10);
    // A base letter and its combining mark stay together.
    CHECK(fit_columns("cafe\xCC\x81s and more", 7) == "cafe\xCC\x81...");
    // Short text is padded, or left as it is without `pad`.
    CHECK(fit_columns("\xD0\xB0\xD0\xB1", 4) == "\xD0\xB0\xD0\xB1  ");
    CHECK(fit_columns("\xD0\xB0\xD0\xB1", 4, false) == "\xD0\xB0\xD0\xB1");
    // Invalid UTF-8 comes out valid.
    CHECK(valid_utf8(fit_columns("ab\xFF\xFE" "cd", 10)));
}

#include <sstream>

#include "query/present/text_output.h"

TEST_CASE("issue 18: search --parallel gives the counterpart's pages only with --pages") {
    SearchResult result;
    Hit hit;
    hit.record.doc.id = "x.en";
    hit.record.doc.symbol = "TEST/1";
    hit.record.unit.anchor = "para-9";
    hit.record.unit.kind = UnitKind::paragraph;
    hit.record.unit.ref = "para. 9";
    hit.record.unit.text = "The victims.";
    hit.record.unit.page_first = hit.record.unit.page_last = 9;
    hit.parallel_lang = "fr";
    UnitRecord french = hit.record;
    french.doc.id = "x.fr";
    french.doc.lang = "fr";
    french.unit.text = "Les victimes.";
    hit.parallel = french;
    result.hits.push_back(hit);
    result.total = 1;
    for (bool pages : {false, true}) {
        std::ostringstream out;
        TextStyle style;
        style.pages = pages;
        print_hits(out, result, SearchOptions{}, style);
        INFO(out.str());
        CHECK((out.str().find("[fr] TEST/1, para. 9, p. 9") != std::string::npos) == pages);
        CHECK(out.str().find("[fr] TEST/1, para. 9") != std::string::npos);
    }
}
