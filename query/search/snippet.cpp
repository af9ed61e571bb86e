#include "query/search/snippet.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>

#include "model/schema.h"

namespace verbatim {

namespace {

// Moves `pos` back to the start of a UTF-8 character.
size_t char_boundary(const std::string& s, size_t pos) {
    while (pos > 0 && pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
    return pos;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> find_matches(const std::string& text, const Analyser& analyser,
                                                    const Highlight& highlight) {
    std::vector<Token> tokens = analyser.tokenize(text);
    std::vector<std::pair<size_t, size_t>> marks;
    // Stemming is most of the cost: only when the query has stems, once per distinct word.
    const bool has_stems = std::any_of(highlight.terms.begin(), highlight.terms.end(), [](const std::string& t) {
        return t.compare(0, std::string_view(schema::kStemPrefix).size(), schema::kStemPrefix) == 0;
    });
    std::unordered_map<std::string_view, bool> stem_matches;
    for (const Token& t : tokens) {
        bool match = highlight.terms.count(t.term) > 0;
        if (!match && has_stems) {
            auto [it, added] = stem_matches.try_emplace(t.term, false);
            if (added) it->second = highlight.terms.count(schema::kStemPrefix + analyser.stem(t.term)) > 0;
            match = it->second;
        }
        if (match) marks.emplace_back(t.start, t.end);
    }
    if (!highlight.phrases.empty()) {
        // Tokens by position: a phrase is its terms at consecutive positions.
        std::multimap<Xapian::termpos, const Token*> at;
        for (const Token& t : tokens) at.emplace(t.position, &t);
        auto find_at = [&](Xapian::termpos pos, const std::string& term) -> const Token* {
            auto [b, e] = at.equal_range(pos);
            for (auto it = b; it != e; ++it)
                if (it->second->term == term) return it->second;
            return nullptr;
        };
        for (const auto& phrase : highlight.phrases) {
            for (const Token& first : tokens) {
                if (first.term != phrase.front()) continue;
                const Token* last = &first;
                for (size_t k = 1; k < phrase.size() && last; ++k) last = find_at(first.position + k, phrase[k]);
                if (last) marks.emplace_back(first.start, last->end);
            }
        }
    }
    std::sort(marks.begin(), marks.end());
    std::vector<std::pair<size_t, size_t>> merged;
    for (const auto& m : marks) {
        if (!merged.empty() && m.first <= merged.back().second) merged.back().second = std::max(merged.back().second, m.second);
        else merged.push_back(m);
    }
    return merged;
}

Snippet make_snippet(const std::string& text, const Analyser& analyser, const Highlight& highlight,
                     size_t max_chars) {
    std::vector<std::pair<size_t, size_t>> marks = find_matches(text, analyser, highlight);
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
        begin = char_boundary(text, begin);
        end = char_boundary(text, end);
    }
    Snippet s;
    std::string prefix = begin > 0 ? "\xE2\x80\xA6" : "";  // …
    s.text = prefix + text.substr(begin, end - begin) + (end < text.size() ? "\xE2\x80\xA6" : "");
    for (auto [b, e] : marks)
        if (b >= begin && e <= end) s.marks.emplace_back(b - begin + prefix.size(), e - begin + prefix.size());
    // Newlines inside a unit separate its blocks; in a one-line snippet they are spaces.
    std::replace(s.text.begin(), s.text.end(), '\n', ' ');
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
