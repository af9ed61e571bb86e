#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <set>

#include "query/search/query_parser.h"

using namespace verbatim;

namespace {

// A vocabulary like an index that holds "non-punishment" written with a hyphen.
Vocabulary vocabulary_of(std::set<std::string> terms) {
    return [terms = std::move(terms)](const std::string& t) { return terms.count(t) > 0; };
}

// Each stem key stands for itself as its one form, so a description shows the stems
// (the expansion into indexed forms is tested on its own below).
std::vector<std::string> key_as_form(const std::string& key) { return {key}; }

std::string describe(const std::string& query, const Vocabulary& vocabulary = vocabulary_of({})) {
    Analyser analyser("en");
    return parse_query(query, analyser, vocabulary, key_as_form).query.get_description();
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("words are ANDed and stemmed; phrases use exact positions") {
    std::string d = describe("victims trafficking");
    CHECK(contains(d, "Zvictim"));
    CHECK(contains(d, "Ztraffick"));
    CHECK(contains(d, " AND "));
    std::string p = describe("\"joint investigation teams\"");
    CHECK(contains(p, "PHRASE 3"));
    CHECK(contains(p, "joint"));
    CHECK_FALSE(contains(p, "Zjoint"));
}

TEST_CASE("a stemmed word is the synonym of the forms indexed under its stem") {
    Analyser en("en");
    std::map<std::string, std::vector<std::string>> index{{"Zpunish", {"punished", "punishment"}}};
    StemForms forms = [&](const std::string& key) {
        auto it = index.find(key);
        return it == index.end() ? std::vector<std::string>{} : it->second;
    };
    ParsedQuery q = parse_query("punishes", en, vocabulary_of({}), forms);
    std::string d = q.query.get_description();
    CAPTURE(d);
    CHECK(contains(d, "punished SYNONYM punishment"));
    CHECK_FALSE(contains(d, "Zpunish"));
    CHECK(q.highlight_terms.count("Zpunish") == 1);  // snippets still highlight by stem
    // A stem the index never saw matches nothing, and so does a query needing it.
    CHECK(parse_query("victims", en, vocabulary_of({}), forms).query.get_description() == "Query()");
    CHECK(parse_query("punished victims", en, vocabulary_of({}), forms).query.get_description() == "Query()");
}

TEST_CASE("OR, NOT, minus and parentheses") {
    CHECK(contains(describe("victims OR survivors"), " OR "));
    CHECK(contains(describe("victims -children"), "AND_NOT"));
    CHECK(contains(describe("victims NOT children"), "AND_NOT"));
    CHECK(contains(describe("NOT children"), "AND_NOT"));  // everything except
    std::string g = describe("(victims OR survivors) protection");
    CHECK(contains(g, " OR "));
    CHECK(contains(g, " AND "));
}

TEST_CASE("the three ways to write a compound give the same query shape") {
    Vocabulary vocab = vocabulary_of({"non", "punishment", "nonpunishment", "principle"});
    std::string hyphen = describe("non-punishment", vocab);
    std::string spaced = describe("non punishment", vocab);
    std::string joined = describe("nonpunishment", vocab);
    for (const std::string& d : {hyphen, spaced, joined}) {
        CAPTURE(d);
        CHECK(contains(d, "Znonpunish"));
        CHECK(contains(d, "PHRASE 2"));
        CHECK(contains(d, "non"));
        CHECK(contains(d, "punishment"));
    }
    // Without evidence that the two words form one, they are two words.
    std::string plain = describe("non punishment", vocabulary_of({}));
    CHECK(contains(plain, " AND "));
    CHECK_FALSE(contains(plain, "nonpunish"));
    // Inside a phrase, each spelling is tried.
    std::string phrase = describe("\"nonpunishment principle\"", vocab);
    CHECK(contains(phrase, "PHRASE 3"));
    CHECK(contains(phrase, "PHRASE 2"));
}

TEST_CASE("field filters") {
    CHECK(contains(describe("symbol:CTOC/COP/WG.4/2020/4 victims"), "XSctoc/cop/wg.4/2020/4"));
    CHECK(contains(describe("year:2019"), "Y2019"));
    CHECK(contains(describe("kind:rec victims"), "Krecommendation"));
    CHECK(contains(describe("doc:\"chair-notes\""), "XNchair-notes"));
    CHECK(contains(describe("Note: victims"), "Znote"));  // a colon after a word is not a field
}

TEST_CASE("malformed queries say what is wrong and where") {
    struct Case {
        const char* query;
        const char* message;
        size_t column;
    };
    for (Case c : std::initializer_list<Case>{
             {"", "empty query", 1},
             {"   ", "empty query", 1},
             {"\"non-punishment principle", "never closed", 1},
             {"victims (protection", "'(' at column 9 is never closed", 9},
             {"victims)", "')' at column 8 has no matching '('", 8},
             {"OR victims", "'OR' at column 1 needs a search term before it", 1},
             {"victims OR", "'OR' at column 9 needs a search term after it", 9},
             {"victims NOT", "must be followed by a term", 9},
             {"foo:bar victims", "unknown field 'foo:'", 1},
             {"year:19", "a year has four digits", 1},
             {"kind:chapter", "the kinds are", 1},
             // Found by fuzz_query (CI): 20 digits made std::stoi throw out of the parser.
             {"meeting:166666666666666666666 t", "give the meeting's number or ordinal", 1},
             {"victims ()", "empty parentheses", 9},
             {"\"\"", "has no words", 1},
             {"+++ ---", "nothing to search for", 1},
             {"tab\x01here", "control character", 4},
         }) {
        std::string query = c.query;
        CAPTURE(query);
        Analyser analyser("en");
        try {
            parse_query(c.query, analyser, vocabulary_of({}), key_as_form);
            FAIL("expected a QueryError");
        } catch (const QueryError& e) {
            CHECK(contains(e.what(), c.message));
            CHECK(e.column == c.column);
        }
    }
    Analyser analyser("en");
    CHECK_THROWS_AS(parse_query(std::string(kMaxQueryLength + 1, 'a'), analyser, vocabulary_of({}), key_as_form),
                    QueryError);
}

namespace {

// An index that holds `indexed`; analysers built on demand, one per language.
struct Languages {
    std::map<std::string, std::unique_ptr<Analyser>> analysers;
    QueryLanguages languages;
    explicit Languages(std::vector<std::string> indexed) {
        languages.analyser_for = [this](const std::string& lang) -> const Analyser& {
            auto& slot = analysers[lang];
            if (!slot) slot = std::make_unique<Analyser>(lang);
            return *slot;
        };
        languages.indexed = std::move(indexed);
    }
    ParsedQuery parse(const std::string& query) {
        return parse_query(query, languages, vocabulary_of({}), key_as_form);
    }
};

std::string joined(const std::set<std::string>& s) {
    std::string out;
    for (const auto& x : s) out += (out.empty() ? "" : ",") + x;
    return out;
}

}  // namespace

TEST_CASE("a query is analysed in the language it is written in") {
    Languages six({"ar", "en", "es", "fr", "ru", "zh"});
    // The script decides Arabic, Cyrillic and Chinese.
    CHECK(joined(six.parse("наказание").languages) == "ru");
    CHECK(contains(six.parse("наказание").query.get_description(), "Zнаказан"));
    CHECK(joined(six.parse("العقوبات").languages) == "ar");
    CHECK(joined(six.parse("惩罚").languages) == "zh");
    // A clear Latin query: its language only.
    ParsedQuery es = six.parse("sanción");
    CHECK(joined(es.languages) == "es");
    CHECK(contains(es.query.get_description(), "Zsancion"));
    // An unsure one: each Latin language the index holds, any stem may match.
    ParsedQuery unsure = six.parse("sanciones");
    CHECK(joined(unsure.languages) == "en,es,fr");
    CHECK(contains(unsure.query.get_description(), "Zsancion"));
    // Only the Latin languages the index holds.
    Languages en_ru({"en", "ru"});
    CHECK(joined(en_ru.parse("sanctions").languages) == "en");
    // lang: in the query wins over everything.
    CHECK(joined(six.parse("sanctions lang:fr").languages) == "fr");
    CHECK(joined(six.parse("UNAMID lang:ru").languages) == "ru");
    // ... unless it is excluded.
    CHECK(joined(six.parse("the punishment of the victims -lang:fr").languages) == "en");
    // Words of several scripts: each in its own.
    CHECK(joined(six.parse("наказание punishment of the victims").languages) == "en,ru");
}

TEST_CASE("a Chinese query of several words is a phrase of ICU words, not scattered characters") {
    Languages six({"zh"});
    std::string d = six.parse("令人发指的惩罚").query.get_description();
    CAPTURE(d);
    CHECK(contains(d, "PHRASE 5"));
    CHECK(contains(d, "令人"));
    CHECK(contains(d, "惩罚"));
    // One word: its (unstemmed) form.
    CHECK(contains(six.parse("惩罚").query.get_description(), "Z惩罚"));
}

TEST_CASE("an Arabic word meets its forms with and without the article") {
    Languages six({"ar"});
    std::string d = six.parse("عقوبات").query.get_description();
    Analyser ar("ar");
    CHECK(contains(d, "Z" + ar.stem("عقوبات")));
    CHECK(contains(d, "Z" + ar.stem("العقوبات")));
}
