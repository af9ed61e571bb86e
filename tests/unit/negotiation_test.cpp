#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "vocabulary/negotiation.h"

using namespace verbatim::vocabulary;

namespace {

struct Expect {
    std::string action;
    std::vector<std::string> delegations;
    std::string text;
};

std::vector<Expect> changes_of(const std::string& text) {
    std::vector<Expect> out;
    for (const Annotation& a : find_annotations(text))
        for (const ProposedChange& c : a.changes) out.push_back({c.action, c.delegations, c.text});
    return out;
}

bool operator==(const Expect& a, const Expect& b) {
    return a.action == b.action && a.delegations == b.delegations && (b.text == "*" || a.text == b.text);
}

[[maybe_unused]] doctest::String toString(const Expect& e) {
    std::string s = e.action + " (";
    for (const auto& d : e.delegations) s += d + ";";
    return (s + ") '" + e.text + "'").c_str();
}

}  // namespace

TEST_CASE("every annotation form of the comment paper") {
    struct Case {
        std::string text;
        std::vector<Expect> changes;
    };
    for (const Case& c : std::vector<Case>{
             {"victims and survivors [add: Canada] of trafficking", {{"add", {"Canada"}, "victims and survivors"}}},
             {"adopting an ~~integrated and~~ [delete: Canada, USA] approach",
              {{"delete", {"Canada", "United States"}, "integrated and"}}},
             {"States parties ~~should~~ [modify as tracked: UK] consider", {{"modify", {"United Kingdom"}, "should"}}},
             {"[retain: USA]", {{"retain", {"United States"}, "*"}}},
             {"[retain: \xE2\x80\x9Cshould\xE2\x80\x9C: UK]", {{"retain", {"United Kingdom"}, "should"}}},
             {"to promote [replace with \xE2\x80\x98individuals\xE2\x80\x99: Israel]", {{"replace", {"Israel"}, "individuals"}}},
             {"~~gender~~ [add \xE2\x80\x98gender\xE2\x80\x99: Portugal, Honduras, remove: Iran, Russian Fed.]",
              {{"add", {"Portugal", "Honduras"}, "gender"}, {"remove", {"Iran", "Russian Federation"}, "*"}}},
             {"[option 1: add \xE2\x80\x98in accordance with domestic law\xE2\x80\x99: China, Nigeria, remove: Tunisia]",
              {{"add", {"China", "Nigeria"}, "in accordance with domestic law"}, {"remove", {"Tunisia"}, "*"}}},
             {"[Proposed by the Kyrgyz Republic]", {{"propose", {"Kyrgyzstan"}, ""}}},
             {"[Proposed by Israel as separated from draft recommendation 17]", {{"propose", {"Israel"}, ""}}},
             {"offences they were compelled to commit. [France]", {{"propose", {"France"}, ""}}},
             {"[delete the whole recommendation: Canada, France]", {{"delete", {"Canada", "France"}, "*"}}},
             {"At its [3rd and 4th] meeting[s], on 10 September", {}},
             {"[agreed]", {}},
         }) {
        CAPTURE(c.text);
        CHECK(changes_of(c.text) == c.changes);
    }
}

TEST_CASE("status lines and the text as it reads without annotations") {
    std::vector<Annotation> a = find_annotations("States parties should act.\n[agreed as amended]");
    REQUIRE(a.size() == 1);
    CHECK(a[0].status == "agreed as amended");
    CHECK(find_annotations("[pending]")[0].status == "pending");
    CHECK(reading_text("joint or coordinated [add: Indonesia] investigation teams") ==
          "joint or coordinated investigation teams");
    CHECK(reading_text("[States parties ~~should be encouraged to~~ [modify as tracked: Egypt] strengthen]") ==
          "States parties should be encouraged to strengthen");
    CHECK(annotation_words("a [add: Indonesia] b [pending]") == "add: Indonesia\npending\n");
}
