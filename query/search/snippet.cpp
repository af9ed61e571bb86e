#include "query/search/snippet.h"

#include <algorithm>

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
                                                    const std::set<std::string>& terms) {
    std::vector<std::pair<size_t, size_t>> marks;
    for (const Token& t : analyser.tokenize(text)) {
        if (!terms.count(t.term) && !terms.count(schema::kStemPrefix + analyser.stem(t.term))) continue;
        if (!marks.empty() && t.start < marks.back().second) {  // a joined compound covers its parts
            marks.back().second = std::max(marks.back().second, t.end);
            marks.back().first = std::min(marks.back().first, t.start);
            continue;
        }
        marks.emplace_back(t.start, t.end);
    }
    // A joined compound comes after its parts: merge overlaps once more.
    std::sort(marks.begin(), marks.end());
    std::vector<std::pair<size_t, size_t>> merged;
    for (const auto& m : marks) {
        if (!merged.empty() && m.first <= merged.back().second) merged.back().second = std::max(merged.back().second, m.second);
        else merged.push_back(m);
    }
    return merged;
}

Snippet make_snippet(const std::string& text, const Analyser& analyser, const std::set<std::string>& terms,
                     size_t max_chars) {
    std::vector<std::pair<size_t, size_t>> marks = find_matches(text, analyser, terms);
    size_t begin = 0, end = text.size();
    if (text.size() > max_chars) {
        // The window starting at a mark that covers the most marks.
        size_t best = 0, best_count = 0;
        for (size_t i = 0; i < marks.size(); ++i) {
            size_t count = 0;
            for (size_t j = i; j < marks.size() && marks[j].second <= marks[i].first + max_chars; ++j) ++count;
            if (count > best_count) best_count = count, best = i;
        }
        size_t anchor = marks.empty() ? 0 : marks[best].first;
        begin = anchor > max_chars / 4 ? anchor - max_chars / 4 : 0;
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
