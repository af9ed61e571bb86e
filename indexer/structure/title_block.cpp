#include "indexer/structure/title_block.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>

namespace verbatim {

namespace {

const std::array<const char*, 12> kMonths{"january", "february", "march",     "april",   "may",      "june",
                                          "july",    "august",   "september", "october", "november", "december"};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && lower(s.substr(0, prefix.size())) == prefix;
}

std::string guess_type(const std::string& title, const DocumentMeta& meta) {
    std::string t = lower(title);
    std::string sym = lower(meta.symbol);
    if (sym.find("/crp.") != std::string::npos || t.find("conference room paper") != std::string::npos) return "crp";
    if (t.find("speaking notes") != std::string::npos || t.find("statement") == 0) return "statement";
    if (t.find("resolution") == 0 || sym.find("/res/") != std::string::npos) return "resolution";
    if (t.find("draft report") != std::string::npos || sym.find("/l.") != std::string::npos) return "draft";
    if (t.find("report") != std::string::npos) return "report";
    return "";
}

}  // namespace

int ordinal_value(std::string_view word) {
    static const std::array<const char*, 21> kWords{
        "",        "first",    "second",     "third",     "fourth",     "fifth",     "sixth",
        "seventh", "eighth",   "ninth",      "tenth",     "eleventh",   "twelfth",   "thirteenth",
        "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"};
    std::string w = lower(word);
    for (size_t i = 1; i < kWords.size(); ++i)
        if (w == kWords[i]) return static_cast<int>(i);
    size_t digits = 0;
    while (digits < w.size() && std::isdigit(static_cast<unsigned char>(w[digits]))) ++digits;
    if (digits > 0 && digits <= 3) {
        std::string suffix = w.substr(digits);
        if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") return std::stoi(w.substr(0, digits));
    }
    return 0;
}

std::string find_date(std::string_view text) {
    static const std::regex kDate(
        R"((\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4}))",
        std::regex::icase);
    std::match_results<std::string_view::const_iterator> m;
    if (!std::regex_search(text.begin(), text.end(), m, kDate)) return {};
    std::string month = lower(m[2].str());
    int month_number = static_cast<int>(std::find(kMonths.begin(), kMonths.end(), month) - kMonths.begin()) + 1;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", std::stoi(m[3].str()), month_number, std::stoi(m[1].str()));
    return buf;
}

bool looks_like_symbol(std::string_view text) {
    static const std::regex kSymbol(R"(^[A-Z]{1,8}(/[A-Za-z0-9.\-]{1,12}){1,8}$)");
    return text.size() < 60 && std::regex_match(text.begin(), text.end(), kSymbol) &&
           std::any_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
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

    static const std::regex kDistr(R"(Distr\.?:?\s*(General|Limited|Restricted))", std::regex::icase);
    static const std::regex kOriginal(R"(Original:\s*([A-Z][a-z]+))");
    static const std::regex kOnly(R"(^([A-Z][a-z]+) only$)");
    static const std::regex kPlace(R"(^([A-Z][a-z]+(?: [A-Z][a-z]+)?), \d)");
    std::vector<std::string> title_candidates;
    for (const std::string& line : structured.front_matter) {
        std::smatch m;
        bool field = false;
        if (looks_like_symbol(line)) {
            if (meta.symbol.empty()) meta.symbol = line;
            else if (line != meta.symbol) meta.other_symbols.push_back(line);
            field = true;
        }
        if (std::regex_search(line, m, kDistr)) {
            if (meta.distribution.empty()) meta.distribution = m[1].str();
            field = true;
        }
        if (std::regex_search(line, m, kOriginal)) {
            if (meta.original_language.empty()) meta.original_language = m[1].str();
            field = true;
        } else if (std::regex_match(line, m, kOnly)) {
            if (meta.original_language.empty()) meta.original_language = m[1].str();
            field = true;
        }
        std::string date = find_date(line);
        if (!date.empty() && line.size() < 40) {
            if (meta.date.empty()) meta.date = date;
            field = true;
        }
        if (std::regex_search(line, m, kPlace) && line.size() < 40) {
            if (meta.place.empty()) meta.place = m[1].str();
            field = true;
        }
        if (starts_with_ci(line, "working group on ") || starts_with_ci(line, "commission on ") ||
            starts_with_ci(line, "conference of the parties")) {
            if (meta.body.empty() || starts_with_ci(line, "working group")) meta.body = line;
            field = true;
        }
        if (!field && line != "United Nations" && std::count(line.begin(), line.end(), ' ') >= 1)
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
    static const std::regex kMeeting(
        R"(\b([A-Za-z0-9]+) (?:meeting|session) of the ((?:Working Group|Conference|Commission|Committee)(?: (?:on|of|for|against|the|and|in|to|[A-Z][a-z]+))*)(?: was)? held in ([A-Z][a-z]+))");
    std::string haystack = meta.title + "\n";
    for (size_t i = 0; i < structured.units.size() && i < 60; ++i) haystack += structured.units[i].text + "\n";
    std::smatch m;
    // Every match holds " meeting of the " or " session of the " right after its first
    // word and stays on one line: the expression runs only there (over the whole text it
    // cost a tenth of indexing).
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
        auto first = haystack.cbegin() + static_cast<std::ptrdiff_t>(begin);
        auto last = line_end == std::string::npos ? haystack.cend() : haystack.cbegin() + static_cast<std::ptrdiff_t>(line_end);
        auto flags = std::regex_constants::match_continuous |
                     (begin > 0 ? std::regex_constants::match_prev_avail : std::regex_constants::match_default);
        if (!std::regex_search(first, last, m, kMeeting, flags)) continue;
        int n = ordinal_value(m[1].str());
        if (n == 0) continue;
        meta.meeting_number = n;
        if (meta.body.empty()) meta.body = m[2].str();
        meta.meeting = lower(m[1].str()) + " meeting of the " + m[2].str();
        if (meta.place.empty()) meta.place = m[3].str();
        break;
    }
    static const std::regex kHeldIn(R"(of the ((?:Working Group|Conference|Commission|Committee)(?: [A-Za-z]+)*?) held in ([A-Z][a-z]+))");
    if (meta.title.find(" held in ") != std::string::npos && std::regex_search(meta.title, m, kHeldIn)) {
        if (meta.body.empty()) meta.body = m[1].str();
        if (meta.place.empty()) meta.place = m[2].str();
    }
    meta.type = guess_type(meta.title, meta);
    if (meta.type.empty() && lower(meta.distribution) == "limited") meta.type = "draft";
    return meta;
}

}  // namespace verbatim
