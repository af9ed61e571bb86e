#include "query/search/query_parser.h"
#include "query/search/query_fields.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "analysis/language.h"
#include "model/document.h"
#include "model/schema.h"
#include "model/stem_forms.h"
#include "vocabulary/text.h"

namespace verbatim {

QueryError::QueryError(const std::string& message, size_t col) : std::runtime_error(message), column(col) {}

namespace {

// ---------------------------------------------------------------------------
// Lexer

enum class Tok { word, phrase, field, lparen, rparen, op_or, op_and, op_not, minus, end };

struct QueryToken {
    Tok type;
    std::string text;   // word, phrase body, or field value
    std::string field;  // for Tok::field
    size_t column;      // 1-based, in characters
};

size_t column_of(std::string_view text, size_t byte) { return vocabulary::char_count(text.substr(0, byte)) + 1; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Quotes that open and close phrases: straight and curly.
size_t quote_length(std::string_view s, size_t i) {
    if (s[i] == '"') return 1;
    if (s.compare(i, 3, "\xE2\x80\x9C") == 0 || s.compare(i, 3, "\xE2\x80\x9D") == 0 ||
        s.compare(i, 3, "\xE2\x80\x9E") == 0)
        return 3;
    return 0;
}

bool is_known_field(const std::string& name) { return is_query_field(name); }

std::string known_fields_list() {
    std::string out;
    for (const auto& f : query_fields()) out += (out.empty() ? "" : ", ") + f.name + ":";
    return out;
}

std::vector<QueryToken> lex(std::string_view text) {
    std::vector<QueryToken> tokens;
    size_t i = 0;
    while (i < text.size()) {
        char c = text[i];
        if (is_space(c)) {
            ++i;
            continue;
        }
        size_t col = column_of(text, i);
        if (size_t q = quote_length(text, i)) {
            size_t j = i + q, close_len = 0;
            while (j < text.size() && !(close_len = quote_length(text, j))) ++j;
            if (j >= text.size())
                throw QueryError("the quote at column " + std::to_string(col) +
                                     " opens a phrase that is never closed; add a closing \"",
                                 col);
            tokens.push_back({Tok::phrase, std::string(text.substr(i + q, j - i - q)), "", col});
            i = j + close_len;
            continue;
        }
        if (c == '(') {
            tokens.push_back({Tok::lparen, "(", "", col});
            ++i;
            continue;
        }
        if (c == ')') {
            tokens.push_back({Tok::rparen, ")", "", col});
            ++i;
            continue;
        }
        if (c == '-' && i + 1 < text.size() && !is_space(text[i + 1]) && text[i + 1] != '-') {
            tokens.push_back({Tok::minus, "-", "", col});
            ++i;
            continue;
        }
        // A word runs to a space, a parenthesis that closes it, or a quote.
        size_t j = i;
        while (j < text.size() && !is_space(text[j]) && text[j] != ')' && text[j] != '(' && !quote_length(text, j)) ++j;
        std::string word(text.substr(i, j - i));
        i = j;
        if (word == "OR" || word == "|") {
            tokens.push_back({Tok::op_or, word, "", col});
        } else if (word == "AND" || word == "&") {
            tokens.push_back({Tok::op_and, word, "", col});
        } else if (word == "NOT") {
            tokens.push_back({Tok::op_not, word, "", col});
        } else if (size_t colon = word.find(':'); colon != std::string::npos && colon > 0 &&
                   std::all_of(word.begin(), word.begin() + static_cast<long>(colon),
                               [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)); })) {
            std::string name = word.substr(0, colon);
            for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            std::string value = word.substr(colon + 1);
            if (value.empty() && i < text.size() && quote_length(text, i)) {  // field:"quoted value"
                size_t q = quote_length(text, i), k = i + q, close_len = 0;
                while (k < text.size() && !(close_len = quote_length(text, k))) ++k;
                if (k >= text.size())
                    throw QueryError("the quote at column " + std::to_string(column_of(text, i)) +
                                         " is never closed; add a closing \"",
                                     column_of(text, i));
                value = std::string(text.substr(i + q, k - i - q));
                i = k + close_len;
            }
            if (!is_known_field(name)) {
                if (value.empty() || colon + 1 == word.size()) {  // "Note:" is just a word
                    tokens.push_back({Tok::word, word, "", col});
                    continue;
                }
                throw QueryError("unknown field '" + name + ":' at column " + std::to_string(col) +
                                     "; known fields are " + known_fields_list(),
                                 col);
            }
            if (value.empty())
                throw QueryError("the field '" + name + ":' at column " + std::to_string(col) + " needs a value",
                                 col);
            tokens.push_back({Tok::field, value, name, col});
        } else {
            tokens.push_back({Tok::word, word, "", col});
        }
    }
    tokens.push_back({Tok::end, "", "", column_of(text, text.size())});
    return tokens;
}

// ---------------------------------------------------------------------------
// Parser

using Languages = std::vector<std::string>;

// Which stemmers the words of one query go through (see QueryLanguages).
class LanguageChoice {
  public:
    // `fixed`: one language for every word, whatever it is written in.
    LanguageChoice(const std::vector<QueryToken>& tokens, const QueryLanguages& languages, const std::string* fixed) {
        if (fixed) {
            explicit_ = {*fixed};
            return;
        }
        std::string words;
        for (size_t i = 0; i < tokens.size(); ++i) {
            const QueryToken& t = tokens[i];
            bool negated = i > 0 && (tokens[i - 1].type == Tok::minus || tokens[i - 1].type == Tok::op_not);
            if (t.type == Tok::field && t.field == "lang" && !negated) {
                std::string lang = t.text;
                for (char& c : lang) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                if (std::find(explicit_.begin(), explicit_.end(), lang) == explicit_.end()) explicit_.push_back(lang);
            }
            if (t.type == Tok::word || t.type == Tok::phrase) words += t.text + " ";
        }
        // Latin words: the detected language when it is clear and indexed; else every
        // Latin language of the index, so "sanciones" meets Spanish and "sanctions"
        // meets English and French alike.
        LanguageGuess guess = detect_language(words);
        bool sure = guess.script == Script::latin && guess.sure();
        bool only_detected = sure && indexed_has(languages, guess.lang);
        for (const char* lang : kLatinLanguages) {
            bool detected = sure && guess.lang == lang;
            if (detected || (!only_detected && indexed_has(languages, lang))) latin_.push_back(lang);
        }
        if (latin_.empty()) latin_.push_back("en");
    }

