// Right-to-left text on the terminal (query/present/bidi.h).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "query/present/bidi.h"

using namespace verbatim;

TEST_CASE("right-to-left runs are isolated for the terminal") {
    const std::string rli = "\xE2\x81\xA7", pdi = "\xE2\x81\xA9";
    CHECK(isolate_rtl("victims of trafficking") == "victims of trafficking");
    // An Arabic line is one right-to-left isolate, digits and Latin inside included.
    CHECK(isolate_rtl("عقوبات فظيعة 2015 UNAMID") == rli + "عقوبات فظيعة 2015 UNAMID" + pdi);
    // Arabic inside a left-to-right line: the run alone.
    CHECK(isolate_rtl("the word عقوبات فظيعة means") == "the word " + rli + "عقوبات فظيعة" + pdi + " means");
    // Escape sequences (bold) are not letters, and each line is isolated on its own.
    CHECK(isolate_rtl("\x1b[1mعقوبات\x1b[0m") == rli + "\x1b[1mعقوبات\x1b[0m" + pdi);
    CHECK(isolate_rtl("عقوبات\nwords") == rli + "عقوبات" + pdi + "\nwords");
}

TEST_CASE("regression issue 16: isolate_rtl takes a text of a million lines (it recursed once per line)") {
    const std::string rli = "\xE2\x81\xA7", pdi = "\xE2\x81\xA9";
    std::string text;
    for (int i = 0; i < 1'000'000; ++i) text += i % 2 ? "عقوبات\n" : "words\n";
    const std::string out = isolate_rtl(text);
    CHECK(std::count(out.begin(), out.end(), '\n') == 1'000'000);
    CHECK(out.size() == text.size() + 500'000 * (rli.size() + pdi.size()));
    CHECK(out.compare(0, 6 + rli.size(), "words\n" + rli) == 0);
    CHECK(isolate_rtl("a\n\nعقوبات\n") == "a\n\n" + rli + "عقوبات" + pdi + "\n");
}
