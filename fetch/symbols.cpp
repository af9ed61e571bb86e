#include "fetch/symbols.h"

#include <cctype>

namespace verbatim::fetch {

namespace {

struct NumberedPart {
    std::string prefix;  // "L." in "L.3"
    std::string digits;  // "3"
};

// "L.12" -> {"L.", "12"}; nothing when the part does not end in a number.
bool split_number(std::string_view part, NumberedPart& out) {
    size_t i = part.size();
    while (i > 0 && std::isdigit(static_cast<unsigned char>(part[i - 1]))) --i;
    if (i == part.size() || part.size() - i > 9) return false;
    out.prefix = std::string(part.substr(0, i));
    out.digits = std::string(part.substr(i));
    return true;
}

std::vector<std::string> split(std::string_view text, char sep) {
    std::vector<std::string> parts;
    size_t begin = 0;
    for (;;) {
        size_t end = text.find(sep, begin);
        parts.emplace_back(text.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
        if (end == std::string_view::npos) return parts;
        begin = end + 1;
    }
}

// The values one part stands for: itself, or the numbers of its range.
std::variant<std::vector<std::string>, std::string> expand_part(const std::string& part) {
    const size_t dash = part.find('-');
    NumberedPart from, to;
    if (dash == std::string::npos || part.find('-', dash + 1) != std::string::npos ||
        !split_number(std::string_view(part).substr(0, dash), from) ||
        !split_number(std::string_view(part).substr(dash + 1), to))
        return std::vector<std::string>{part};
    if (to.prefix.empty()) to.prefix = from.prefix;  // "L.1-3"
    if (to.prefix != from.prefix) {
        // "S-1" has no number before the dash; "A1-B2" names two series: both are literal.
        return std::vector<std::string>{part};
    }
    const long first = std::stol(from.digits), last = std::stol(to.digits);
    if (last < first) return "the range " + part + " runs backwards";
    const bool padded = from.digits.size() > 1 && from.digits[0] == '0';
    std::vector<std::string> values;
    for (long n = first; n <= last; ++n) {
        std::string digits = std::to_string(n);
        if (padded && digits.size() < from.digits.size()) digits.insert(0, from.digits.size() - digits.size(), '0');
        values.push_back(from.prefix + digits);
    }
    return values;
}

}  // namespace

std::variant<std::vector<std::string>, std::string> expand_symbol(std::string_view text, size_t limit) {
    if (text.empty()) return std::string("empty symbol");
    for (unsigned char c : text)
        if (std::isspace(c) || std::iscntrl(c)) return "'" + std::string(text) + "' holds a space; one symbol or range at a time";
    std::vector<std::string> symbols{""};
    bool first = true;
    for (const std::string& part : split(text, '/')) {
        if (part.empty()) return "'" + std::string(text) + "' has an empty part (two '/' in a row, or one at an end)";
        auto values = expand_part(part);
        if (auto* err = std::get_if<std::string>(&values)) return *err;
        const auto& list = std::get<std::vector<std::string>>(values);
        if (symbols.size() * list.size() > limit)
            return "'" + std::string(text) + "' expands to more than " + std::to_string(limit) + " symbols";
        std::vector<std::string> next;
        next.reserve(symbols.size() * list.size());
        for (const std::string& head : symbols)
            for (const std::string& value : list) next.push_back(first ? value : head + "/" + value);
        symbols = std::move(next);
        first = false;
    }
    return symbols;
}

std::string file_stem(std::string_view symbol) {
    std::string out;
    for (unsigned char c : symbol) {
        const bool safe = std::isalnum(c) || c == '.' || c == '-' || c == '(' || c == ')';
        out += safe ? static_cast<char>(c) : '_';
    }
    if (out.empty() || out[0] == '.') out.insert(0, "_");  // never hidden, never ".."
    return out;
}

bool looks_like_symbol(std::string_view text) {
    if (text.find('/') == std::string_view::npos) return false;
    if (!std::isalpha(static_cast<unsigned char>(text.front()))) return false;
    for (const std::string& part : split(text, '/')) {
        if (part.empty()) return false;
        for (unsigned char c : part)
            if (!(std::isalnum(c) || c == '.' || c == '-' || c == '(' || c == ')')) return false;
    }
    return true;
}

}  // namespace verbatim::fetch
