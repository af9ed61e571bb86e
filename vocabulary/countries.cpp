#include "vocabulary/countries.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "vocabulary/data_files.h"

namespace verbatim::vocabulary {

namespace {

// Lower case, dots and "the " dropped, spaces collapsed, curly apostrophes straight.
std::string key_of(std::string_view name) {
    std::string s;
    for (size_t i = 0; i < name.size(); ++i) {
        if (name.compare(i, 3, "\xE2\x80\x99") == 0) {
            s += '\'';
            i += 2;
            continue;
        }
        char c = name[i];
        if (c == '.') continue;
        if (c == ' ' || c == '\t' || c == '\n') {
            if (!s.empty() && s.back() != ' ') s += ' ';
            continue;
        }
        s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    if (s.rfind("the ", 0) == 0) s.erase(0, 4);
    return s;
}

struct Index {
    std::map<std::string, std::string> by_key;  // key -> canonical
    size_t longest_words = 1;
    // From data/countries.txt: "canonical | alias | alias".
    Index() {
        for (const std::vector<std::string>& forms : vocabulary::data_rows("countries.txt", 0, "|")) {
            for (const std::string& form : forms) {
                std::string k = key_of(form);
                by_key.emplace(k, forms.front());
                longest_words = std::max(longest_words, static_cast<size_t>(std::count(k.begin(), k.end(), ' ') + 1));
            }
        }
    }
};

const Index& index() {
    static const Index kIndex;
    return kIndex;
}

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80) || c == '-' || c == '\''; }

}  // namespace

std::string canonical_country(std::string_view name) {
    auto it = index().by_key.find(key_of(name));
    return it == index().by_key.end() ? std::string() : it->second;
}

std::vector<std::string> countries_in(std::string_view text) {
    std::vector<std::string> found;
    const Index& idx = index();
    // Word starts, so a name is tried from each capitalised word, longest name first.
    std::vector<size_t> starts, ends;
    for (size_t i = 0; i < text.size();) {
        if (!word_char(text[i]) && text[i] != '(') {
            ++i;
            continue;
        }
        size_t j = i;
        if (text[j] == '(') ++j;  // "Iran (Islamic Republic of)": parentheses are part of the name
        while (j < text.size() && (word_char(text[j]) || text[j] == '.' || text[j] == ')')) ++j;
        starts.push_back(i);
        ends.push_back(j);
        i = j;
    }
    for (size_t w = 0; w < starts.size(); ++w) {
        size_t begin = starts[w] + (text[starts[w]] == '(' ? 1 : 0);  // "(Afghanistan)"
        if (begin >= text.size() || !std::isupper(static_cast<unsigned char>(text[begin]))) continue;  // names are capitalised
        for (size_t n = std::min(idx.longest_words, starts.size() - w); n >= 1; --n) {
            std::string_view candidate = text.substr(begin, ends[w + n - 1] - begin);
            // Trailing punctuation is not part of a name ("Canada," "USA]").
            while (!candidate.empty() && (candidate.back() == '.' || candidate.back() == ')') &&
                   idx.by_key.find(key_of(candidate)) == idx.by_key.end())
                candidate.remove_suffix(1);
            auto it = idx.by_key.find(key_of(candidate));
            if (it == idx.by_key.end()) continue;
            // Short capitalised forms (US, UK, EU) must be written in capitals.
            if (candidate.size() <= 3 && !std::all_of(candidate.begin(), candidate.end(), [](char c) {
                    return std::isupper(static_cast<unsigned char>(c)) || c == '.';
                }))
                continue;
            if (std::find(found.begin(), found.end(), it->second) == found.end()) found.push_back(it->second);
            w += n - 1;
            break;
        }
    }
    return found;
}

}  // namespace verbatim::vocabulary
