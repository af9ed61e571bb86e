// Stemmed search without stem postings: the writer records each exact form under its
// stem (model/stem_forms.h) and a word query is the synonym of those forms, in one
// database, after compaction, across shards and across the merged parts of a new index.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "indexer/extract/text_layout.h"
#include "indexer/index/shards.h"
#include "indexer/index/writer.h"
#include "indexer/structure/document_builder.h"
#include "model/schema.h"
#include "indexer/index/compactor.h"
#include "model/stem_forms.h"
#include "query/reuse/reuse.h"
#include "query/search/searcher.h"
#include "tests/unit/test_helpers.h"

using namespace verbatim;
namespace fs = std::filesystem;
using verbatim::test::TempDir;

namespace {

// A one-paragraph report of `year` whose paragraph is `sentence`.
Document report(int n, int year, const std::string& sentence, const std::string& lang = "en") {
    std::string text = "A/" + std::to_string(70 + n) + "/1\n\nDistr.: General 1 March " + std::to_string(year) +
                       "\n\n1. " + sentence + "\n";
    Document doc = build_document(lay_out_text(text), "doc" + std::to_string(n) + ".txt", nullptr);
    doc.meta.lang = lang;
    return doc;
}

std::vector<Xapian::Document> units_of(const Document& doc) {
    Analyser analyser(doc.meta.lang);
    std::vector<Xapian::Document> units;
    for (const Unit& unit : doc.units) units.push_back(unit_document(doc.meta, unit, analyser));
    return units;
}

// The texts of the units a query finds.
std::vector<std::string> found(const fs::path& db, const std::string& query) {
    Searcher searcher(db);
    SearchOptions options;
    options.query = query;
    options.limit = 50;
    std::vector<std::string> texts;
    for (const Hit& hit : searcher.search(options).hits) texts.push_back(hit.record.unit.text);
    std::sort(texts.begin(), texts.end());
    return texts;
}

bool has(const std::vector<std::string>& texts, const std::string& word) {
    return std::any_of(texts.begin(), texts.end(), [&](const std::string& t) { return t.find(word) != std::string::npos; });
}

const std::string kPunishment = "The principle of non-punishment protects victims.";
const std::string kPunished = "No victim should be punished for acts they were compelled to commit.";

}  // namespace

TEST_CASE("every form of a word is found by its stem, with no stem postings, also after compaction") {
    TempDir dir("stem-one");
    const fs::path db = dir.path / "index.db";
    {
        IndexWriter writer(db);
        writer.begin_batch();
        writer.replace_document(report(1, 2019, kPunishment));
        writer.replace_document(report(2, 2020, kPunished));
        writer.replace_document(report(3, 2020, kPunished));  // a known form: recorded once
        writer.commit_batch();
    }
    {
        Xapian::Database reader(db.string());
        CHECK(reader.allterms_begin("Z") == reader.allterms_end("Z"));
        CHECK(split_stem_forms(reader.get_metadata("Zpunish")) == std::vector<std::string>{"punishment", "punished"});
    }
    for (const char* query : {"punished", "punishment", "punishes"}) {
        CAPTURE(query);
        std::vector<std::string> texts = found(db, query);
        CHECK(texts.size() == 3);
        CHECK(has(texts, "non-punishment"));
        CHECK(has(texts, "punished"));
    }
    CHECK(found(db, "unheardof").empty());  // a stem with no forms matches nothing
    {
        IndexWriter writer(db);
        writer.compact();
    }
    CHECK(found(db, "punished").size() == 3);
}

TEST_CASE("the forms of a stem are read from every shard searched as one") {
    TempDir dir("stem-shards");
    {
        ShardedWriter writer(dir.path, "year");
        writer.begin_batch();
        Document a = report(1, 2019, kPunishment), b = report(2, 2020, kPunished);
        writer.replace_document(a.meta, units_of(a));
        writer.replace_document(b.meta, units_of(b));
        writer.commit_batch();
        writer.compact_created();
    }
    CHECK(fs::exists(dir.path / "shard-2019"));
    CHECK(fs::exists(dir.path / "shard-2020"));
    std::vector<std::string> texts = found(dir.path, "punish");
    CHECK(texts.size() == 2);
    CHECK(has(texts, "non-punishment"));
    CHECK(has(texts, "punished"));
}

TEST_CASE("parts of a new index merged into one keep the forms of every part") {
    TempDir dir("stem-parts");
    const fs::path db = dir.path / "index.db";
    IndexWriter index(db);
    std::vector<fs::path> parts;
    const std::vector<std::string> sentences{kPunishment, kPunished};
    for (size_t k = 0; k < sentences.size(); ++k) {
        parts.push_back(part_path(db, k));
        IndexWriter part(parts.back(), IndexWriter::Durability::scratch);
        part.begin_batch();
        Document doc = report(static_cast<int>(k), 2020, sentences[k]);
        part.add_units(doc.meta, units_of(doc));
        part.commit_batch();
    }
    index.merge_parts(parts);
    Xapian::Database reader(db.string());
    std::vector<std::string> forms = split_stem_forms(reader.get_metadata("Zpunish"));
    std::sort(forms.begin(), forms.end());
    CHECK(forms == std::vector<std::string>{"punished", "punishment"});
    CHECK(found(db, "punishing").size() == 2);
}

