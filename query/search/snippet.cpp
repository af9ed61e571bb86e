#include "query/search/snippet.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "model/schema.h"
#include "vocabulary/text.h"

namespace verbatim {

namespace {

bool is_stem(const std::string& term) {
    return term.compare(0, std::string_view(schema::kStemPrefix).size(), schema::kStemPrefix) == 0;
}

// The token that ends `phrase` when it starts at tokens[first], else nullptr. Tokens come
// in position order; a compound's joined form shares its last part's position.
const Token* phrase_end(const std::vector<Token>& tokens, size_t first, const std::vector<std::string>& phrase) {
    const Xapian::termpos start = tokens[first].position;
    const Token* last = &tokens[first];
    size_t k = 1;
    for (size_t j = first + 1; j < tokens.size() && k < phrase.size(); ++j) {
        if (tokens[j].position > start + k) return nullptr;  // no phrase[k] at its position
        if (tokens[j].position == start + k && tokens[j].term == phrase[k]) last = &tokens[j], ++k;
    }
    return k == phrase.size() ? last : nullptr;
}

}  // namespace

Highlight with_stem_forms(const Highlight& highlight,
                          const std::function<std::vector<std::string>(const std::string& key)>& forms) {
    Highlight out{{}, highlight.phrases};
    for (const std::string& term : highlight.terms) {
        if (!is_stem(term)) out.terms.insert(term);
        else
            for (std::string& form : forms(term)) out.terms.insert(std::move(form));
    }
    return out;
}

Highlighter::Highlighter(const Analyser& analyser, const Highlight& highlight)
    : analyser_(analyser), highlight_(highlight) {
    // Stemming costs most: only when the query has stems.
    has_stems_ = std::any_of(highlight.terms.begin(), highlight.terms.end(), is_stem);
}

bool Highlighter::matches(const std::string& term) const {
    // Without stems (with_stem_forms) a lookup in the few terms beats remembering the word.
    if (!has_stems_) return highlight_.terms.count(term) > 0;
    auto it = words_.find(term);
    if (it != words_.end()) return it->second;
    const bool match = highlight_.terms.count(term) > 0 ||
                       (has_stems_ && highlight_.terms.count(schema::kStemPrefix + analyser_.stem(term)) > 0);
    return words_.emplace(term, match).first->second;
}

std::vector<std::pair<size_t, size_t>> Highlighter::find_matches(const std::string& text) const {
    std::vector<Token> tokens = analyser_.tokenize(text);
    std::vector<std::pair<size_t, size_t>> marks;
    for (const Token& t : tokens)
        if (matches(t.term)) marks.emplace_back(t.start, t.end);
    for (const auto& phrase : highlight_.phrases) {
        if (phrase.empty()) continue;
        for (size_t i = 0; i < tokens.size(); ++i)
            if (tokens[i].term == phrase.front())
                if (const Token* last = phrase_end(tokens, i, phrase)) marks.emplace_back(tokens[i].start, last->end);
    }
    std::sort(marks.begin(), marks.end());
    std::vector<std::pair<size_t, size_t>> merged;
    for (const auto& m : marks) {
        if (!merged.empty() && m.first <= merged.back().second) merged.back().second = std::max(merged.back().second, m.second);
        else merged.push_back(m);
    }
    return merged;
}

std::vector<std::pair<size_t, size_t>> find_matches(const std::string& text, const Analyser& analyser,
                                                    const Highlight& highlight) {
    return Highlighter(analyser, highlight).find_matches(text);
}

Snippet make_snippet(const std::string& text, const Analyser& analyser, const Highlight& highlight,
                     size_t max_chars) {
    return Highlighter(analyser, highlight).make_snippet(text, max_chars);
}

Snippet Highlighter::make_snippet(const std::string& text, size_t max_chars) const {
    std::vector<std::pair<size_t, size_t>> marks = find_matches(text);
    size_t begin = 0, end = text.size();
    if (text.size() > max_chars) {
        // The window starting at a mark that covers the most marks.
        size_t best = 0, best_count = 0, best_end = 0;
        for (size_t i = 0; i < marks.size(); ++i) {
            size_t count = 0, cluster_end = marks[i].second;
            for (size_t j = i; j < marks.size() && marks[j].second <= marks[i].first + max_chars * 2 / 3; ++j)
                ++count, cluster_end = marks[j].second;
            if (count > best_count) best_count = count, best = i, best_end = cluster_end;
        }
        size_t anchor = marks.empty() ? 0 : marks[best].first;
        // Centre the densest cluster of matches in the window.
        size_t cluster = marks.empty() ? 0 : best_end - anchor;
        size_t margin = cluster < max_chars ? (max_chars - cluster) / 2 : 0;
        begin = anchor > margin ? anchor - margin : 0;
        if (begin + max_chars > text.size()) begin = text.size() > max_chars ? text.size() - max_chars : 0;
        // Start at a word boundary, or at the sentence start when it is close.
        if (begin > 0) {
            size_t sentence = text.rfind(". ", anchor);
            if (sentence != std::string::npos && sentence + 2 >= begin && sentence + 2 <= anchor) begin = sentence + 2;
            else {
                size_t space = text.find(' ', begin);
                begin = space != std::string::npos && space < anchor ? space + 1 : begin;
            }
        }
        end = std::min(text.size(), begin + max_chars);
        if (end < text.size()) {
            size_t space = text.rfind(' ', end);
            if (space != std::string::npos && space > begin) end = space;
        }
        begin = vocabulary::char_start(text, begin);
        end = vocabulary::char_start(text, end);
    }
    Snippet s;
    std::string prefix = begin > 0 ? "\xE2\x80\xA6" : "";  // …
    s.text = prefix + text.substr(begin, end - begin) + (end < text.size() ? "\xE2\x80\xA6" : "");
    for (auto [b, e] : marks)
        if (b >= begin && e <= end) s.marks.emplace_back(b - begin + prefix.size(), e - begin + prefix.size());
    // Newlines inside a unit separate its blocks; in a one-line snippet they are spaces.
    std::replace(s.text.begin(), s.text.end(), '\n', ' ');
    s.source_marks = std::move(marks);
    return s;
}

std::string render_marked(const Snippet& snippet, const std::string& open, const std::string& close) {
    std::string out;
    size_t at = 0;
    for (auto [b, e] : snippet.marks) {
        out.append(snippet.text, at, b - at);
        out += open;
        out.append(snippet.text, b, e - b);
        out += close;
        at = e;
    }
    out.append(snippet.text, at, std::string::npos);
    return out;
}

}  // namespace verbatim