    // The languages a word (or phrase) of the query is stemmed in.
    const Languages& of(std::string_view text) const {
        if (!explicit_.empty()) return explicit_;
        Script script = dominant_script(text);
        switch (script) {
            case Script::arabic: return arabic_;
            case Script::cyrillic: return cyrillic_;
            case Script::han: return han_;
            default: return latin_;
        }
    }

  private:
    static bool indexed_has(const QueryLanguages& languages, const std::string& lang) {
        return std::find(languages.indexed.begin(), languages.indexed.end(), lang) != languages.indexed.end();
    }

    Languages explicit_, latin_;
    const Languages arabic_{"ar"}, cyrillic_{"ru"}, han_{"zh"};
};

class Parser {
  public:
    Parser(std::vector<QueryToken> tokens, const QueryLanguages& languages, const LanguageChoice& choice,
           const Vocabulary& vocabulary, const StemForms& forms, ParsedQuery& out)
        : tokens_(std::move(tokens)),
          languages_(languages),
          choice_(choice),
          vocabulary_(vocabulary),
          forms_(forms),
          out_(out) {}

    std::optional<Xapian::Query> parse() {
        std::optional<Xapian::Query> q = parse_or();
        if (peek().type == Tok::rparen)
            throw QueryError("')' at column " + std::to_string(peek().column) + " has no matching '('", peek().column);
        return q;
    }

  private:
    const QueryToken& peek() const { return tokens_[pos_]; }
    const QueryToken& next() { return tokens_[pos_++]; }