TEST_CASE("an Arabic word finds its forms with and without the article") {
    TempDir dir("stem-ar");
    const fs::path db = dir.path / "index.db";
    {
        IndexWriter writer(db);
        writer.replace_document(report(1, 2020, "وتنظر اللجنة في العقوبات المفروضة.", "ar"));
        writer.replace_document(report(2, 2020, "ولا ينبغي فرض عقوبات على الضحايا.", "ar"));
    }
    std::vector<std::string> texts = found(db, "عقوبات");
    CHECK(texts.size() == 2);
    CHECK(found(db, "العقوبات").size() == 2);
}

TEST_CASE("the form list of a stem: each form once; merged lists join") {
    std::string list;
    CHECK(add_stem_form(list, "punished"));
    CHECK(add_stem_form(list, "punish"));
    CHECK_FALSE(add_stem_form(list, "punish"));
    CHECK_FALSE(add_stem_form(list, "punished"));
    CHECK(list == "punished punish");
    IndexCompactor compactor;
    const std::string tags[] = {list, "punishment punish"};
    for (const std::string& key : {std::string("Zpunish"), std::string("\0\xc0Zpunish", 9)})  // as glass passes it
        CHECK(split_stem_forms(compactor.resolve_duplicate_metadata(key, 2, tags)) ==
              std::vector<std::string>{"punished", "punish", "punishment"});
    CHECK(compactor.resolve_duplicate_metadata("doc:x", 2, tags) == list);  // other keys: the first
}

TEST_CASE("a unit in another language than its document is stemmed in its own; a Cyrillic word as Russian") {
    TempDir dir("stem-unit-lang");
    const std::string french = "internationaux";
    Analyser en("en"), fr("fr"), ru("ru");
    REQUIRE(en.stem(french) != fr.stem(french));  // the case where the language matters
    // An English report quoting a French paragraph; its English paragraph names a Russian word.
    std::string text =
        "A/80/1\n\nDistr.: General 1 March 2025\n\n"
        "1. The Committee reviewed the reports of the States parties and the contributions of the agencies.\n\n"
        "2. Les engagements internationaux pris par les États parties doivent être respectés par tous les "
        "gouvernements de la région.\n\n"
        "3. The Russian text uses the word наказаниям for the punishments of the victims.\n";
    Document doc = build_document(lay_out_text(text), "mixed.txt", nullptr);
    doc.meta.lang = "en";
    std::vector<Xapian::Document> units = units_of(doc);
    REQUIRE(units.size() == 3);
    auto has_term = [](const Xapian::Document& d, const std::string& term) {
        auto t = d.termlist_begin();
        t.skip_to(term);
        return t != d.termlist_end() && *t == term;
    };
    CHECK(has_term(units[1], std::string(schema::kUnitLang) + "fr"));
    CHECK_FALSE(has_term(units[0], std::string(schema::kUnitLang) + "en"));  // its document's: no term
    {
        IndexWriter writer(dir.path / "db");
        writer.replace_document(doc.meta, units);
        writer.commit();
    }
    Xapian::Database db((dir.path / "db").string());
    auto forms = [&](const std::string& stem) { return split_stem_forms(db.get_metadata(schema::kStemPrefix + stem)); };
    auto holds = [](const std::vector<std::string>& v, const std::string& w) {
        return std::find(v.begin(), v.end(), w) != v.end();
    };
    CHECK(holds(forms(fr.stem(french)), french));
    CHECK_FALSE(holds(forms(en.stem(french)), french));
    CHECK(holds(forms(ru.stem("наказаниям")), "наказаниям"));
    // So the French singular finds the French plural (the query word is stemmed in every
    // Latin language the index holds, French among them through the unit).
    if (fr.stem("international") == fr.stem(french)) CHECK(has(found(dir.path / "db", "international"), french));

    // Text reuse reads a French draft as French: the singular meets the plural, so the
    // whole draft is one shared passage (English stems would cut it at the word).
    REQUIRE(en.stem("international") != en.stem(french));
    Searcher searcher(dir.path / "db");
    std::vector<ReuseMatch> matches = find_reuse(
        searcher, "Les engagements international pris par les États parties doivent être respectés par tous", {});
    REQUIRE(!matches.empty());
    CHECK(matches[0].record.unit.text.find(french) != std::string::npos);
    CHECK(matches[0].coverage == doctest::Approx(1.0));
}
