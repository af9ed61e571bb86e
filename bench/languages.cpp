// verbatim_bench languages: how often a query written as in the text finds its sentence.
//
// The index holds the UNPC test set with one file per sentence, LANG/LANG-NNNN.txt
// (scripts/bench-languages.sh makes it). For each language: every third run of three
// consecutive words as a phrase, exactly as written (Chinese: three ICU words); for
// French, each word after an elided article (l', d', qu', ...) alone and as the first of
// three words; for Chinese, Han substrings of 2 to 6 characters starting anywhere.
// A query finds its sentence when the sentence is among the first max(5, n) hits, n being
// the number of sentences of that language that contain the query's text literally (a
// phrase that six sentences contain cannot put all six in the top 5).
#include "bench/languages.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace verbatim {

namespace {

struct Span {
    size_t start, end;
};

// Whitespace-separated words (the words a reader sees and copies).
std::vector<Span> spaced_words(const std::string& s) {
    std::vector<Span> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
        size_t j = i;
        while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
        if (j > i) out.push_back({i, j});
        i = j;
    }
    return out;
}

// ICU's words (for Chinese, written without spaces), punctuation left out.
std::vector<Span> icu_words(const std::string& s) {
    std::vector<Span> out;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
    UText* text = utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &status);
    if (U_FAILURE(status)) return out;
    it->setText(text, status);
    int32_t start = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next())
        if (it->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) out.push_back({size_t(start), size_t(end)});
    utext_close(text);
    return out;
}

