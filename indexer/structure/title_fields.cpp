#include "indexer/structure/title_fields.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "vocabulary/ascii.h"
#include "vocabulary/dates.h"
#include "vocabulary/symbols.h"

namespace verbatim {

namespace {

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && vocabulary::ascii_lower(s.substr(0, prefix.size())) == prefix;
}

// "Distr.: General", "Distr. LIMITED": the distribution, else empty.
std::string distribution_in(std::string_view line) {
    const std::string l = vocabulary::ascii_lower(line);
    for (size_t at = l.find("distr"); at != std::string::npos; at = l.find("distr", at + 1)) {
        size_t i = at + 5;
        if (i < l.size() && l[i] == '.') ++i;
        if (i < l.size() && l[i] == ':') ++i;
        while (i < l.size() && std::isspace(static_cast<unsigned char>(l[i]))) ++i;
        for (const char* d : {"general", "limited", "restricted"}) {
            const std::string_view word(d);
            if (l.compare(i, word.size(), word) == 0) return std::string(line.substr(i, word.size()));
        }
    }
    return {};
}

// A capitalised word: [A-Z][a-z]+ starting at s[i]; its end, else i.
size_t capitalised_word(std::string_view s, size_t i) {
    if (i >= s.size() || !std::isupper(static_cast<unsigned char>(s[i]))) return i;
    size_t j = i + 1;
    while (j < s.size() && std::islower(static_cast<unsigned char>(s[j]))) ++j;
    return j > i + 1 ? j : i;
}

// "Original: English" -> "English"; "Spanish only" -> "Spanish".
std::string original_language_in(std::string_view line) {
    if (size_t at = line.find("Original:"); at != std::string_view::npos) {
        size_t i = at + 9;
        while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
        size_t end = capitalised_word(line, i);
        if (end > i) return std::string(line.substr(i, end - i));
    }
    size_t end = capitalised_word(line, 0);
    if (end > 0 && line.substr(end) == " only") return std::string(line.substr(0, end));
    return {};
}

// "Vienna, 10 and 11 September": the place before ", <digit>" at the start of a line.
std::string place_in(std::string_view line) {
    size_t end = capitalised_word(line, 0);
    if (end == 0) return {};
    if (end < line.size() && line[end] == ' ') {
        size_t second = capitalised_word(line, end + 1);
        if (second > end + 1) end = second;
    }
    if (end + 2 < line.size() && line[end] == ',' && line[end + 1] == ' ' &&
        std::isdigit(static_cast<unsigned char>(line[end + 2])))
        return std::string(line.substr(0, end));
    return {};
}

bool names_body(std::string_view line) {
    return starts_with_ci(line, "working group on ") || starts_with_ci(line, "commission on ") ||
           starts_with_ci(line, "conference of the parties");
}

}  // namespace

LineFields line_fields(std::string_view line) {
    LineFields f;
    if (vocabulary::is_un_symbol(line)) f.symbol = line;
    f.distribution = distribution_in(line);
    f.original_language = original_language_in(line);
    if (line.size() < 40) {
        f.date = vocabulary::iso_date_in(line);
        f.place = place_in(line);
        // "New York, 17 February–14 March 2025": the session's dates stay as printed.
        f.session_dates = !f.place.empty() && line.size() > f.place.size() + 8;
    }
    if (names_body(line)) f.body = line;
    f.field = !f.symbol.empty() || !f.distribution.empty() || !f.original_language.empty() || !f.date.empty() ||
              !f.place.empty() || !f.body.empty();
    return f;
}

DocumentMeta title_block_fields(const TitleBlock& block) {
    DocumentMeta meta;
    if (!block.symbols.empty()) {
        meta.symbol = block.symbols.front();
        meta.other_symbols.assign(block.symbols.begin() + 1, block.symbols.end());
    }
    meta.date = block.date;
    meta.distribution = block.distribution;
    meta.original_language = block.original_language;
    meta.job_number = block.job_number;
    meta.title = block.title;
    return meta;
}

