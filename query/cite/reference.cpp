#include "query/cite/reference.h"

#include <algorithm>
#include <regex>

namespace verbatim {

namespace {

std::string trim(std::string s) {
    size_t b = s.find_first_not_of(" \t\n,;");
    if (b == std::string::npos) return {};
    size_t e = s.find_last_not_of(" \t\n,;");
    return s.substr(b, e - b + 1);
}

// A quote or bracket left open (or closed without opening) means the reference was cut
// or mistyped: say so rather than look for a document named "CTOC/..., para. 36(b".
std::string unbalanced_mark(const std::string& s) {
    if (std::count(s.begin(), s.end(), '"') % 2 != 0)
        return "a double quote (\") is never closed; remove it or close it";
    std::string open;
    for (char c : s) {
        if (c == '(' || c == '[') {
            open += c;
        } else if (c == ')' || c == ']') {
            const char opener = c == ')' ? '(' : '[';
            if (open.empty() || open.back() != opener)
                return std::string("'") + c + "' has no matching '" + opener + "'";
            open.pop_back();
        }
    }
    if (!open.empty()) return std::string("'") + open.back() + "' is never closed; add a '" + (open.back() == '(' ? ')' : ']') + "'";
    return {};
}

}  // namespace

std::vector<std::string> Reference::anchors() const {
    std::string prefix = part == Part::paragraph ? "para-" : part == Part::recommendation ? "rec-" : "fn-";
    std::vector<std::string> out;
    if (part == Part::document) return out;
    std::string suffix;
    for (const std::string& item : items) suffix += "-" + item;
    if (!last.empty()) {
        int from = std::stoi(number), to = std::stoi(last);
        for (int n = from; n <= to && n - from < 500; ++n) out.push_back(prefix + std::to_string(n) + suffix);
        return out;
    }
    out.push_back(prefix + number + suffix);
    return out;
}

std::variant<Reference, std::string> parse_reference(std::string_view text) {
    std::string s = trim(std::string(text));
    if (s.empty()) return std::string("empty reference: give a document symbol and a paragraph, e.g. \"CTOC/COP/WG.4/2020/4, para. 12\"");
    if (s.size() > 500) return std::string("reference too long (") + std::to_string(s.size()) + " characters)";
    for (unsigned char c : s)
        if (c < 0x20) return std::string("control character in reference; remove it");
    if (std::string unbalanced = unbalanced_mark(s); !unbalanced.empty()) return unbalanced;

    // <document> [,] <part> <number>[-<number>] [(x)(y)...]
    static const std::regex kUnit(
        R"(^(.*?)[\s,]*\b(paras?\.?|paragraphs?|pars?\.?|draft\s+rec(?:ommendation)?s?\.?|rec(?:ommendation)?s?\.?|footnotes?|fns?\.?|notes?|¶)\s*\[?(\d{1,4}(?:bis|ter|quater|quinquies|sexies)?)\]?(?:\s*(?:-|–|to)\s*(\d{1,4}))?\s*((?:\(\s*[a-z]{1,6}\s*\)\s*)*)$)",
        std::regex::icase);
    std::smatch m;
    Reference ref;
    if (!std::regex_match(s, m, kUnit)) {
        // A reference with no unit names the whole document.
        static const std::regex kDanglingPart(R"(\b(paras?\.?|paragraphs?|rec(?:ommendation)?s?\.?|footnotes?|fn)\s*$)",
                                              std::regex::icase);
        if (std::regex_search(s, kDanglingPart))
            return std::string("'" + s + "' names a part but no number; add one, e.g. para. 12");
        ref.document = s;
        return ref;
    }
    ref.document = trim(m[1].str());
    // "CRP.4, draft recommendation 11bis, footnote 13": footnotes are numbered through
    // the document, so the unit that holds the marker only adds context.
    std::string outer_part = m[2].str();
    for (char& c : outer_part) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::smatch inner;
    while ((outer_part.rfind("f", 0) == 0 || outer_part.rfind("note", 0) == 0) &&
           std::regex_match(ref.document, inner, kUnit) && !trim(inner[1].str()).empty())
        ref.document = trim(inner[1].str());
    if (ref.document.empty())
        return std::string("no document in '" + s + "'; put its symbol first, e.g. \"CTOC/COP/WG.4/2020/4, " + s + "\"");
    std::string part = m[2].str();
    for (char& c : part) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (part.rfind("draft", 0) == 0) {
        ref.part = Reference::Part::recommendation;
        ref.draft = true;
    } else if (part.rfind("rec", 0) == 0) {
        ref.part = Reference::Part::recommendation;
    } else if (part.rfind("f", 0) == 0 || part.rfind("note", 0) == 0) {
        ref.part = Reference::Part::footnote;
    } else {
        ref.part = Reference::Part::paragraph;
    }
    ref.number = m[3].str();
    for (char& c : ref.number) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    ref.last = m[4].str();
    if (!ref.last.empty()) {
        if (ref.number.find_first_not_of("0123456789") != std::string::npos)
            return std::string("a range runs between plain numbers, e.g. paras. 8-10");
        if (std::stoi(ref.last) < std::stoi(ref.number))
            return std::string("the range " + ref.number + "-" + ref.last + " runs backwards");
    }
    std::string items = m[5].str();
    static const std::regex kItem(R"(\(\s*([a-z]{1,6})\s*\))", std::regex::icase);
    for (auto it = std::sregex_iterator(items.begin(), items.end(), kItem); it != std::sregex_iterator(); ++it) {
        std::string item = (*it)[1].str();
        for (char& c : item) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        ref.items.push_back(item);
    }
    return ref;
}

}  // namespace verbatim
