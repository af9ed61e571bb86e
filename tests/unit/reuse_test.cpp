#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "analysis/shingles.h"
#include "indexer/index/writer.h"
#include "query/reuse/alignment.h"
#include "query/reuse/reuse.h"
#include "tests/unit/test_helpers.h"

using namespace verbatim;

TEST_CASE("winnowing keeps a shared fingerprint for any shared run of six words") {
    std::string shared = "strengthen the capacity of front-line actors to identify victims";
    std::vector<std::string> a = test::reuse_keys_of("Member States should " + shared + " of trafficking in persons.");
    std::vector<std::string> b = test::reuse_keys_of("In 2018 the Working Group asked States to " + shared + " without delay.");
    std::vector<uint64_t> wa = winnow(shingle_hashes(a)), wb = winnow(shingle_hashes(b));
    std::set<uint64_t> sa(wa.begin(), wa.end());
    CHECK(std::any_of(wb.begin(), wb.end(), [&](uint64_t h) { return sa.count(h) > 0; }));
    // Winnowing keeps fewer fingerprints than there are shingles.
    std::vector<uint64_t> all = shingle_hashes(a);
    CHECK(wa.size() < all.size());
    // Stems: inflection does not break a fingerprint.
    CHECK(shingle_hashes(test::reuse_keys_of("protects the victims")) == shingle_hashes(test::reuse_keys_of("protect the victim")));
    // 15 bits: hashes that differ only above them share a term (winnowing chose on the
    // whole hash, so shared runs still share terms).
    CHECK(shingle_term(42).size() == 2 + 3);
    CHECK(shingle_term(42) == shingle_term(42 | (uint64_t{1} << 15)));
    CHECK(shingle_term(42) != shingle_term(42 | (uint64_t{1} << 14)));
    CHECK(shingle_term(42) != shingle_term(43));
}

TEST_CASE("fingerprint candidates: the unit sharing most comes before many sharing one common 3-gram") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Analyser en("en");
    const std::string source =
        "The General Assembly reaffirms the purposes and principles of the United Nations Charter and calls upon "
        "all Member States to settle their disputes by peaceful means in accordance with international law.";
    // Indexed first, as on a big corpus: units that share only "of the united".
    for (int i = 0; i < 80; ++i) {
        Xapian::Document decoy;
        add_text_terms(decoy, en, "of the United Nations");
        db.add_document(decoy);
    }
    Xapian::Document real;
    add_text_terms(real, en, source);
    const Xapian::docid real_id = db.add_document(real);
    db.commit();
    std::vector<Xapian::docid> ids = shingle_candidates(db, test::reuse_keys_of(source), 60);
    REQUIRE(!ids.empty());
    CHECK(ids.front() == real_id);
}

TEST_CASE("greedy string tiling finds reordered shared passages") {
    Analyser a("en");
    std::string draft = "to identify victims early, States should strengthen the capacity of front-line actors";
    std::string source = "Strengthen the capacity of front-line actors to identify victims of trafficking";
    auto d = aligned_words(draft, a), s = aligned_words(source, a);
    std::vector<Tile> tiles = greedy_string_tiling(d, s, 3);
    REQUIRE(tiles.size() == 2);
    CHECK(tiles[0].length == 7);  // strengthen the capacity of front line actors: longest first
    CHECK(tiles[1].length == 3);  // to identify victims
    CHECK(greedy_string_tiling(d, s, 8).empty());
}

TEST_CASE("the word diff shows inserted and removed words, keeping hyphens") {
    Analyser a("en");
    std::string draft = "States parties should strengthen the capacity of front-line actors";
    std::string source = "Strengthen the capacity of front-line officials";
    std::vector<DiffOp> ops = word_diff(draft, aligned_words(draft, a), source, aligned_words(source, a));
    std::vector<std::pair<std::string, std::string>> got;
    for (const auto& op : ops) got.emplace_back(to_string(op.kind), op.text);
    CHECK(got == std::vector<std::pair<std::string, std::string>>{{"inserted", "States parties should"},
                                                                  {"same", "strengthen the capacity of front-line"},
                                                                  {"removed", "officials"},
                                                                  {"inserted", "actors"}});
}