    std::optional<Xapian::Query> parse_or() {
        if (peek().type == Tok::op_or)
            throw QueryError("'OR' at column " + std::to_string(peek().column) + " needs a search term before it",
                             peek().column);
        std::vector<Xapian::Query> alternatives;
        std::optional<Xapian::Query> first = parse_and();
        if (first) alternatives.push_back(*first);
        while (peek().type == Tok::op_or) {
            const QueryToken& op = next();
            if (peek().type == Tok::end || peek().type == Tok::rparen || peek().type == Tok::op_or)
                throw QueryError("'OR' at column " + std::to_string(op.column) + " needs a search term after it",
                                 op.column);
            if (auto q = parse_and()) alternatives.push_back(*q);
        }
        if (alternatives.empty()) return std::nullopt;
        if (alternatives.size() == 1) return alternatives.front();
        return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    }

    // One item of an AND list before compounds are resolved.
    struct Item {
        std::optional<Xapian::Query> query;
        std::string plain_term;  // set for a plain one-token word, for compound joining
        const Languages* langs = nullptr;  // the word's languages, for compound joining
        bool negated = false;
        bool filter = false;
    };

    std::optional<Xapian::Query> parse_and() {
        std::vector<Item> items;
        while (true) {
            Tok t = peek().type;
            if (t == Tok::end || t == Tok::rparen || t == Tok::op_or) break;
            if (t == Tok::op_and) {
                const QueryToken& op = next();
                if (items.empty() || peek().type == Tok::end || peek().type == Tok::rparen || peek().type == Tok::op_or)
                    throw QueryError("'AND' at column " + std::to_string(op.column) + " needs a search term on both sides",
                                     op.column);
                continue;
            }
            items.push_back(parse_unary());
        }
        join_compounds(items);
        std::vector<Xapian::Query> positive, negative, filters;
        for (Item& item : items) {
            if (!item.query) continue;
            (item.negated ? negative : item.filter ? filters : positive).push_back(*item.query);
        }
        std::optional<Xapian::Query> result;
        if (!positive.empty())
            result = positive.size() == 1 ? positive.front()
                                          : Xapian::Query(Xapian::Query::OP_AND, positive.begin(), positive.end());
        if (!filters.empty()) {
            Xapian::Query f = filters.size() == 1 ? filters.front()
                                                  : Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
            result = result ? Xapian::Query(Xapian::Query::OP_FILTER, *result, f)
                            : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, f, 0.0);
        }
        if (!negative.empty()) {
            Xapian::Query n(Xapian::Query::OP_OR, negative.begin(), negative.end());
            result = Xapian::Query(Xapian::Query::OP_AND_NOT, result ? *result : Xapian::Query::MatchAll, n);
        }
        return result;
    }

    Item parse_unary() {
        const QueryToken& t = peek();
        if (t.type == Tok::op_not || t.type == Tok::minus) {
            next();
            Tok after = peek().type;
            if (after == Tok::end || after == Tok::rparen || after == Tok::op_or || after == Tok::op_and)
                throw QueryError(std::string(t.type == Tok::minus ? "'-'" : "'NOT'") + " at column " +
                                     std::to_string(t.column) + " must be followed by a term to exclude",
                                 t.column);
            Item inner = parse_unary();
            inner.negated = !inner.negated;
            inner.plain_term.clear();
            return inner;
        }
        return parse_primary();
    }

