#include "indexer/structure/title_block.h"

#include "model/ascii.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include <re2/re2.h>

#include "vocabulary/dates.h"
#include "vocabulary/ordinals.h"
#include "vocabulary/symbols.h"

namespace verbatim {

namespace {


bool starts_with_ci(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && ascii_lower(s.substr(0, prefix.size())) == prefix;
}

std::string guess_type(const std::string& title, const DocumentMeta& meta) {
    std::string t = ascii_lower(title);
    std::string sym = ascii_lower(meta.symbol);
    if (sym.find("/crp.") != std::string::npos || t.find("conference room paper") != std::string::npos) return "crp";
    if (t.find("speaking notes") != std::string::npos || t.find("statement") == 0) return "statement";
    if (t.find("resolution") == 0 || sym.find("/res/") != std::string::npos) return "resolution";
    if (t.find("draft report") != std::string::npos || sym.find("/l.") != std::string::npos) return "draft";
    if (t.find("report") != std::string::npos) return "report";
    return "";
}

// A line that addresses the audience ("Mr. President,", "Excellencies;") rather than names
// the document: it ends as a clause does.
bool is_salutation(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '*')) line.remove_suffix(1);
    return !line.empty() && (line.back() == ',' || line.back() == ';' || line.back() == ':');
}

// The date a document without a title page states for itself, in a line of its own at its
// start or end ("Delivered on 23 September 2020", "New York, 23 September 2020"); a date
// inside the speech's sentences is about something else.
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

}  // namespace

