// The steps of find_reuse (query/reuse/reuse_steps.h), each on its own: an in-memory
// index, units and word spans built by hand.
#include <doctest/doctest.h>

#include <xapian.h>

#include <algorithm>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

#include "analysis/shingles.h"
#include "indexer/index/writer.h"
#include "query/reuse/reuse_steps.h"
#include "tests/unit/test_helpers.h"

using namespace verbatim;

namespace {

// Source words 0, 1, 2, ... at bytes [10 i, 10 i + 5).
std::vector<AlignedWord> spaced_words(size_t n) {
    std::vector<AlignedWord> words;
    for (size_t i = 0; i < n; ++i) words.push_back({"w" + std::to_string(i), 10 * i, 10 * i + 5});
    return words;
}

UnitRecord record_of(const std::string& text, const std::string& type = "report", const std::string& date = "2020-09-28") {
    UnitRecord r;
    r.doc.id = "ctoc-cop-wg.4-2020-4.en";
    r.doc.lang = "en";
    r.doc.type = type;
    r.doc.date = date;
    r.unit.text = text;
    return r;
}

ReuseMatch match(double score, double coverage, const std::string& date, const std::string& doc = "d", int seq = 1) {
    ReuseMatch m;
    m.score = score;
    m.coverage = coverage;
    m.record.doc.date = date;
    m.record.doc.id = doc;
    m.record.unit.seq = seq;
    return m;
}

}  // namespace

TEST_CASE("reuse candidates: the unit sharing a passage first, then units sharing rare words, each once") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Analyser en("en");
    const std::string source = "States parties should strengthen the capacity of front-line actors to identify victims";
    std::vector<Xapian::docid> filler;
    for (int i = 0; i < 10; ++i) {
        Xapian::Document d;
        add_text_terms(d, en, "the meeting was held in Vienna");
        filler.push_back(db.add_document(d));
    }
    Xapian::Document shares_passage, shares_word;
    add_text_terms(shares_passage, en, source);
    add_text_terms(shares_word, en, "a report on zanzibar");
    const Xapian::docid passage_id = db.add_document(shares_passage), word_id = db.add_document(shares_word);
    db.commit();
    const StemForms forms = [](const std::string& key) -> std::vector<std::string> { return {key.substr(1)}; };
    const std::vector<Xapian::docid> ids = reuse_candidates(db, test::reuse_keys_of(source + " in zanzibar"), forms, 5, false);
    REQUIRE(!ids.empty());
    CHECK(ids.front() == passage_id);
    CHECK(std::count(ids.begin(), ids.end(), word_id) == 1);
    CHECK(std::count(ids.begin(), ids.end(), passage_id) == 1);
}

TEST_CASE("the diff window: the aligned span with the draft's context either side, within the source") {
    const std::vector<AlignedWord> source = spaced_words(40);
    struct Case {
        std::vector<Tile> tiles;  // in draft order
        size_t draft_words;
        WordSpan aligned;
        WordSpan expected;
    };
    for (const Case& c : std::vector<Case>{
             // The draft starts with its passage and ends 2 words after it: 3 before, 2 * 2 + 3 after.
             {{{0, 10, 5}}, 7, {10, 15}, {7, 22}},
             // 4 draft words before the passage: 2 * 4 + 3 = 11 source words before, from 0 at the least.
             {{{4, 5, 6}}, 10, {5, 11}, {0, 14}},
             // Two passages: context for the draft word before the first, a few words after the last.
             {{{1, 20, 3}, {6, 30, 3}}, 9, {20, 33}, {15, 36}},
             // Context past the source's end stops at its last word.
             {{{0, 35, 5}}, 30, {35, 40}, {32, 40}},
         }) {
        CAPTURE(c.aligned.from);
        const WordSpan w = diff_window(c.tiles, c.draft_words, source, c.aligned, std::nullopt);
        CHECK(w.from == c.expected.from);
        CHECK(w.to == c.expected.to);
    }
    // A quotation is its own context: the window stays inside its bytes [95, 175).
    QuotedPassage quoted{"A/RES/74/176, para. 7", "A/RES/74/176", 95, 175};
    const WordSpan w = diff_window({{0, 12, 3}}, 10, source, {12, 15}, quoted);
    CHECK(w.from == 10);  // the word at byte 100, the first inside the quotation
    CHECK(w.to == 18);    // the word ending at byte 175 is the last inside it
}

