#include "vocabulary/dates.h"

#include <charconv>
#include <cstdio>
#include <map>
#include <set>
#include <vector>

#include "vocabulary/data_files.h"
#include "vocabulary/text.h"

namespace verbatim::vocabulary {
namespace {

struct Words {
    std::map<std::string, int, std::less<>> months;  // lower-case form -> month
    std::set<std::string, std::less<>> connectors;  // "de"
    Words() {
        for (const auto& row : data_rows("months.txt", 3)) {
            int month = 0;
            if (row.size() == 3) std::from_chars(row[1].data(), row[1].data() + row[1].size(), month);
            if (month >= 1 && month <= 12) months.emplace(lowercase(row[2]), month);
        }
        for (const auto& row : data_rows("date_words.txt", 2))
            if (row.size() == 2) connectors.insert(lowercase(row[1]));
    }
};

const Words& words() {
    static const Words kWords;
    return kWords;
}

struct Word {
    std::string text;  // Arabic-Indic digits as ASCII
    std::size_t at;    // byte offset in the text
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Words split at white space; Arabic-Indic digits (U+0660.., U+06F0..) read as ASCII.
std::vector<Word> words_of(std::string_view text) {
    std::vector<Word> out;
    for (std::size_t i = 0; i < text.size();) {
        while (i < text.size() && is_space(text[i])) ++i;
        const std::size_t start = i;
        std::string word;
        while (i < text.size() && !is_space(text[i])) {
            const auto b0 = static_cast<unsigned char>(text[i]);
            const auto b1 = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
            if ((b0 == 0xD9 && b1 >= 0xA0 && b1 <= 0xA9) || (b0 == 0xDB && b1 >= 0xB0 && b1 <= 0xB9)) {
                word += static_cast<char>('0' + (b1 & 0x0F));
                i += 2;
                continue;
            }
            word += text[i++];
        }
        if (!word.empty()) out.push_back({std::move(word), start});
    }
    return out;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The day a word ends with: its last one or two digits, "er" after them allowed ("1er"),
// not inside a longer number or after a Latin letter ("2–20 June": after a dash); 0 when none.
int day_in(std::string_view w) {
    if (w.size() > 2 && w.substr(w.size() - 2) == "er") w.remove_suffix(2);
    std::size_t d = w.size();
    while (d > 0 && is_digit(w[d - 1]) && w.size() - d < 2) --d;
    if (d == w.size() || (d > 0 && (is_digit(w[d - 1]) || is_ascii_letter(w[d - 1])))) return 0;
    int day = 0;
    std::from_chars(w.data() + d, w.data() + w.size(), day);
    return day >= 1 && day <= 31 ? day : 0;
}

// "2024年3月2日", spaces allowed around the figures; the date and where it starts.
std::string han_date(std::string_view text, std::size_t& at) {
    static constexpr std::string_view kYear = "\xE5\xB9\xB4", kMonth = "\xE6\x9C\x88", kDay = "\xE6\x97\xA5";
    for (std::size_t y = text.find(kYear); y != std::string_view::npos; y = text.find(kYear, y + 1)) {
        std::size_t b = y;
        while (b > 0 && text[b - 1] == ' ') --b;
        std::size_t start = b;
        while (start > 0 && is_digit(text[start - 1]) && b - start < 5) --start;
        if (b - start != 4) continue;
        auto number_then = [&](std::size_t i, std::string_view mark, int& value) {
            while (i < text.size() && text[i] == ' ') ++i;
            const std::size_t from = i;
            while (i < text.size() && is_digit(text[i]) && i - from < 3) ++i;
            if (i == from || i - from > 2) return std::string_view::npos;
            std::from_chars(text.data() + from, text.data() + i, value);
            while (i < text.size() && text[i] == ' ') ++i;
            return text.compare(i, mark.size(), mark) == 0 ? i + mark.size() : std::string_view::npos;
        };
        int month = 0, day = 0;
        const std::size_t after_month = number_then(y + kYear.size(), kMonth, month);
        if (after_month == std::string_view::npos || number_then(after_month, kDay, day) == std::string_view::npos)
            continue;
        if (month < 1 || month > 12 || day < 1 || day > 31) continue;
        at = start;
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.4s-%02d-%02d", text.data() + start, month, day);
        return buffer;
    }
    return {};
}

}  // namespace

int month_number(std::string_view name) {
    const Words& w = words();
    int month = 0;
    // "آذار/مارس": each name of the pair must be the same month.
    for (std::size_t from = 0; from <= name.size();) {
        std::size_t slash = name.find('/', from);
        if (slash == std::string_view::npos) slash = name.size();
        const auto it = w.months.find(lowercase(name.substr(from, slash - from)));
        if (it == w.months.end() || (month != 0 && it->second != month)) return 0;
        month = it->second;
        from = slash + 1;
    }
    return month;
}

std::string iso_date_in(std::string_view text) {
    const Words& w = words();
    const std::vector<Word> tokens = words_of(text);
    std::string found;
    std::size_t found_at = text.size();
    for (std::size_t i = 0; i + 2 < tokens.size() && found.empty(); ++i) {
        const int day = day_in(tokens[i].text);
        if (day == 0) continue;
        // The month: up to three words before the year ("كانون الثاني/يناير"), connectors
        // ("de") passed over.
        std::size_t m = i + 1;
        if (m < tokens.size() && w.connectors.count(lowercase(tokens[m].text))) ++m;
        std::string name;
        for (std::size_t y = m; y < tokens.size() && y < m + 4; ++y) {
            const std::string& year = tokens[y].text;
            if (y > m && year.size() >= 4 && is_digit(year[0]) && is_digit(year[1]) && is_digit(year[2]) &&
                is_digit(year[3]) && (year.size() == 4 || !is_digit(year[4]))) {
                if (const int month = month_number(name); month > 0) {
                    char buffer[32];
                    std::snprintf(buffer, sizeof buffer, "%.4s-%02d-%02d", year.c_str(), month, day);
                    found = buffer;
                    found_at = tokens[i].at;
                }
                break;
            }
            if (w.connectors.count(lowercase(year))) continue;
            if (!name.empty()) name += ' ';
            name += year;
        }
    }
    std::size_t han_at = 0;
    if (std::string han = han_date(text, han_at); !han.empty() && han_at < found_at) return han;
    return found;
}

std::string numeric_date(std::string_view t) {
    auto number = [&](std::size_t& i, std::size_t max_digits, int& value) {
        const std::size_t from = i;
        while (i < t.size() && i - from < max_digits && is_digit(t[i])) ++i;
        if (i == from) return false;
        std::from_chars(t.data() + from, t.data() + i, value);
        return true;
    };
    std::size_t i = 0;
    int day = 0, month = 0, year = 0;
    if (!number(i, 2, day) || i >= t.size() || (t[i] != '/' && t[i] != '.')) return {};
    const char separator = t[i++];
    if (!number(i, 2, month) || i >= t.size() || t[i] != separator) return {};
    const std::size_t year_at = ++i;
    if (!number(i, 4, year) || i != t.size() || i - year_at != 4) return {};
    if (day < 1 || day > 31 || month < 1 || month > 12 || year < 1900 || year > 2100) return {};
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

}  // namespace verbatim::vocabulary