namespace {

// "Distr.: General", "Distr. LIMITED": the distribution, else empty.
std::string distribution_in(std::string_view line) {
    const std::string l = ascii_lower(line);
    for (size_t at = l.find("distr"); at != std::string::npos; at = l.find("distr", at + 1)) {
        size_t i = at + 5;
        if (i < l.size() && l[i] == '.') ++i;
        if (i < l.size() && l[i] == ':') ++i;
        while (i < l.size() && std::isspace(static_cast<unsigned char>(l[i]))) ++i;
        for (const char* d : {"general", "limited", "restricted"}) {
            const std::string_view word(d);
            if (l.compare(i, word.size(), word) == 0) {
                std::string out(line.substr(i, word.size()));
                return out;
            }
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
    if (end + 2 < line.size() + 0 && line[end] == ',' && line[end + 1] == ' ' &&
        std::isdigit(static_cast<unsigned char>(line[end + 2])))
        return std::string(line.substr(0, end));
    return {};
}

}  // namespace

bool shows_title_page(const ExtractedText& extracted, const std::vector<std::string>& front_matter) {
    if (front_matter.empty()) return false;
    const TitleBlock& tb = extracted.title_block;
    if (!tb.symbols.empty() || !tb.date.empty() || !tb.title.empty() || !tb.distribution.empty()) return true;
    for (const std::string& line : front_matter) {
        if (vocabulary::is_un_symbol(line) || !distribution_in(line).empty() || !original_language_in(line).empty() ||
            line == "United Nations" || (line.size() < 40 && !vocabulary::iso_date_in(line).empty()))
            return true;
    }
    // A title set apart (a heading, bold, a larger font) that does not address anyone.
    size_t chars = 0, total = 0;
    for (const std::string& line : front_matter) total += line.size();
    for (const SourceLine& line : extracted.lines) {
        if (chars >= total) break;
        chars += line.text.size() + 1;
        if (line.emphasised && !is_salutation(line.text)) return true;
    }
    return false;
}

DocumentMeta read_document_meta(const ExtractedText& extracted, const StructuredText& structured) {
    DocumentMeta meta;
    const TitleBlock& tb = extracted.title_block;
    if (!tb.symbols.empty()) {
        meta.symbol = tb.symbols.front();
        meta.other_symbols.assign(tb.symbols.begin() + 1, tb.symbols.end());
    }
    meta.date = tb.date;
    meta.distribution = tb.distribution;
    meta.original_language = tb.original_language;
    meta.job_number = tb.job_number;
    meta.title = tb.title;

    std::vector<std::string> title_candidates;
    for (const std::string& line : structured.front_matter) {
        bool field = false;
        if (vocabulary::is_un_symbol(line)) {
            if (meta.symbol.empty()) meta.symbol = line;
            else if (line != meta.symbol) meta.other_symbols.push_back(line);
            field = true;
        }
        if (std::string d = distribution_in(line); !d.empty()) {
            if (meta.distribution.empty()) meta.distribution = d;
            field = true;
        }
        if (std::string original = original_language_in(line); !original.empty()) {
            if (meta.original_language.empty()) meta.original_language = original;
            field = true;
        }
        std::string date = vocabulary::iso_date_in(line);
        if (!date.empty() && line.size() < 40) {
            if (meta.date.empty()) meta.date = date;
            field = true;
        }
        if (std::string place = place_in(line); !place.empty() && line.size() < 40) {
            if (meta.place.empty()) meta.place = place;
            // "New York, 17 February–14 March 2025": the session's dates stay as printed.
            if (line.size() > place.size() + 8) meta.masthead.push_back(line);
            field = true;
        }
        if (starts_with_ci(line, "working group on ") || starts_with_ci(line, "commission on ") ||
            starts_with_ci(line, "conference of the parties")) {
            if (meta.body.empty() || starts_with_ci(line, "working group")) meta.body = line;
            field = true;
        }
        if (!field && line != "United Nations" && std::count(line.begin(), line.end(), ' ') >= 1 &&
            !is_salutation(line))
            title_candidates.push_back(line);
        if (!field) meta.masthead.push_back(line);
    }
    if (meta.title.empty() && !title_candidates.empty()) {
        static const std::array<const char*, 10> kTitleWords{"report", "draft report", "note", "summary",
                                                             "comments", "speaking notes", "letter",
                                                             "resolution", "decision", "statement"};
        auto titled = std::find_if(title_candidates.begin(), title_candidates.end(), [](const std::string& l) {
            return std::any_of(kTitleWords.begin(), kTitleWords.end(),
                               [&](const char* w) { return starts_with_ci(l, w); });
        });
        meta.title = titled != title_candidates.end()
                         ? *titled
                         : *std::max_element(title_candidates.begin(), title_candidates.end(),
                                             [](const auto& a, const auto& b) { return a.size() < b.size(); });
    }

    // What the title page says besides its fields and title is kept as printed.
    std::erase_if(meta.masthead, [&](const std::string& line) {
        return line == meta.title || line == "United Nations" || meta.title.find(line) != std::string::npos;
    });

    // "The tenth meeting of the Working Group on Trafficking in Persons was held in Vienna"
    static const RE2 kMeeting(
        R"(\b([A-Za-z0-9]+) (?:meeting|session) of the ((?:Working Group|Conference|Commission|Committee)(?: (?:on|of|for|against|the|and|in|to|[A-Z][a-z]+))*)(?: was)? held in ([A-Z][a-z]+))");
    std::string haystack = meta.title + "\n";
    for (size_t i = 0; i < structured.units.size() && i < 60; ++i) haystack += structured.units[i].text + "\n";
    // Every match holds " meeting of the " or " session of the " right after its first
    // word and stays on one line: the expression runs only there.
    auto word_before = [&](size_t at) {
        while (at > 0 && std::isalnum(static_cast<unsigned char>(haystack[at - 1]))) --at;
        return at;
    };
    size_t meeting_at = haystack.find(" meeting of the "), session_at = haystack.find(" session of the ");
    while (meeting_at != std::string::npos || session_at != std::string::npos) {
        size_t at = std::min(meeting_at, session_at);
        if (at == meeting_at) meeting_at = haystack.find(" meeting of the ", at + 1);
        else session_at = haystack.find(" session of the ", at + 1);
        size_t begin = word_before(at);
        if (begin == at) continue;
        size_t line_end = haystack.find('\n', at);
        if (line_end == std::string::npos) line_end = haystack.size();
        // The whole haystack is given so that \b sees the character before `begin`.
        re2::StringPiece groups[4];
        if (!kMeeting.Match(haystack, begin, line_end, RE2::ANCHOR_START, groups, 4)) continue;
        int n = vocabulary::ordinal_value(std::string_view(groups[1].data(), groups[1].size()));
        if (n == 0) continue;
        meta.meeting_number = n;
        const std::string body(groups[2].data(), groups[2].size());
        if (meta.body.empty()) meta.body = body;
        meta.meeting = ascii_lower(std::string_view(groups[1].data(), groups[1].size())) + " meeting of the " + body;
        if (meta.place.empty()) meta.place = std::string(groups[3].data(), groups[3].size());
        break;
    }
    static const RE2 kHeldIn(R"(of the ((?:Working Group|Conference|Commission|Committee)(?: [A-Za-z]+)*?) held in ([A-Z][a-z]+))");
    std::string held_body, held_place;
    if (meta.title.find(" held in ") != std::string::npos &&
        RE2::PartialMatch(meta.title, kHeldIn, &held_body, &held_place)) {
        if (meta.body.empty()) meta.body = held_body;
        if (meta.place.empty()) meta.place = held_place;
    }
    // What running headers print, where the text says nothing itself. Their symbol names
    // the record a transcript was taken from, which holds other speakers' words too (one
    // General Debate meeting, several speeches): it is listed, the document keeps its own
    // name, so that a citation names one document and its own paragraph numbers.
    if (meta.date.empty()) meta.date = extracted.header_date;
    if (!extracted.header_symbol.empty() && extracted.header_symbol != meta.symbol &&
        std::find(meta.other_symbols.begin(), meta.other_symbols.end(), extracted.header_symbol) ==
            meta.other_symbols.end())
        meta.other_symbols.push_back(extracted.header_symbol);
    if (meta.date.empty()) meta.date = stated_date(structured.units);
    meta.type = guess_type(meta.title, meta);
    if (meta.type.empty() && ascii_lower(meta.distribution) == "limited") meta.type = "draft";
    return meta;
}

}  // namespace verbatim