TEST_CASE("aligning one candidate: passages, coverage, status, diff and explanation; too little is no match") {
    Analyser en("en");
    const std::string draft_text = "States should strengthen the capacity of front-line actors to identify victims early";
    const std::vector<AlignedWord> draft = aligned_words(draft_text, en);
    std::map<std::string, int> asked;
    const AnalyserFor analyser_for = [&](const std::string& lang) -> const Analyser& {
        ++asked[lang];
        return en;
    };
    ReuseOptions options;
    std::optional<ReuseMatch> m = align_candidate(
        draft_text, draft, en,
        record_of("Member States should strengthen the capacity of front-line actors to identify victims of trafficking."),
        analyser_for, options);
    REQUIRE(m);
    CHECK(m->coverage > 0.8);
    REQUIRE(m->passages.size() == 1);
    CHECK(m->passages[0].source_text == "States should strengthen the capacity of front-line actors to identify victims");
    CHECK(m->status.name == "adopted");
    CHECK(m->score == doctest::Approx(m->coverage + 0.05));
    CHECK(m->explanation.find("shares 92% of the text in 1 passage") == 0);
    CHECK(m->explanation.find("; dated 2020-09-28") != std::string::npos);
    CHECK(std::any_of(m->diff.begin(), m->diff.end(), [](const DiffOp& op) { return op.kind == DiffOp::Kind::inserted; }));
    CHECK(asked.empty());  // an English source is read by the draft's analyser

    // Three words in common: a coincidence.
    CHECK_FALSE(align_candidate(draft_text, draft, en, record_of("They identify victims early on."), analyser_for, options));

    // Inside a quotation from a resolution: the quoted source's language, adopted.
    UnitRecord quoting = record_of("As the Assembly said, \"States should strengthen the capacity of front-line actors\".",
                                   "crp");
    const size_t start = quoting.unit.text.find('"') + 1;
    quoting.unit.quotations.push_back({"A/RES/74/176, para. 7", "A/RES/74/176", start, quoting.unit.text.rfind('"')});
    std::optional<ReuseMatch> quoted = align_candidate(draft_text, draft, en, quoting, analyser_for, options);
    REQUIRE(quoted);
    REQUIRE(quoted->quoted);
    CHECK(quoted->quoted->symbol == "A/RES/74/176");
    CHECK(quoted->status.name == "adopted");

    // A source in another language is read by its own analyser.
    UnitRecord french = record_of("Les États devraient renforcer les capacités des acteurs de première ligne.");
    french.doc.lang = "fr";
    CHECK_FALSE(align_candidate(draft_text, draft, en, french, analyser_for, options));
    CHECK(asked == std::map<std::string, int>{{"fr", 1}});
}

TEST_CASE("the ranking: score, then the earliest date, then document and unit; quotations held whole first") {
    struct Case {
        ReuseMatch a, b;
        bool earliest_first;
        bool a_first;
    };
    for (const Case& c : std::vector<Case>{
             {match(0.9, 0.9, "2020-01-01"), match(0.8, 0.8, "2010-01-01"), false, true},   // score
             {match(0.8, 0.8, "2010-01-01"), match(0.8, 0.8, "2020-01-01"), false, true},   // then date
             {match(0.8, 0.8, ""), match(0.8, 0.8, "2020-01-01"), false, false},            // undated last
             {match(0.8, 0.8, "2020", "a"), match(0.8, 0.8, "2020", "b"), false, true},     // then document
             {match(0.8, 0.8, "2020", "a", 3), match(0.8, 0.8, "2020", "a", 2), false, false},  // then unit
             // Quotations: among those holding 90% of it, the earliest wins over a higher score.
             {match(1.0, 1.0, "2020-01-01"), match(0.95, 0.92, "2010-01-01"), true, false},
             {match(0.95, 0.92, "2010-01-01"), match(0.85, 0.85, "2000-01-01"), true, true},
             {match(1.0, 1.0, "2020-01-01"), match(0.95, 0.92, "2010-01-01"), false, true},
         }) {
        CAPTURE(c.a.score);
        CAPTURE(c.b.score);
        CAPTURE(c.earliest_first);
        CHECK(ranks_before(c.a, c.b, c.earliest_first) == c.a_first);
        CHECK_FALSE(ranks_before(c.a, c.a, c.earliest_first));
    }
}