    Item parse_primary() {
        const QueryToken& t = next();
        Item item;
        switch (t.type) {
            case Tok::lparen: {
                if (peek().type == Tok::rparen)
                    throw QueryError("empty parentheses at column " + std::to_string(t.column), t.column);
                item.query = parse_or();
                if (peek().type != Tok::rparen)
                    throw QueryError("the '(' at column " + std::to_string(t.column) + " is never closed; add a ')'",
                                     t.column);
                next();
                return item;
            }
            case Tok::phrase: {
                const Languages& langs = choice_.of(t.text);
                std::vector<verbatim::Token> tokens = tokenize(t.text, langs);
                if (tokens.empty())
                    throw QueryError("the phrase at column " + std::to_string(t.column) + " has no words in it", t.column);
                item.query = with_cjk_grams(phrase_query(tokens, langs), tokens);
                return item;
            }
            case Tok::field:
                item.query = field_query(t);
                item.filter = true;
                return item;
            case Tok::word: {
                const Languages& langs = choice_.of(t.text);
                std::vector<verbatim::Token> tokens = tokenize(t.text, langs);
                if (tokens.empty()) return item;  // punctuation only: nothing to search
                if (tokens.size() == 1 && tokens[0].role == verbatim::Token::Role::word) {
                    item.plain_term = tokens[0].term;
                    item.langs = &langs;
                    item.query = word_query(tokens[0].term, langs);
                } else {
                    // Several tokens in one word: a compound, or Chinese written without
                    // spaces; either way the words must stand together.
                    item.query = phrase_query(tokens, langs, /*loose_compound=*/true);
                }
                item.query = with_cjk_grams(*item.query, tokens);
                return item;
            }
            default:
                throw QueryError("unexpected '" + t.text + "' at column " + std::to_string(t.column), t.column);
        }
    }

    // --- terms ---------------------------------------------------------------

