#include "indexer/structure/references.h"

#include <algorithm>
#include <cctype>
#include <re2/re2.h>

#include "vocabulary/symbols.h"

namespace verbatim {

namespace {

// RE2, not std::regex: linear time on any text (std::regex recursed once per character).
// Compiled on first use, not at start-up (every command links this file).
// Resolutions named by body and number: "General Assembly resolution 74/176",
// "CCPCJ resolution 27/4", "CCPCJ 27/4", "RES 72/1", "Security Council resolution 2331 (2016)".
const RE2& named_resolution() {
    static const RE2 re(
        R"(\b(General Assembly|Economic and Social Council|ECOSOC|Human Rights Council|Security Council|CCPCJ|CND|Commission on Crime Prevention and Criminal Justice|RES)(?: resolution)? (\d{1,4}/\d{1,4}|\d{3,4}(?: \(\d{4}\))?)\b)");
    return re;
}
// What follows a reference and names its paragraph(s): ", para. 7", ", paras. 28 and 32", " para.11".
const RE2& paragraphs_after() {
    static const RE2 re(R"(^,?\s*(?:\(\d{4}\),?\s*)?paras?\.\s*(\d{1,4}(?:\.\d{1,3})*)(?:\s*(?:and|,|-|–)\s*(\d{1,4}))?)");
    return re;
}

// Only text naming one of the bodies of named_resolution() can hold such a reference.
bool may_name_resolution(std::string_view text) {
    for (std::string_view body : {"General Assembly", "Economic and Social Council", "ECOSOC", "Human Rights Council",
                                  "Security Council", "CCPCJ", "CND", "Commission on Crime Prevention", "RES"})
        if (text.find(body) != std::string_view::npos) return true;
    return false;
}

std::string body_prefix(const std::string& body) {
    if (body == "General Assembly" || body == "RES") return "A/RES/";
    if (body == "Economic and Social Council" || body == "ECOSOC") return "E/RES/";
    if (body == "Human Rights Council") return "A/HRC/RES/";
    if (body == "Security Council") return "S/RES/";
    if (body == "Commission on Crime Prevention and Criminal Justice") return "CCPCJ resolution ";
    return body + " resolution ";
}

void add_paragraphs(std::string_view text, TextReference& ref) {
    re2::StringPiece m[3];
    std::string_view rest = text.substr(ref.end);
    if (!paragraphs_after().Match(rest, 0, rest.size(), RE2::ANCHOR_START, m, 3)) return;
    ref.paragraphs.emplace_back(m[1].data(), m[1].size());
    if (m[2].data() != nullptr) ref.paragraphs.emplace_back(m[2].data(), m[2].size());
    ref.end += m[0].size();
}

bool overlaps(const TextReference& r, size_t start, size_t end) { return start < r.end && r.start < end; }

}  // namespace

std::string canonical_symbol(std::string_view text) {
    std::string s(text);
    re2::StringPiece m[3];
    if (may_name_resolution(text) && named_resolution().Match(text, 0, text.size(), RE2::ANCHOR_BOTH, m, 3))
        return body_prefix(std::string(m[1].data(), m[1].size())) + std::string(m[2].data(), m[2].size());
    while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == '-')) s.pop_back();
    return s;
}

std::vector<TextReference> find_references(std::string_view text) {
    std::vector<TextReference> refs;
    // Most units cite nothing: skip the regular expressions unless a symbol ("/") or a
    // resolution number ("27/4") could be there.
    if (text.find('/') == std::string_view::npos) return refs;
    if (may_name_resolution(text)) {
        re2::StringPiece m[3];
        for (size_t from = 0;
             from <= text.size() && named_resolution().Match(text, from, text.size(), RE2::UNANCHORED, m, 3);) {
            TextReference r;
            r.symbol = body_prefix(std::string(m[1].data(), m[1].size())) + std::string(m[2].data(), m[2].size());
            r.start = static_cast<size_t>(m[0].data() - text.data());
            r.end = r.start + m[0].size();
            from = std::max(r.end, r.start + 1);
            add_paragraphs(text, r);
            refs.push_back(std::move(r));
        }
    }
    size_t match_start = 0, match_end = 0;
    for (size_t from = 0; vocabulary::find_un_symbol(text, from, match_start, match_end); from = match_end) {
        std::string symbol(text.substr(match_start, match_end - match_start));
        size_t start = match_start;
        size_t end = match_end;
        if (std::any_of(refs.begin(), refs.end(), [&](const TextReference& r) { return overlaps(r, start, end); }))
            continue;
        TextReference r{symbol, {}, start, end};
        add_paragraphs(text, r);
        refs.push_back(std::move(r));
    }
    std::sort(refs.begin(), refs.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
    return refs;
}

std::vector<Quotation> find_quotations(std::string_view text, const std::vector<TextReference>& references) {
    std::vector<Quotation> quotes;
    auto opener_at = [&](size_t i) -> size_t {
        if (text.compare(i, 3, "\xE2\x80\x9C") == 0) return 3;  // “
        if (text[i] == '"') return 1;
        return 0;
    };
    auto closer_from = [&](size_t i, size_t& len) -> size_t {
        for (size_t j = i; j < text.size(); ++j) {
            if (text.compare(j, 3, "\xE2\x80\x9D") == 0) return len = 3, j;  // ”
            if (text[j] == '"') return len = 1, j;
        }
        return std::string_view::npos;
    };
    for (const TextReference& ref : references) {
        if (ref.paragraphs.empty()) continue;  // a quotation cites a paragraph
        size_t i = ref.end;
        // Between the reference and the quote: ")", ":" and spaces only.
        while (i < text.size() && i < ref.end + 6 && (text[i] == ')' || text[i] == ':' || text[i] == ' ')) ++i;
        std::string source = ref.symbol + ", para" + (ref.paragraphs.size() > 1 ? "s. " : ". ") + ref.paragraphs[0];
        if (ref.paragraphs.size() > 1) source += " and " + ref.paragraphs[1];
        for (int n = 0; n < 2 && i < text.size(); ++n) {
            size_t open = opener_at(i);
            if (!open) break;
            size_t close_len = 0;
            size_t close = closer_from(i + open, close_len);
            if (close == std::string_view::npos || close - (i + open) < 20) break;
            quotes.push_back({source, ref.symbol, i + open, close});
            // "“...” and “...”": a second passage of the same source.
            i = close + close_len;
            if (text.compare(i, 5, " and ") != 0) break;
            i += 5;
        }
    }
    return quotes;
}

}  // namespace verbatim
