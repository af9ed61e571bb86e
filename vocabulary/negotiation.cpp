#include "vocabulary/negotiation.h"
#include "vocabulary/ascii.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "vocabulary/countries.h"
#include "vocabulary/text.h"

namespace verbatim::vocabulary {

namespace {

// What an annotation's pieces are trimmed of: spaces and the punctuation between them.
constexpr std::string_view kSpaceOrPunct = " \t\n,;.";

// Removes "~~" marks and footnote markers: annotations are read without them.
std::string plain(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s.compare(i, 2, "~~") == 0) {
            ++i;
            continue;
        }
        out += s[i];
    }
    return out;
}

// The action words annotations start with, longest first, and what they mean.
struct ActionWord {
    const char* words;
    const char* action;
};
constexpr std::array<ActionWord, 12> kActions{{
    {"modify as tracked", "modify"},
    {"proposed by", "propose"},
    {"replace", "replace"},
    {"combine", "combine"},
    {"delete", "delete"},
    {"modify", "modify"},
    {"retain", "retain"},
    {"remove", "remove"},
    {"option", "option"},
    {"split", "split"},
    {"add", "add"},
    {"keep", "retain"},
}};

bool word_boundary(std::string_view s, size_t at, size_t len) {
    bool before = at == 0 || !std::isalpha(static_cast<unsigned char>(s[at - 1]));
    bool after = at + len >= s.size() || !std::isalpha(static_cast<unsigned char>(s[at + len]));
    return before && after;
}

// Where an action word starts a clause of the annotation: at its start or after
// ", " "; " ": " (so "address" or "added to" inside quoted text do not count).
std::vector<std::pair<size_t, const ActionWord*>> action_positions(const std::string& content) {
    std::string l = ascii_lower(content);
    std::vector<std::pair<size_t, const ActionWord*>> found;
    for (size_t i = 0; i < l.size(); ++i) {
        if (i > 0) {
            size_t j = i;
            while (j > 0 && l[j - 1] == ' ') --j;
            if (j > 0 && l[j - 1] != ',' && l[j - 1] != ';' && l[j - 1] != ':') continue;
            if (j == i) continue;  // needs the space after the comma
        }
        for (const ActionWord& a : kActions) {
            size_t len = std::char_traits<char>::length(a.words);
            if (l.compare(i, len, a.words) == 0 && word_boundary(l, i, len)) {
                found.emplace_back(i, &a);
                i += len - 1;
                break;
            }
        }
    }
    return found;
}

// "Canada<16>, USA" -> canonical delegation names; empty when an item is not a name.
std::vector<std::string> delegations_in(std::string_view list, bool require_all) {
    std::vector<std::string> out;
    size_t b = 0;
    while (b <= list.size()) {
        size_t e = list.find(',', b);
        if (e == std::string_view::npos) e = list.size();
        std::string item(trim(list.substr(b, e - b), kSpaceOrPunct));
        b = e + 1;
        // "Israel suggests ..." or "UK: ..." keep only the name.
        if (item.empty()) continue;
        std::string name = canonical_country(item);
        if (name.empty()) {
            // Observers and organisations: a short capitalised name is still a delegation.
            size_t words = static_cast<size_t>(std::count(item.begin(), item.end(), ' ') + 1);
            if (std::isupper(static_cast<unsigned char>(item[0])) && words <= 6 && item.find('\'') == std::string::npos &&
                item.find("\xE2\x80") == std::string::npos)
                name = item;
            else if (require_all)
                return {};
            else
                continue;
        }
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    }
    return out;
}

// The quoted words of an annotation: 'gender', “should“, ‘individuals/population’.
std::string quoted_in(std::string_view s) {
    static const std::array<std::pair<std::string_view, std::string_view>, 4> kQuotes{{
        {"\xE2\x80\x98", "\xE2\x80\x99"}, {"\xE2\x80\x9C", "\xE2\x80\x9C"}, {"\xE2\x80\x9C", "\xE2\x80\x9D"}, {"'", "'"}}};
    for (const auto& [open, close] : kQuotes) {
        size_t b = s.find(open);
        if (b == std::string_view::npos) continue;
        size_t e = s.find(close, b + open.size());
        if (e == std::string_view::npos) continue;
        return std::string(s.substr(b + open.size(), e - b - open.size()));
    }
    return {};
}

