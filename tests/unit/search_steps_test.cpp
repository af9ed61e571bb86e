// The steps of Searcher::search (query/search/search_steps.h), each on its own: plain
// options, an in-memory index, hits built by hand.
#include <doctest/doctest.h>

#include <xapian.h>

#include <initializer_list>
#include <map>
#include <string>
#include <vector>

#include "model/schema.h"
#include "query/search/search_steps.h"

using namespace verbatim;

namespace {

// Units of three documents, by date: "b" (2019, two units), "a" and "c" (2020), each
// unit's data its "doc#seq", each holding the word "victims".
Xapian::WritableDatabase dated_index() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    struct Row {
        const char *doc, *date;
        int seq;
    };
    for (Row r : std::initializer_list<Row>{{"c", "20200101", 1}, {"b", "20190505", 2}, {"a", "20200101", 1},
                                            {"b", "20190505", 1}, {"a", "20200101", 2}}) {
        Xapian::Document d;
        d.add_term("victims");
        d.add_value(schema::kDateSlot, r.date);
        d.add_value(schema::kDocSlot, r.doc);
        d.add_value(schema::kSeqSlot, Xapian::sortable_serialise(r.seq));
        d.set_data(std::string(r.doc) + "#" + std::to_string(r.seq));
        db.add_document(d);
    }
    db.commit();
    return db;
}

std::vector<std::string> data_of(const RankedMatches& m) {
    std::vector<std::string> out;
    for (const Xapian::MSetIterator& it : m.page) out.push_back(it.get_document().get_data());
    return out;
}

Hit hit_in(const std::string& doc_id, const std::string& lang, const std::string& text) {
    Hit h;
    h.record.doc.id = doc_id;
    h.record.doc.lang = lang;
    h.record.unit.text = text;
    return h;
}

}  // namespace

TEST_CASE("the match window: the page asked for, or every match (bounded) for groups") {
    struct Case {
        size_t offset, limit;
        GroupBy group;
        Xapian::doccount units;
        Xapian::doccount first, count;
        size_t rank_base;
    };
    for (Case c : std::initializer_list<Case>{
             {0, 10, GroupBy::none, 832, 0, 10, 0},
             {20, 5, GroupBy::none, 832, 20, 5, 20},
             {5000, 10, GroupBy::none, 3, 5000, 10, 5000},  // past the end: an empty page
             {20, 5, GroupBy::meeting, 832, 0, 832, 0},     // groups ignore the offset
             {0, 2, GroupBy::document, 90000, 0, kGroupedMatchesLimit, 0},
         }) {
        SearchOptions options;
        options.offset = c.offset;
        options.limit = c.limit;
        options.group = c.group;
        const MatchWindow w = match_window(options, c.units);
        CAPTURE(c.offset);
        CAPTURE(c.units);
        CHECK(w.first == c.first);
        CHECK(w.count == c.count);
        CHECK(w.rank_base == c.rank_base);
        CHECK(w.check_at_least == c.units);  // every match counted
        CHECK(w.grouping == (c.group != GroupBy::none));
    }
}

TEST_CASE("date order for a sort by date and for a query of filters only") {
    ParsedQuery words, filters;
    words.has_text = true;
    SearchOptions options;
    CHECK_FALSE(orders_by_date(options, words));
    CHECK(orders_by_date(options, filters));
    options.sort = SortOrder::oldest;
    CHECK(orders_by_date(options, words));
    options.sort = SortOrder::newest;
    CHECK(orders_by_date(options, words));
}

TEST_CASE("a window of a list stops at its end") {
    const std::vector<int> all{1, 2, 3, 4, 5};
    CHECK(window_of(all, 0, 2) == std::vector<int>{1, 2});
    CHECK(window_of(all, 3, 10) == std::vector<int>{4, 5});
    CHECK(window_of(all, 5, 1).empty());
    CHECK(window_of(all, 9, 1).empty());
    CHECK(window_of(std::vector<int>{}, 0, 3).empty());
}

TEST_CASE("dated matches: by date, then document, then unit; the same here as by Xapian's sort") {
    Xapian::WritableDatabase db = dated_index();
    SearchOptions options;
    options.limit = 3;
    options.offset = 1;
    const MatchWindow window = match_window(options, db.get_doccount());
    for (bool remote : {false, true}) {
        CAPTURE(remote);
        Xapian::Enquire newest(db);
        newest.set_query(Xapian::Query("victims"));
        RankedMatches m = dated_matches(newest, window, true, remote);
        // Newest first: a#1 a#2 c#1 b#1 b#2, from the second.
        CHECK(data_of(m) == std::vector<std::string>{"a#2", "c#1", "b#1"});
        CHECK(m.mset.get_matches_estimated() == 5);
        CHECK(m.documents.empty());
        Xapian::Enquire oldest(db);
        oldest.set_query(Xapian::Query("victims"));
        CHECK(data_of(dated_matches(oldest, window, false, remote)) == std::vector<std::string>{"b#2", "a#1", "a#2"});
    }
}

