#include "query/cite/reference.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include "vocabulary/ascii.h"
#include "vocabulary/ordinals.h"

namespace verbatim {

namespace {

// A reference is trimmed of spaces and of the commas and semicolons around it.
constexpr std::string_view kSpaceOrComma = " \t\n,;";

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

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

struct RefToken {
    enum Kind { word, number, punct } kind = punct;
    std::string text;   // words lower case without their dot; numbers as typed ("115.37", "11bis")
    bool dot = false;   // a word written with a dot: "p.", "para."
    size_t begin = 0;   // byte offset in the reference
};

std::vector<RefToken> tokenize(const std::string& s) {
    std::vector<RefToken> out;
    for (size_t i = 0; i < s.size();) {
        const char c = s[i];
        RefToken t;
        t.begin = i;
        if (c == ' ' || c == '\t') {
            ++i;
            continue;
        }
        if (is_alpha(c)) {
            size_t j = i;
            while (j < s.size() && is_alpha(s[j])) ++j;
            t.kind = RefToken::word;
            t.text = vocabulary::ascii_lower(s.substr(i, j - i));
            if (j < s.size() && s[j] == '.') t.dot = true, ++j;
            i = j;
        } else if (is_digit(c)) {
            size_t j = i;
            while (j < s.size() && is_digit(s[j])) ++j;
            // "115.37": an item of a paragraph, as UPR recommendations are numbered
            while (j + 1 < s.size() && s[j] == '.' && is_digit(s[j + 1])) {
                ++j;
                while (j < s.size() && is_digit(s[j])) ++j;
            }
            for (const char* suffix : {"quinquies", "quater", "sexies", "bis", "ter"}) {
                const std::string_view sv(suffix);
                if (vocabulary::ascii_lower(s.substr(j, sv.size())) == sv && (j + sv.size() == s.size() || !is_alpha(s[j + sv.size()]))) {
                    j += sv.size();
                    break;
                }
            }
            t.kind = RefToken::number;
            t.text = vocabulary::ascii_lower(s.substr(i, j - i));
            i = j;
        } else if (s.compare(i, 2, "\xC2\xB6") == 0) {  // ¶
            t.kind = RefToken::word;
            t.text = "para";
            i += 2;
        } else if (s.compare(i, 3, "\xE2\x80\x93") == 0 || s.compare(i, 3, "\xE2\x80\x94") == 0) {  // en, em dash
            t.text = "-";
            i += 3;
        } else {
            t.text = std::string(1, c);
            ++i;
        }
        out.push_back(std::move(t));
    }
    return out;
}

bool is_roman(const std::string& w) {
    return !w.empty() && w.size() <= 6 && w.find_first_not_of("ivxlc") == std::string::npos;
}

bool any_of(const std::string& w, std::initializer_list<const char*> words) {
    return std::any_of(words.begin(), words.end(), [&](const char* x) { return w == x; });
}

class Parser {
public:
    Parser(const std::vector<RefToken>& tokens, size_t at) : t_(tokens), i_(at) {}

    // The tail from token `at` as [section ,] unit [, footnote]; nullopt when it is not one,
    // with error_ set when it is one but malformed.
    std::optional<Reference> parse() {
        Reference ref;
        parse_section(ref);
        if (!parse_unit(ref)) return std::nullopt;
        // "draft recommendation 11bis, footnote 13": footnotes are numbered through the
        // document, so the unit that holds the marker only adds context.
        while (i_ < t_.size()) {
            size_t save = i_;
            if (is(",")) ++i_;
            Reference note;
            if (i_ < t_.size() && t_[i_].kind == RefToken::word &&
                any_of(t_[i_].text, {"footnote", "footnotes", "fn", "fns", "note", "notes"}) && parse_unit(note)) {
                note.section = ref.section;
                ref = note;
                continue;
            }
            i_ = save;
            break;
        }
        if (i_ != t_.size()) return std::nullopt;
        return ref;
    }

    const std::string& error() const { return error_; }
    size_t stopped_at() const { return i_; }

private:
    bool is(const char* p) const { return i_ < t_.size() && t_[i_].kind == RefToken::punct && t_[i_].text == p; }
    bool word(std::initializer_list<const char*> w) const {
        return i_ < t_.size() && t_[i_].kind == RefToken::word && any_of(t_[i_].text, w);
    }

