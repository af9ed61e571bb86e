#include <doctest/doctest.h>

#include "query/search/snippet.h"

using namespace verbatim;

namespace {

std::string marked(const std::string& text, const Highlight& h) {
    Analyser analyser("en");
    return render_marked(make_snippet(text, analyser, h), "[", "]");
}

}  // namespace

TEST_CASE("snippets mark exact words, stems (every occurrence) and phrases") {
    CHECK(marked("Victims and a victim, victims again.", Highlight{{"Zvictim"}, {}}) ==
          "[Victims] and a [victim], [victims] again.");
    // Without stem terms only exact forms are marked.
    CHECK(marked("Victims and a victim, victims again.", Highlight{{"victim"}, {}}) ==
          "Victims and a [victim], victims again.");
    CHECK(marked("the rule of law and the law of rules", Highlight{{}, {{"rule", "of", "law"}}}) ==
          "the [rule of law] and the law of rules");
    CHECK(marked("nothing here", Highlight{{"Zpeace"}, {}}) == "nothing here");
}

TEST_CASE("a long text is cut around the densest cluster of matches") {
    std::string text;
    for (int i = 0; i < 60; ++i) text += "filler words here. ";
    text += "peace and peace again. ";
    for (int i = 0; i < 60; ++i) text += "more filler words. ";
    Analyser analyser("en");
    Snippet s = make_snippet(text, analyser, Highlight{{"Zpeac"}, {}});
    CHECK(s.marks.size() == 2);
    CHECK(s.text.rfind("\xE2\x80\xA6", 0) == 0);
    CHECK(render_marked(s, "[", "]").find("[peace] and [peace] again") != std::string::npos);
}
