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

TEST_CASE("phrases are marked whole across hyphenated compounds") {
    // Parts keep their positions; the joined form shares the last part's.
    CHECK(marked("the non-punishment principle applies", Highlight{{}, {{"non", "punishment", "principle"}}}) ==
          "the [non-punishment principle] applies");
    CHECK(marked("the non-punishment principle applies", Highlight{{}, {{"nonpunishment", "principle"}}}) ==
          "the [non-punishment principle] applies");
    CHECK(marked("rule of the law, rule of law", Highlight{{}, {{"rule", "of", "law"}}}) ==
          "rule of the law, [rule of law]");
}

TEST_CASE("one highlighter serves many texts, as for the hits of a search") {
    Analyser analyser("en");
    const Highlight h{{"Zvictim", "trafficking"}, {{"human", "rights"}}};
    const Highlighter highlighter(analyser, h);
    const std::vector<std::string> texts{"Victims of trafficking.", "No match here.",
                                         "Human rights of victims; trafficking victim.", "victim"};
    // Twice over: the second pass answers from what the first remembered.
    for (int pass = 0; pass < 2; ++pass)
        for (const std::string& text : texts)
            CHECK(render_marked(highlighter.make_snippet(text), "[", "]") == marked(text, h));
    CHECK(render_marked(highlighter.make_snippet(texts[2]), "[", "]") ==
          "[Human rights] of [victims]; [trafficking] [victim].");
}

TEST_CASE("stems are highlighted by the forms the index holds under them, without stemming") {
    // The index's forms, not the stemmer, decide: "victim" is not listed, so it stays plain.
    auto forms = [](const std::string& key) {
        return key == "Zvictim" ? std::vector<std::string>{"victims", "victimes"} : std::vector<std::string>{};
    };
    const Highlight h = with_stem_forms(Highlight{{"Zvictim", "Zpeac", "trafficking"}, {{"rule", "of", "law"}}}, forms);
    CHECK(h.terms == std::set<std::string>{"trafficking", "victimes", "victims"});
    CHECK(h.phrases.size() == 1);
    CHECK(marked("Victims and a victim, trafficking and peace under the rule of law.", h) ==
          "[Victims] and a victim, [trafficking] and peace under the [rule of law].");
}