    // "annex", "annex I", "appendix II", "draft resolution II", "enclosure", then a comma.
    void parse_section(Reference& ref) {
        size_t save = i_;
        std::string name;
        if (word({"annex", "appendix", "enclosure", "attachment", "addendum"})) {
            name = t_[i_++].text;
        } else if (word({"draft"}) && i_ + 1 < t_.size() && t_[i_ + 1].kind == RefToken::word &&
                   any_of(t_[i_ + 1].text, {"resolution", "decision"})) {
            name = "draft " + t_[i_ + 1].text;
            i_ += 2;
        } else if (word({"resolution", "decision"})) {
            name = t_[i_++].text;
        } else {
            return;
        }
        // Its number: roman, arabic or a capital letter ("annex A").
        if (i_ < t_.size() && !t_[i_].dot &&
            ((t_[i_].kind == RefToken::word && (is_roman(t_[i_].text) || t_[i_].text.size() == 1)) ||
             (t_[i_].kind == RefToken::number && t_[i_].text.find_first_not_of("0123456789") == std::string::npos))) {
            // "annex, para 3" has none; "annex I, para 3" has one; a kind word is never one.
            if (!(t_[i_].kind == RefToken::word && any_of(t_[i_].text, {"p", "pp"}))) name += " " + t_[i_++].text;
        }
        if (is(",")) ++i_;
        if (i_ >= t_.size() || t_[i_].kind != RefToken::word) {
            i_ = save;
            return;
        }
        ref.section = name;
    }

    bool parse_unit(Reference& ref) {
        if (i_ >= t_.size()) return false;
        // "third preambular paragraph", "3rd paragraph": an ordinal before the kind.
        if (int n = ordinal_here(); n > 0) {
            bool preambular = false;
            if (word({"preambular", "pp"})) preambular = true, ++i_;
            else if (word({"operative"})) ++i_;
            if (!word({"para", "paragraph", "paras", "paragraphs", "par"})) return false;
            ++i_;
            ref.part = preambular ? Reference::Part::preambular : Reference::Part::paragraph;
            ref.entries.push_back({std::to_string(n), {}, {}});
            return finish(ref);
        }
        if (!parse_kind(ref)) return false;
        if (!parse_entries(ref)) return false;
        return finish(ref);
    }

    int ordinal_here() {
        if (i_ >= t_.size()) return 0;
        size_t save = i_;
        int n = 0;
        if (t_[i_].kind == RefToken::word) {
            n = vocabulary::ordinal_value(t_[i_].text);
            ++i_;
        } else if (t_[i_].kind == RefToken::number && i_ + 1 < t_.size() && t_[i_ + 1].kind == RefToken::word &&
                   t_[i_ + 1].begin == t_[i_].begin + t_[i_].text.size()) {
            n = vocabulary::ordinal_value(t_[i_].text + t_[i_ + 1].text);  // "3rd"
            i_ += 2;
        }
        if (n <= 0) i_ = save;
        return n;
    }

    bool parse_kind(Reference& ref) {
        using P = Reference::Part;
        const RefToken& k = t_[i_];
        if (k.kind != RefToken::word) return false;
        const std::string& w = k.text;
        if (w == "pp" && k.dot) ref.part = P::page;  // "pp. 3-5": pages, as verbatim prints them
        else if (w == "pp") ref.part = P::preambular;
        else if (any_of(w, {"p", "page", "pages"})) ref.part = P::page;
        else if (any_of(w, {"para", "paras", "paragraph", "paragraphs", "par", "pars", "op"})) ref.part = P::paragraph;
        else if (any_of(w, {"rec", "recs", "recommendation", "recommendations"})) ref.part = P::recommendation;
        else if (any_of(w, {"footnote", "footnotes", "fn", "fns", "note", "notes"})) ref.part = P::footnote;
        else if (any_of(w, {"table", "tables"})) ref.part = P::table;
        else if (any_of(w, {"preambular", "operative"})) {
            ++i_;
            if (!word({"para", "paras", "paragraph", "paragraphs", "par"})) return false;
            ref.part = w == "preambular" ? P::preambular : P::paragraph;
        } else if (w == "draft") {
            ++i_;
            if (!word({"rec", "recs", "recommendation", "recommendations"})) return false;
            ref.part = P::recommendation;
            ref.draft = true;
        } else {
            return false;
        }
        ++i_;
        return true;
    }