std::vector<std::string> add_front_matter(const std::vector<std::string>& lines, DocumentMeta& meta) {
    auto fill = [](std::string& slot, const std::string& value) {
        if (slot.empty()) slot = value;
    };
    std::vector<std::string> title_candidates;
    for (const std::string& line : lines) {
        const LineFields f = line_fields(line);
        if (!f.symbol.empty()) {
            if (meta.symbol.empty()) meta.symbol = f.symbol;
            else if (f.symbol != meta.symbol) meta.other_symbols.push_back(f.symbol);
        }
        if (!f.distribution.empty()) fill(meta.distribution, f.distribution);
        if (!f.original_language.empty()) fill(meta.original_language, f.original_language);
        if (!f.date.empty()) fill(meta.date, f.date);
        if (!f.place.empty()) fill(meta.place, f.place);
        if (f.session_dates) meta.masthead.push_back(line);
        // The working group is the body; a conference or commission only until it is named.
        if (!f.body.empty() && (meta.body.empty() || starts_with_ci(f.body, "working group"))) meta.body = f.body;
        if (f.field) continue;
        if (line != "United Nations" && std::count(line.begin(), line.end(), ' ') >= 1 && !is_salutation(line))
            title_candidates.push_back(line);
        meta.masthead.push_back(line);
    }
    return title_candidates;
}

std::string choose_title(const std::vector<std::string>& candidates) {
    if (candidates.empty()) return {};
    static const std::array<const char*, 10> kTitleWords{"report",     "draft report", "note",   "summary",
                                                         "comments",   "speaking notes", "letter", "resolution",
                                                         "decision",   "statement"};
    auto titled = std::find_if(candidates.begin(), candidates.end(), [](const std::string& l) {
        return std::any_of(kTitleWords.begin(), kTitleWords.end(), [&](const char* w) { return starts_with_ci(l, w); });
    });
    if (titled != candidates.end()) return *titled;
    return *std::max_element(candidates.begin(), candidates.end(),
                             [](const auto& a, const auto& b) { return a.size() < b.size(); });
}

std::vector<std::string> masthead_without_title(std::vector<std::string> masthead, const std::string& title) {
    std::erase_if(masthead, [&](const std::string& line) {
        return line == title || line == "United Nations" || title.find(line) != std::string::npos;
    });
    return masthead;
}

bool is_salutation(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '*')) line.remove_suffix(1);
    return !line.empty() && (line.back() == ',' || line.back() == ';' || line.back() == ':');
}

std::string stated_date(const std::vector<Unit>& units) {
    auto look = [&](const Unit& u) -> std::string {
        if (u.text.size() > 80) return {};
        std::string date = vocabulary::iso_date_in(u.text);
        if (date.empty()) return {};
        return std::count(u.text.begin(), u.text.end(), ' ') <= 6 ? date : std::string();
    };
    for (size_t i = 0; i < units.size() && i < 3; ++i)
        if (std::string d = look(units[i]); !d.empty()) return d;
    for (size_t i = units.size(); i > 0 && i + 3 > units.size(); --i)
        if (std::string d = look(units[i - 1]); !d.empty()) return d;
    return {};
}

std::string document_type(const DocumentMeta& meta) {
    const std::string t = vocabulary::ascii_lower(meta.title);
    const std::string sym = vocabulary::ascii_lower(meta.symbol);
    if (sym.find("/crp.") != std::string::npos || t.find("conference room paper") != std::string::npos) return "crp";
    if (t.find("speaking notes") != std::string::npos || t.find("statement") == 0) return "statement";
    if (t.find("resolution") == 0 || sym.find("/res/") != std::string::npos) return "resolution";
    if (t.find("draft report") != std::string::npos || sym.find("/l.") != std::string::npos) return "draft";
    if (t.find("report") != std::string::npos) return "report";
    if (vocabulary::ascii_lower(meta.distribution) == "limited") return "draft";
    return "";
}

}  // namespace verbatim