// Parses the content of one bracket; false when it is not an annotation.
bool parse_annotation(const std::string& raw, Annotation& out) {
    std::string content(trim(plain(raw), kSpaceOrPunct));
    std::string l = ascii_lower(content);
    if (l == "agreed" || l == "agreed as amended" || l == "pending") {
        out.status = l;
        return true;
    }
    auto positions = action_positions(content);
    if (positions.empty() || positions.front().first != 0) {
        // "[France]", "[USA]": a bare delegation proposing the text before it.
        std::vector<std::string> names = delegations_in(content, true);
        if (names.empty() || content.size() > 80) return false;
        out.changes.push_back({"propose", names, "", ""});
        return true;
    }
    std::string option;
    for (size_t k = 0; k < positions.size(); ++k) {
        auto [at, word] = positions[k];
        size_t end = k + 1 < positions.size() ? positions[k + 1].first : content.size();
        std::string segment = content.substr(at, end - at);
        std::string action = word->action;
        size_t len = std::char_traits<char>::length(word->words);
        if (action == "option") {  // "option 1: add ...": a label for what follows
            option = std::string(trim(segment.substr(0, segment.find(':')), kSpaceOrPunct));
            continue;
        }
        ProposedChange change;
        change.action = action;
        change.note = option;
        if (action == "propose") {
            std::string who = segment.substr(len);
            size_t as = who.find(" as ");
            change.delegations = delegations_in(who.substr(0, as), false);
            if (change.delegations.empty()) change.delegations.push_back(std::string(trim(who.substr(0, as), kSpaceOrPunct)));
            if (as != std::string::npos) change.note = std::string(trim(who.substr(as + 1), kSpaceOrPunct));
            out.changes.push_back(std::move(change));
            continue;
        }
        size_t colon = segment.rfind(':');
        if (colon == std::string::npos) continue;  // "combine ... and" without delegations
        std::string quoted = quoted_in(segment.substr(len, colon - len));
        if (!quoted.empty()) change.text = quoted;
        std::string detail(trim(segment.substr(len, colon - len), kSpaceOrPunct));
        if (!detail.empty() && quoted.empty()) change.note = change.note.empty() ? detail : change.note + "; " + detail;
        change.delegations = delegations_in(std::string_view(segment).substr(colon + 1), false);
        out.changes.push_back(std::move(change));
    }
    return !out.changes.empty();
}

// The words before an annotation that it refers to: a "~~...~~" run right before it,
// else the words since the previous annotation (at most eight).
std::string preceding_words(std::string_view text, size_t from, size_t to) {
    std::string_view before = text.substr(from, to - from);
    size_t last = before.find_last_not_of(" ");
    if (last != std::string_view::npos && last >= 1 && before.compare(last - 1, 2, "~~") == 0) {
        size_t open = before.rfind("~~", last - 2);
        if (open != std::string_view::npos) return std::string(trim(before.substr(open + 2, last - 1 - open - 2), kSpaceOrPunct));
    }
    std::string words(trim(plain(before), kSpaceOrPunct));
    size_t count = 0, cut = words.size();
    while (cut > 0 && count < 8) {
        size_t space = words.rfind(' ', cut - 1);
        ++count;
        cut = space == std::string::npos ? 0 : space;
    }
    return std::string(trim(std::string_view(words).substr(cut), kSpaceOrPunct));
}

}  // namespace

std::vector<Annotation> find_annotations(std::string_view text) {
    std::vector<Annotation> found;
    std::vector<size_t> opens;
    size_t previous_end = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '[') {
            opens.push_back(i);
        } else if (text[i] == ']' && !opens.empty()) {
            size_t open = opens.back();
            opens.pop_back();
            std::string content(text.substr(open + 1, i - open - 1));
            if (content.find('[') != std::string::npos) continue;  // holds annotations: negotiated text
            Annotation a;
            a.start = open;
            a.end = i + 1;
            if (!parse_annotation(content, a)) continue;
            for (ProposedChange& c : a.changes)
                if (c.text.empty() && c.action != "propose") c.text = preceding_words(text, previous_end, open);
            previous_end = a.end;
            found.push_back(std::move(a));
        }
    }
    std::sort(found.begin(), found.end(), [](const Annotation& x, const Annotation& y) { return x.start < y.start; });
    return found;
}

std::string reading_text(std::string_view text) {
    std::vector<Annotation> annotations = find_annotations(text);
    std::string out;
    size_t at = 0;
    for (const Annotation& a : annotations) {
        if (a.start < at) continue;
        out.append(text.substr(at, a.start - at));
        out += ' ';
        at = a.end;
    }
    out.append(text.substr(at));
    // Tracked-change marks and the brackets of negotiated text are not words.
    std::string clean;
    for (size_t i = 0; i < out.size(); ++i) {
        if (out.compare(i, 2, "~~") == 0) {
            ++i;
            continue;
        }
        if (out[i] == '[' || out[i] == ']') continue;
        if (out[i] == ' ' && !clean.empty() && clean.back() == ' ') continue;
        clean += out[i];
    }
    return clean;
}

std::string annotation_words(std::string_view text) {
    std::string out;
    for (const Annotation& a : find_annotations(text)) out += std::string(text.substr(a.start + 1, a.end - a.start - 2)) + "\n";
    return plain(out);
}

}  // namespace verbatim::vocabulary