    // 3 | [3] | 3-5 | 3 to 5, each with sub-items "(b)(ii)", joined by "," "and" "&".
    bool parse_entries(Reference& ref) {
        while (true) {
            Reference::Entry e;
            if (!parse_number(e.number)) return false;
            if (is("-") || word({"to"})) {
                ++i_;
                if (!parse_number(e.last)) {
                    if (error_.empty()) error_ = "a range needs its last number, e.g. paras. 8-10";
                    return false;
                }
            }
            while (is("(")) {
                if (i_ + 2 >= t_.size() || t_[i_ + 1].kind != RefToken::word || t_[i_ + 1].text.size() > 6 ||
                    t_[i_ + 1].dot || t_[i_ + 2].text != ")")
                    return false;
                e.items.push_back(t_[i_ + 1].text);
                i_ += 3;
            }
            ref.entries.push_back(std::move(e));
            size_t save = i_;
            bool comma = is(",");
            if (comma) ++i_;
            if (word({"and"}) || is("&")) ++i_;
            else if (!comma) return true;
            if (i_ < t_.size() && (t_[i_].kind == RefToken::number || is("["))) continue;
            i_ = save;  // ", footnote 3" follows: not the list's
            return true;
        }
    }

    bool parse_number(std::string& out) {
        bool bracket = is("[");
        if (bracket) ++i_;
        if (i_ >= t_.size() || t_[i_].kind != RefToken::number) return false;
        out = t_[i_++].text;
        if (bracket) {
            if (!is("]")) return false;
            ++i_;
        }
        return true;
    }

    // Checks the numbers read: ranges between plain numbers, running forwards, not too long.
    bool finish(Reference& ref) {
        for (const Reference::Entry& e : ref.entries) {
            if (e.number.size() > 12 || e.last.size() > 12) {
                error_ = "the number " + e.number + " is too long";
                return false;
            }
            if (e.last.empty()) continue;
            int from = 0, to = 0;
            auto plain = [](const std::string& n, int& v) {
                auto [p, ec] = std::from_chars(n.data(), n.data() + n.size(), v);
                return ec == std::errc() && p == n.data() + n.size() && n.size() <= 6;
            };
            if (!plain(e.number, from) || !plain(e.last, to)) {
                error_ = "a range runs between plain numbers, e.g. paras. 8-10";
                return false;
            }
            if (to < from) {
                error_ = "the range " + e.number + "-" + e.last + " runs backwards";
                return false;
            }
        }
        ref.number = ref.entries.front().number;
        ref.last = ref.entries.front().last;
        ref.items = ref.entries.front().items;
        return true;
    }