    // Han, Kana or Hangul: the dictionary's words, or the characters as a phrase of
    // bigrams (Analyser::cjk_grams), so a run that starts or ends inside a dictionary
    // word is found too; a unit holding the words scores on both.
    Xapian::Query with_cjk_grams(const Xapian::Query& words, const std::vector<verbatim::Token>& tokens) {
        std::vector<verbatim::Token> grams = Analyser::cjk_grams(tokens, /*query=*/true);
        if (grams.empty()) return words;
        std::vector<std::string> terms;
        for (const verbatim::Token& g : grams) terms.push_back(g.term);
        Xapian::Query gram_query = terms.size() == 1 ? Xapian::Query(terms.front())
                                                     : Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                                                                     static_cast<Xapian::termcount>(terms.size()));
        out_.has_text = true;
        return Xapian::Query(Xapian::Query::OP_OR, words, gram_query);
    }

    // Segmentation and folding do not depend on the language (ICU's rules and
    // dictionaries cover every script), so any of the word's analysers tokenises it.
    std::vector<verbatim::Token> tokenize(std::string_view text, const Languages& langs) const {
        return languages_.analyser_for(langs.front()).tokenize(text);
    }

    // The word's stems in each of its languages, any of which may match.
    Xapian::Query stem_query(const std::string& term, const Languages& langs) {
        out_.has_text = true;
        std::vector<std::string> stems;
        std::vector<Xapian::Query> queries;
        for (const std::string& lang : langs) {
            out_.languages.insert(lang);
            for (const std::string& stem : languages_.analyser_for(lang).query_stems(term)) {
                std::string stemmed = schema::kStemPrefix + stem;
                if (std::find(stems.begin(), stems.end(), stemmed) != stems.end()) continue;
                stems.push_back(stemmed);
                queries.push_back(stem_key_query(stemmed, forms_));
                out_.highlight_terms.insert(stemmed);  // snippets highlight every form of it
            }
        }
        if (queries.size() == 1) return queries.front();
        return Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
    }

    Xapian::Query exact_phrase(const std::vector<std::string>& terms) {
        out_.has_text = true;
        if (terms.size() == 1) {
            out_.highlight_terms.insert(terms.front());
            return Xapian::Query(terms.front());
        }
        out_.highlight_phrases.push_back(terms);
        return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), static_cast<Xapian::termcount>(terms.size()));
    }

    // Ways an unspaced word could be written as two words ("nonpunishment" ->
    // "non punishment"), kept only where the index holds both halves.
    std::vector<std::pair<std::string, std::string>> splits(const std::string& term) {
        std::vector<std::pair<std::string, std::string>> out;
        if (term.size() < 6 || !std::all_of(term.begin(), term.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); }))
            return out;
        for (size_t cut = 2; cut + 3 <= term.size() && out.size() < 3; ++cut) {
            std::string left = term.substr(0, cut), right = term.substr(cut);
            if (vocabulary_(left) && vocabulary_(right)) out.emplace_back(left, right);
        }
        return out;
    }

    // A plain word: its stem, or the same word written in two parts.
    Xapian::Query word_query(const std::string& term, const Languages& langs) {
        std::vector<Xapian::Query> alternatives{stem_query(term, langs)};
        for (const auto& [left, right] : splits(term)) alternatives.push_back(exact_phrase({left, right}));
        if (alternatives.size() == 1) return alternatives.front();
        return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    }

    // A compound written with spaces or hyphens: the parts as a phrase, or the one word.
    Xapian::Query compound_query(const std::vector<std::string>& parts, const std::string& joined,
                                 const Languages& langs) {
        return Xapian::Query(Xapian::Query::OP_OR, exact_phrase(parts), stem_query(joined, langs));
    }

    // Consecutive plain words that the index knows as one word are that compound.
    void join_compounds(std::vector<Item>& items) {
        for (size_t i = 0; i + 1 < items.size(); ++i) {
            if (items[i].plain_term.empty()) continue;
            for (size_t len = std::min<size_t>(4, items.size() - i); len >= 2; --len) {
                std::vector<std::string> parts;
                std::string joined;
                for (size_t k = i; k < i + len && !items[k].plain_term.empty(); ++k) {
                    parts.push_back(items[k].plain_term);
                    joined += items[k].plain_term;
                }
                if (parts.size() != len || !vocabulary_(joined)) continue;
                items[i].query = compound_query(parts, joined, *items[i].langs);
                items[i].plain_term.clear();
                items.erase(items.begin() + static_cast<long>(i) + 1, items.begin() + static_cast<long>(i + len));
                break;
            }
        }
    }

    // A phrase, or a word that the analyser splits into several tokens. Each
    // compound may be written as its parts or as one word; each word may be written
    // in two parts: every combination is tried (bounded).
    Xapian::Query phrase_query(const std::vector<verbatim::Token>& tokens, const Languages& langs,
                               bool loose_compound = false) {
        using Role = verbatim::Token::Role;
        // Slots: each is a list of alternatives, each alternative a list of terms.
        std::vector<std::vector<std::vector<std::string>>> slots;
        for (size_t i = 0; i < tokens.size(); ++i) {
            if (tokens[i].role == Role::part) {
                std::vector<std::string> parts;
                size_t j = i;
                while (j < tokens.size() && tokens[j].role == Role::part) parts.push_back(tokens[j++].term);
                std::vector<std::vector<std::string>> alts{parts};
                if (j < tokens.size() && tokens[j].role == Role::joined) alts.push_back({tokens[j++].term});
                slots.push_back(std::move(alts));
                i = j - 1;
                continue;
            }
            if (tokens[i].role == Role::joined) continue;
            std::vector<std::vector<std::string>> alts{{tokens[i].term}};
            for (const auto& [l, r] : splits(tokens[i].term)) alts.push_back({l, r});
            slots.push_back(std::move(alts));
        }
        // A single hyphenated word outside quotes: the compound query, stem included.
        if (loose_compound && slots.size() == 1 && slots[0].size() == 2 && slots[0][1].size() == 1)
            return compound_query(slots[0][0], slots[0][1][0], langs);

        std::vector<std::vector<std::string>> combos{{}};
        for (const auto& alts : slots) {
            std::vector<std::vector<std::string>> grown;
            for (const auto& prefix : combos)
                for (size_t a = 0; a < alts.size() && (a == 0 || combos.size() * alts.size() <= 16); ++a) {
                    auto c = prefix;
                    c.insert(c.end(), alts[a].begin(), alts[a].end());
                    grown.push_back(std::move(c));
                }
            combos = std::move(grown);
        }
        std::vector<Xapian::Query> phrases;
        for (const auto& terms : combos) phrases.push_back(exact_phrase(terms));
        if (phrases.size() == 1) return phrases.front();
        return Xapian::Query(Xapian::Query::OP_OR, phrases.begin(), phrases.end());
    }

    Xapian::Query field_query(const QueryToken& t) { return verbatim::field_query(t.field, t.text, t.column); }

    std::vector<QueryToken> tokens_;
    size_t pos_ = 0;
    const QueryLanguages& languages_;
    const LanguageChoice& choice_;
    const Vocabulary& vocabulary_;
    const StemForms& forms_;
    ParsedQuery& out_;
};