namespace {

std::vector<std::pair<std::string, std::string>> diff_of(const std::string& draft, const std::string& source) {
    Analyser a("en");
    std::vector<std::pair<std::string, std::string>> got;
    for (const auto& op : word_diff(draft, aligned_words(draft, a), source, aligned_words(source, a)))
        got.emplace_back(to_string(op.kind), op.text);
    return got;
}

}  // namespace

TEST_CASE("issue 18: the word diff aligns on words and cuts the source to the aligned span") {
    using Ops = std::vector<std::pair<std::string, std::string>>;
    // A source that says more on both sides: what the draft does not cover is cut ("…"),
    // never shown as removed, and the draft's first word aligns with the source's.
    CHECK(diff_of("I congratulate you on your election",
                  "Mr. President, I would like to congratulate you on your election. Sea-level rise threatens us all.") ==
          Ops{{"cut", "\xE2\x80\xA6"},
              {"same", "I"},
              {"removed", "would like to"},
              {"same", "congratulate you on your election"},
              {"cut", "\xE2\x80\xA6"}});
    // No double spaces inside removed words.
    CHECK(diff_of("the protection of victims", "the protection  and\n\nsupport  of victims") ==
          Ops{{"same", "the protection"}, {"removed", "and support"}, {"same", "of victims"}});
    // A bracket opened in removed words is closed there too.
    CHECK(diff_of("victims of trafficking", "victims and survivors [add: Canada] of trafficking") ==
          Ops{{"same", "victims"}, {"removed", "and survivors [add: Canada]"}, {"same", "of trafficking"}});
    // Nothing in common: no span to cut to.
    CHECK(diff_of("peace", "war") == Ops{{"removed", "war"}, {"inserted", "peace"}});
    // The same text: one run, nothing cut.
    CHECK(diff_of("the protection of victims", "The protection of victims.") == Ops{{"same", "the protection of victims"}});
}

TEST_CASE("source status: adopted first") {
    DocumentMeta report, crp, notes;
    report.type = "report";
    crp.type = "crp";
    notes.type = "statement";
    Unit rec;
    rec.kind = UnitKind::recommendation;
    rec.text = "States parties should act.\n[agreed]";
    Unit note;
    note.kind = UnitKind::footnote;
    CHECK(status_of(report, rec).name == "adopted");
    CHECK(status_of(crp, rec).name == "agreed");
    rec.text = "States parties should act.\n[pending]";
    CHECK(status_of(crp, rec).name == "draft");
    CHECK(status_of(crp, note).name == "comment");
    CHECK(status_of(notes, note).name == "statement");
    CHECK(status_of(report, rec).rank < status_of(crp, rec).rank);
}

TEST_CASE("word candidates: the rarest stems of the text, each the synonym of its forms") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Analyser en("en");
    for (int i = 0; i < 20; ++i) {
        Xapian::Document unit;
        add_text_terms(unit, en, i == 7 ? "the nations of zanzibar" : "the nations of the world");
        db.add_document(unit);
    }
    db.commit();
    // The index's forms of a stem: here the forms are the words that stem to it.
    const StemForms forms = [](const std::string& key) -> std::vector<std::string> {
        if (key == "Znation") return {"nation", "nations"};
        if (key == "Zthe" || key == "Zof" || key == "Zzanzibar") return {key.substr(1)};
        return {};
    };
    const std::vector<std::string> keys = test::reuse_keys_of("the nations of Zanzibar");
    const std::string one = rarest_words_query(db, keys, forms, 1).get_description();
    CHECK(one.find("zanzibar") != std::string::npos);
    CHECK(one.find("the") == std::string::npos);
    const std::string two = rarest_words_query(db, keys, forms, 2).get_description();
    CHECK(two.find("SYNONYM") != std::string::npos);  // "nation" is its two forms
    CHECK(two.find("nations") != std::string::npos);
    CHECK(two.find("of") == std::string::npos);
}