// The query's characters that the query language reads as syntax are left out.
std::string as_query_text(std::string s) {
    for (const char* q : {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E"})
        for (size_t p; (p = s.find(q)) != std::string::npos;) s.erase(p, std::string_view(q).size());
    return s;
}

bool has_letter(std::string_view s) {
    for (int32_t i = 0; i < int32_t(s.size());) {
        UChar32 c;
        U8_NEXT(s.data(), i, int32_t(s.size()), c);
        if (c > 0 && u_isalpha(c)) return true;
    }
    return false;
}

// Byte offsets of the Han characters of `s`, runs split where a non-Han character stands.
std::vector<std::vector<size_t>> han_runs(const std::string& s) {
    std::vector<std::vector<size_t>> runs(1);
    for (int32_t i = 0; i < int32_t(s.size());) {
        int32_t at = i;
        UChar32 c;
        U8_NEXT(s.data(), i, int32_t(s.size()), c);
        UErrorCode status = U_ZERO_ERROR;
        if (c > 0 && uscript_getScript(c, &status) == USCRIPT_HAN) {
            runs.back().push_back(size_t(at));
        } else if (!runs.back().empty()) {
            runs.back().push_back(size_t(at));  // the end of the run
            runs.emplace_back();
        }
    }
    if (!runs.back().empty()) runs.back().push_back(s.size());
    else runs.pop_back();
    return runs;
}

struct Query {
    size_t sentence;
    std::string text;     // as searched
    std::string literal;  // what a sentence must contain to count as an equal match
};

struct Measure {
    std::string lang, kind;
    std::vector<Query> queries;
};

std::string sentence_file(const std::string& lang, size_t i) {
    char name[48];
    std::snprintf(name, sizeof name, "/%s/%s-%04zu.txt", lang.c_str(), lang.c_str(), i + 1);
    return name;
}

std::vector<std::string> words_of(const Analyser& analyser, const std::string& text) {
    std::vector<std::string> out;
    for (const Token& t : analyser.tokenize(text))
        if (t.role != Token::Role::joined) out.push_back(t.term);
    return out;
}

// The sentences that hold the query's text, or its words in the same order (which a
// phrase query cannot tell from it).
size_t count_containing(const std::vector<std::string>& sentences, const std::string& literal) {
    static const Analyser analyser("en");
    const std::vector<std::string> words = words_of(analyser, literal);
    size_t n = 0;
    for (const std::string& s : sentences) {
        if (s.find(literal) != std::string::npos) {
            ++n;
            continue;
        }
        std::vector<std::string> in = words_of(analyser, s);
        n += !words.empty() && std::search(in.begin(), in.end(), words.begin(), words.end()) != in.end();
    }
    return n;
}

bool finds(Searcher& searcher, const std::string& query, const std::string& file, size_t limit) {
    SearchOptions o;
    o.query = query;
    o.limit = limit;
    try {
        for (const Hit& hit : searcher.search(o).hits) {
            const std::string& source = hit.record.doc.source;
            if (source.size() >= file.size() && source.compare(source.size() - file.size(), file.size(), file) == 0)
                return true;
        }
    } catch (const std::exception& e) {
        std::printf("ERROR %s: %s\n", query.c_str(), e.what());
    }
    return false;
}

const char* const kElisions[] = {"l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"};

// The length of the elided article at the start of `word` ("l'", "qu’"), else 0.
size_t elision_length(std::string_view word) {
    for (const char* e : kElisions) {
        size_t n = std::string_view(e).size();
        if (word.size() <= n + 1) continue;
        bool same = true;
        for (size_t k = 0; k < n; ++k) same = same && (word[k] | 0x20) == e[k];
        if (!same) continue;
        if (word[n] == '\'') return n + 1;
        if (word.compare(n, 3, "\xE2\x80\x99") == 0) return n + 3;
    }
    return 0;
}

}  // namespace

int run_languages(Searcher& searcher, const std::string& testset, size_t max_sentences) {
    const char* langs[] = {"ar", "en", "es", "fr", "ru", "zh"};
    std::vector<Measure> measures;
    std::vector<std::vector<std::string>> texts;
    for (const char* lang : langs) {
        std::ifstream in(testset + "/UNv1.0.testset." + lang);
        std::vector<std::string> sentences;
        for (std::string line; std::getline(in, line) && sentences.size() < max_sentences;) sentences.push_back(line);
        if (sentences.empty()) {
            std::fprintf(stderr, "no sentences in %s/UNv1.0.testset.%s\n", testset.c_str(), lang);
            return 2;
        }
        const bool zh = std::string(lang) == "zh", fr = std::string(lang) == "fr";
        Measure phrase{lang, "phrase of 3 words", {}}, bare{lang, "word after elision", {}},
            bare_phrase{lang, "3 words from an elided word", {}}, han{lang, "Han substring of 2-6", {}};
        for (size_t i = 0; i < sentences.size(); ++i) {
            const std::string& s = sentences[i];
            std::vector<Span> words = zh ? icu_words(s) : spaced_words(s);
            for (size_t w = 0; w + 3 <= words.size(); w += 3) {
                std::string text = as_query_text(s.substr(words[w].start, words[w + 2].end - words[w].start));
                if (has_letter(text)) phrase.queries.push_back({i, "\"" + text + "\"", text});
            }
            if (fr)
                for (size_t w = 0; w < words.size(); ++w) {
                    std::string_view word(s.data() + words[w].start, words[w].end - words[w].start);
                    size_t cut = elision_length(word);
                    if (!cut || !has_letter(word.substr(cut))) continue;
                    size_t from = words[w].start + cut;
                    // The bare word without the punctuation that follows it.
                    size_t to = from;
                    while (to < words[w].end && s[to] != ',' && s[to] != '.' && s[to] != ';' && s[to] != ':' &&
                           s[to] != ')')
                        ++to;
                    std::string alone = as_query_text(s.substr(from, to - from));
                    if (has_letter(alone)) bare.queries.push_back({i, alone, alone});
                    size_t last = std::min(w + 2, words.size() - 1);
                    std::string three = as_query_text(s.substr(from, words[last].end - from));
                    if (last > w) bare_phrase.queries.push_back({i, "\"" + three + "\"", three});
                }
            if (zh)
                for (const std::vector<size_t>& run : han_runs(s)) {
                    const size_t chars = run.size() - 1;
                    for (size_t p = 0, k = 0; p + 2 <= chars; p += 3, ++k) {
                        size_t len = std::min<size_t>(2 + k % 5, chars - p);
                        std::string text = s.substr(run[p], run[p + len] - run[p]);
                        han.queries.push_back({i, text, text});
                    }
                }
        }
        measures.push_back(std::move(phrase));
        if (fr) measures.push_back(std::move(bare)), measures.push_back(std::move(bare_phrase));
        if (zh) measures.push_back(std::move(han));
        texts.push_back(std::move(sentences));
    }
    std::vector<std::string> summary;
    for (const Measure& m : measures) {
        const auto& sentences = texts[size_t(std::find(std::begin(langs), std::end(langs), m.lang) - std::begin(langs))];
        size_t found = 0;
        for (const Query& q : m.queries) {
            const std::string file = sentence_file(m.lang, q.sentence);
            bool ok = finds(searcher, q.text, file, 5);
            if (!ok) {
                size_t n = count_containing(sentences, q.literal);
                ok = n > 5 && finds(searcher, q.text, file, n);
            }
            if (ok) ++found;
            else std::printf("MISS %s %s: sentence %zu: %s\n", m.lang.c_str(), m.kind.c_str(), q.sentence + 1, q.text.c_str());
        }
        char line[160];
        std::snprintf(line, sizeof line, "%-4s %-30s %8zu %8zu %7.2f%%", m.lang.c_str(), m.kind.c_str(),
                      m.queries.size(), found, m.queries.empty() ? 100.0 : 100.0 * double(found) / double(m.queries.size()));
        summary.push_back(line);
        std::fflush(stdout);
    }
    std::printf("%-4s %-30s %8s %8s %8s\n", "lang", "queries", "count", "found", "share");
    for (const std::string& l : summary) std::printf("%s\n", l.c_str());
    return 0;
}

}  // namespace verbatim