ParsedQuery parse(std::string_view text, const QueryLanguages& languages, const Vocabulary& vocabulary,
                  const StemForms& forms, const std::string* fixed_lang) {
    size_t chars = column_of(text, text.size()) - 1;
    if (chars > kMaxQueryLength)
        throw QueryError("the query is too long (" + std::to_string(chars) + " characters; the limit is " +
                             std::to_string(kMaxQueryLength) + ")",
                         kMaxQueryLength + 1);
    if (std::all_of(text.begin(), text.end(), is_space)) throw QueryError("empty query: give words to search for", 1);
    for (size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && !is_space(text[i])) || c == 0x7F) {
            size_t col = column_of(text, i);
            throw QueryError("control character (code " + std::to_string(c) + ") at column " + std::to_string(col) +
                                 "; remove it",
                             col);
        }
    }
    ParsedQuery out;
    std::vector<QueryToken> tokens = lex(text);
    LanguageChoice choice(tokens, languages, fixed_lang);
    Parser parser(std::move(tokens), languages, choice, vocabulary, forms, out);
    std::optional<Xapian::Query> q = parser.parse();
    if (!q) throw QueryError("nothing to search for: the query has no words, only punctuation", 1);
    out.query = *q;
    return out;
}

}  // namespace

StemForms stem_forms_in(const std::vector<Shard>& shards) {
    return [&shards](const std::string& key) {
        std::vector<std::string> forms;
        for (const Shard& shard : shards)
            for (std::string& form : split_stem_forms(shard.db.get_metadata(key))) forms.push_back(std::move(form));
        std::sort(forms.begin(), forms.end());
        forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
        return forms;
    };
}

namespace {

// The forms [from, to) as a synonym of a fixed shape: halves nested in halves. Xapian 1.4
// joins a flat synonym's terms into a tree ordered by their frequencies in each shard and
// rounds its frequency estimate at every node, so the same forms weighed differently on
// another split of the index ("sustainable" on four shards: scores 3e-4 apart, as a rare
// form was missing from some). Nested synonyms fix the tree (inner ones weigh nothing, they
// only join), and each node's estimate is symmetric in its two sides: every layout weighs
// the word alike.
Xapian::Query fixed_synonym(const std::vector<std::string>& terms, size_t from, size_t to) {
    if (to - from == 1) return Xapian::Query(terms[from]);
    const size_t mid = from + (to - from) / 2;
    return Xapian::Query(Xapian::Query::OP_SYNONYM, fixed_synonym(terms, from, mid), fixed_synonym(terms, mid, to));
}

}  // namespace

Xapian::Query stem_key_query(const std::string& key, const StemForms& forms) {
    std::vector<std::string> terms = forms(key);
    if (terms.empty()) return Xapian::Query::MatchNothing;
    if (terms.size() == 1) return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
    return fixed_synonym(terms, 0, terms.size());
}

ParsedQuery parse_query(std::string_view text, const QueryLanguages& languages, const Vocabulary& vocabulary,
                        const StemForms& forms) {
    return parse(text, languages, vocabulary, forms, nullptr);
}

ParsedQuery parse_query(std::string_view text, const Analyser& analyser, const Vocabulary& vocabulary,
                        const StemForms& forms) {
    QueryLanguages only{[&analyser](const std::string&) -> const Analyser& { return analyser; }, {analyser.lang()}};
    return parse(text, only, vocabulary, forms, &analyser.lang());
}

}  // namespace verbatim