    const std::vector<RefToken>& t_;
    size_t i_;
    std::string error_;
};

const char* anchor_prefix(Reference::Part part) {
    switch (part) {
        case Reference::Part::paragraph: return "para-";
        case Reference::Part::preambular: return "pp-";
        case Reference::Part::recommendation: return "rec-";
        case Reference::Part::footnote: return "fn-";
        case Reference::Part::table: return "table-";
        default: return "";
    }
}

}  // namespace

std::string Reference::section_prefix() const {
    if (section.empty()) return {};
    std::string out;
    for (char c : section) out += c == ' ' ? '-' : c;
    return out + "-";
}

std::vector<std::string> Reference::anchors() const {
    std::vector<std::string> out;
    if (part == Part::document || part == Part::page) return out;
    const std::string prefix = section_prefix() + anchor_prefix(part);
    for (const Entry& e : entries) {
        std::string suffix;
        for (const std::string& item : e.items) suffix += "-" + item;
        if (!e.last.empty()) {
            int from = 0, to = 0;
            std::from_chars(e.number.data(), e.number.data() + e.number.size(), from);
            std::from_chars(e.last.data(), e.last.data() + e.last.size(), to);
            for (int n = from; n <= to && n - from < 500; ++n) out.push_back(prefix + std::to_string(n) + suffix);
            continue;
        }
        out.push_back(prefix + e.number + suffix);
    }
    return out;
}

std::string Reference::describe() const {
    std::string what = part == Part::paragraph        ? "paragraph"
                       : part == Part::preambular     ? "preambular paragraph"
                       : part == Part::recommendation ? (draft ? "draft recommendation" : "recommendation")
                       : part == Part::footnote       ? "footnote"
                       : part == Part::table          ? "table"
                       : part == Part::page           ? "page"
                                                      : "document";
    std::string list;
    for (const Entry& e : entries) {
        if (!list.empty()) list += ", ";
        list += e.number + (e.last.empty() ? "" : "-" + e.last);
        for (const std::string& item : e.items) list += " (" + item + ")";
    }
    const bool several = entries.size() > 1 || (!entries.empty() && !entries.front().last.empty());
    std::string out = what + (several ? "s " : " ") + list;
    return section.empty() ? out : section + ", " + out;
}

std::variant<Reference, std::string> parse_reference(std::string_view text) {
    std::string s(vocabulary::trim(text, kSpaceOrComma));
    if (s.empty()) return std::string("empty reference: give a document symbol and a paragraph, e.g. \"CTOC/COP/WG.4/2020/4, para. 12\"");
    if (s.size() > 500) return std::string("reference too long (") + std::to_string(s.size()) + " characters)";
    for (unsigned char c : s)
        if (c < 0x20) return std::string("control character in reference; remove it");
    if (std::string unbalanced = unbalanced_mark(s); !unbalanced.empty()) return unbalanced;
    // "para. 12." as the end of a sentence
    if (s.size() > 1 && s.back() == '.' && (is_digit(s[s.size() - 2]) || s[s.size() - 2] == ')' || s[s.size() - 2] == ']'))
        s.pop_back();

    const std::vector<RefToken> tokens = tokenize(s);
    // The unit is at the end: the leftmost word from which the rest reads as one, with a
    // document before it. A symbol's own letters ("A/HRC/WG.6") never read as a unit.
    std::string first_error;
    size_t first_error_at = std::string::npos;
    for (size_t k = 0; k < tokens.size(); ++k) {
        // A unit starts with a word, or with an ordinal written in figures ("3rd paragraph").
        const bool figure_ordinal = tokens[k].kind == RefToken::number && k + 1 < tokens.size() &&
                                    tokens[k + 1].kind == RefToken::word &&
                                    any_of(tokens[k + 1].text, {"st", "nd", "rd", "th"});
        if (tokens[k].kind != RefToken::word && !figure_ordinal) continue;
        // A word glued to what precedes it is part of the document's name ("CRP.4", "wg.4").
        if (k > 0 && tokens[k].begin > 0 && s[tokens[k].begin - 1] != ' ' && s[tokens[k].begin - 1] != ',') continue;
        Parser parser(tokens, k);
        std::optional<Reference> ref = parser.parse();
        if (!ref) {
            if (!parser.error().empty() && first_error.empty()) first_error = parser.error(), first_error_at = k;
            continue;
        }
        ref->document = std::string(vocabulary::trim(std::string_view(s).substr(0, tokens[k].begin), kSpaceOrComma));
        if (ref->document.empty())
            return std::string("no document in '" + s + "'; put its symbol first, e.g. \"CTOC/COP/WG.4/2020/4, " + s + "\"");
        return *ref;
    }
    if (!first_error.empty()) {
        const std::string rest = s.substr(tokens[first_error_at].begin);
        return "'" + rest + "': " + first_error;
    }
    // A kind word followed by a number that did not read: say what was not understood
    // rather than look for a document of that name.
    for (size_t k = 0; k + 1 < tokens.size(); ++k) {
        std::vector<RefToken> one(tokens.begin() + static_cast<std::ptrdiff_t>(k), tokens.begin() + static_cast<std::ptrdiff_t>(k) + 2);
        if (tokens[k].kind == RefToken::word && tokens[k + 1].kind == RefToken::number && k > 0 &&
            s[tokens[k].begin - 1] == ' ') {
            Parser p(one, 0);
            if (p.parse()) {
                return "'" + s.substr(tokens[k].begin) + "' is not understood after '" +
                       s.substr(tokens[k].begin, tokens[k + 1].begin + tokens[k + 1].text.size() - tokens[k].begin) +
                       "'; write e.g. \"para. 3\", \"paras. 3-5 and 7\", \"annex I, para. 2\", \"pp 3\", \"table 2\" or \"p. 5\"";
            }
        }
    }
    // A reference with no unit names the whole document.
    if (!tokens.empty() && tokens.back().kind == RefToken::word) {
        const std::string& w = tokens.back().text;
        if (any_of(w, {"para", "paras", "paragraph", "paragraphs", "rec", "recs", "recommendation", "recommendations",
                       "footnote", "footnotes", "fn", "table", "preambular"}) &&
            tokens.size() > 1)
            return std::string("'" + s + "' names a part but no number; add one, e.g. para. 12");
    }
    Reference ref;
    ref.document = s;
    return ref;
}

}  // namespace verbatim