TEST_CASE("a result counts every match, and its hits are ranked from the window's start") {
    Xapian::WritableDatabase db = dated_index();
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("victims"));
    RankedMatches m = dated_matches(enquire, match_window(SearchOptions{}, db.get_doccount()), true, false);
    const SearchResult counts = counted(m.mset);
    CHECK(counts.total == 5);
    CHECK(counts.total_exact);
    CHECK(counts.total_at_least == 5);

    auto record = [](const Xapian::Document& d) {
        UnitRecord r;
        r.unit.text = d.get_data();
        return r;
    };
    std::vector<Hit> hits = hits_of(m, 20, record);
    REQUIRE(hits.size() == 5);
    CHECK(hits[0].rank == 21);
    CHECK(hits[4].rank == 25);
    CHECK(hits[0].record.unit.text == "a#1");
    // Documents read with the page (remote shards) are used instead of the index's.
    Xapian::Document fetched;
    fetched.set_data("fetched");
    m.documents.assign(m.page.size(), fetched);
    CHECK(hits_of(m, 0, record)[2].record.unit.text == "fetched");
}

TEST_CASE("groups by meeting or document: newest group first, the best hits of each in order") {
    auto hit = [](const std::string& id, const std::string& meeting, const std::string& date, size_t rank) {
        Hit h;
        h.record.doc.id = id;
        h.record.doc.meeting = meeting;
        h.record.doc.date = date;
        h.record.doc.symbol = id;
        h.rank = rank;
        return h;
    };
    SearchResult result;
    result.hits = {hit("x.en", "tenth meeting", "2020-10-09", 1), hit("y.en", "ninth meeting", "2019-07-01", 2),
                   hit("z.en", "tenth meeting", "2020-09-28", 3), hit("x.en", "tenth meeting", "2020-10-09", 4)};
    SearchOptions options;
    options.group = GroupBy::meeting;
    options.limit = 2;
    SearchResult by_meeting = result;
    group_hits(by_meeting, options);
    CHECK(by_meeting.hits.empty());
    REQUIRE(by_meeting.groups.size() == 2);
    CHECK(by_meeting.groups[0].key == "tenth meeting");
    CHECK(by_meeting.groups[0].count == 3);
    REQUIRE(by_meeting.groups[0].hits.size() == 2);  // the limit per group
    CHECK(by_meeting.groups[0].hits[0].rank == 1);
    CHECK(by_meeting.groups[0].hits[1].rank == 3);
    CHECK(by_meeting.groups[0].first_date == "2020-09-28");
    CHECK(by_meeting.groups[0].last_date == "2020-10-09");
    CHECK(by_meeting.groups[1].key == "ninth meeting");

    options.group = GroupBy::document;
    group_hits(result, options);
    REQUIRE(result.groups.size() == 3);
    CHECK(result.groups[0].key == "x.en");
    CHECK(result.groups[0].count == 2);
}

TEST_CASE("snippets: each hit highlighted in its document's language, one analyser per language") {
    SearchResult result;
    result.hits = {hit_in("a.en", "en", "Victims were protected."), hit_in("b.fr", "fr", "Les victimes sont protégées.")};
    result.groups.push_back(HitGroup{});
    result.groups[0].hits = {hit_in("c.en", "en", "No victim was punished.")};
    std::map<std::string, Analyser> analysers;
    std::map<std::string, int> asked;
    const Highlight highlight{{"victims", "victimes"}, {}};
    add_snippets(result, highlight, [&](const std::string& lang) -> const Analyser& {
        ++asked[lang];
        return analysers.try_emplace(lang, lang).first->second;
    });
    CHECK(render_marked(result.hits[0].snippet, "[", "]") == "[Victims] were protected.");
    CHECK(render_marked(result.hits[1].snippet, "[", "]") == "Les [victimes] sont protégées.");
    CHECK(render_marked(result.groups[0].hits[0].snippet, "[", "]") == "No victim was punished.");
    CHECK(asked == std::map<std::string, int>{{"en", 1}, {"fr", 1}});
}

TEST_CASE("hits of a document in several languages are marked, each document asked once") {
    SearchResult result;
    result.hits = {hit_in("a.en", "en", ""), hit_in("b.en", "en", ""), hit_in("a.en", "en", "")};
    result.groups.push_back(HitGroup{});
    result.groups[0].hits = {hit_in("a.en", "en", "")};
    std::map<std::string, int> asked;
    mark_language_versions(result, [&](const DocumentMeta& d) {
        ++asked[d.id];
        return d.id == "a.en";
    });
    CHECK(result.hits[0].record.doc.other_languages);
    CHECK_FALSE(result.hits[1].record.doc.other_languages);
    CHECK(result.hits[2].record.doc.other_languages);
    CHECK(result.groups[0].hits[0].record.doc.other_languages);
    CHECK(asked == std::map<std::string, int>{{"a.en", 1}, {"b.en", 1}});
}
