#include "indexer/structure/countries.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace verbatim {

const std::vector<CountryNames>& country_table() {
    // UN member States, observer States and the European Union, by their usual short
    // names, with the long and informal forms documents use.
    static const std::vector<CountryNames> kTable{
        {"Afghanistan", {}},
        {"Albania", {}},
        {"Algeria", {}},
        {"Andorra", {}},
        {"Angola", {}},
        {"Antigua and Barbuda", {}},
        {"Argentina", {}},
        {"Armenia", {}},
        {"Australia", {}},
        {"Austria", {}},
        {"Azerbaijan", {}},
        {"Bahamas", {"the Bahamas"}},
        {"Bahrain", {}},
        {"Bangladesh", {}},
        {"Barbados", {}},
        {"Belarus", {}},
        {"Belgium", {}},
        {"Belize", {}},
        {"Benin", {}},
        {"Bhutan", {}},
        {"Bolivia", {"Bolivia (Plurinational State of)", "Plurinational State of Bolivia"}},
        {"Bosnia and Herzegovina", {}},
        {"Botswana", {}},
        {"Brazil", {}},
        {"Brunei Darussalam", {"Brunei"}},
        {"Bulgaria", {}},
        {"Burkina Faso", {}},
        {"Burundi", {}},
        {"Cabo Verde", {"Cape Verde"}},
        {"Cambodia", {}},
        {"Cameroon", {}},
        {"Canada", {}},
        {"Central African Republic", {}},
        {"Chad", {}},
        {"Chile", {}},
        {"China", {"People's Republic of China"}},
        {"Colombia", {}},
        {"Comoros", {}},
        {"Congo", {"Republic of the Congo"}},
        {"Costa Rica", {}},
        {"Côte d'Ivoire", {"Cote d'Ivoire", "Côte d’Ivoire", "Ivory Coast"}},
        {"Croatia", {}},
        {"Cuba", {}},
        {"Cyprus", {}},
        {"Czechia", {"Czech Republic"}},
        {"Democratic People's Republic of Korea", {"DPRK", "North Korea", "Democratic People’s Republic of Korea"}},
        {"Democratic Republic of the Congo", {"DRC"}},
        {"Denmark", {}},
        {"Djibouti", {}},
        {"Dominica", {}},
        {"Dominican Republic", {}},
        {"Ecuador", {}},
        {"Egypt", {}},
        {"El Salvador", {}},
        {"Equatorial Guinea", {}},
        {"Eritrea", {}},
        {"Estonia", {}},
        {"Eswatini", {"Swaziland"}},
        {"Ethiopia", {}},
        {"Fiji", {}},
        {"Finland", {}},
        {"France", {}},
        {"Gabon", {}},
        {"Gambia", {"the Gambia"}},
        {"Georgia", {}},
        {"Germany", {}},
        {"Ghana", {}},
        {"Greece", {}},
        {"Grenada", {}},
        {"Guatemala", {}},
        {"Guinea", {}},
        {"Guinea-Bissau", {}},
        {"Guyana", {}},
        {"Haiti", {}},
        {"Honduras", {}},
        {"Hungary", {}},
        {"Iceland", {}},
        {"India", {}},
        {"Indonesia", {}},
        {"Iran", {"Iran (Islamic Republic of)", "Islamic Republic of Iran"}},
        {"Iraq", {}},
        {"Ireland", {}},
        {"Israel", {}},
        {"Italy", {}},
        {"Jamaica", {}},
        {"Japan", {}},
        {"Jordan", {}},
        {"Kazakhstan", {}},
        {"Kenya", {}},
        {"Kiribati", {}},
        {"Kuwait", {}},
        {"Kyrgyzstan", {"Kyrgyz Republic"}},
        {"Lao People's Democratic Republic", {"Laos", "Lao People’s Democratic Republic"}},
        {"Latvia", {}},
        {"Lebanon", {}},
        {"Lesotho", {}},
        {"Liberia", {}},
        {"Libya", {}},
        {"Liechtenstein", {}},
        {"Lithuania", {}},
        {"Luxembourg", {}},
        {"Madagascar", {}},
        {"Malawi", {}},
        {"Malaysia", {}},
        {"Maldives", {}},
        {"Mali", {}},
        {"Malta", {}},
        {"Marshall Islands", {}},
        {"Mauritania", {}},
        {"Mauritius", {}},
        {"Mexico", {}},
        {"Micronesia", {"Micronesia (Federated States of)", "Federated States of Micronesia"}},
        {"Monaco", {}},
        {"Mongolia", {}},
        {"Montenegro", {}},
        {"Morocco", {}},
        {"Mozambique", {}},
        {"Myanmar", {}},
        {"Namibia", {}},
        {"Nauru", {}},
        {"Nepal", {}},
        {"Netherlands", {"the Netherlands", "Netherlands (Kingdom of the)", "Kingdom of the Netherlands"}},
        {"New Zealand", {}},
        {"Nicaragua", {}},
        {"Niger", {}},
        {"Nigeria", {}},
        {"North Macedonia", {}},
        {"Norway", {}},
        {"Oman", {}},
        {"Pakistan", {}},
        {"Palau", {}},
        {"Panama", {}},
        {"Papua New Guinea", {}},
        {"Paraguay", {}},
        {"Peru", {}},
        {"Philippines", {"the Philippines"}},
        {"Poland", {}},
        {"Portugal", {}},
        {"Qatar", {}},
        {"Republic of Korea", {"South Korea", "Korea (Republic of)"}},
        {"Republic of Moldova", {"Moldova"}},
        {"Romania", {}},
        {"Russian Federation", {"Russia", "Russian Fed.", "Russian Fed"}},
        {"Rwanda", {}},
        {"Saint Kitts and Nevis", {}},
        {"Saint Lucia", {}},
        {"Saint Vincent and the Grenadines", {}},
        {"Samoa", {}},
        {"San Marino", {}},
        {"Sao Tome and Principe", {"São Tomé and Príncipe"}},
        {"Saudi Arabia", {}},
        {"Senegal", {}},
        {"Serbia", {}},
        {"Seychelles", {}},
        {"Sierra Leone", {}},
        {"Singapore", {}},
        {"Slovakia", {}},
        {"Slovenia", {}},
        {"Solomon Islands", {}},
        {"Somalia", {}},
        {"South Africa", {"Republic of South Africa"}},
        {"South Sudan", {}},
        {"Spain", {}},
        {"Sri Lanka", {}},
        {"Sudan", {}},
        {"Suriname", {}},
        {"Sweden", {}},
        {"Switzerland", {}},
        {"Syrian Arab Republic", {"Syria"}},
        {"Tajikistan", {}},
        {"Thailand", {}},
        {"Timor-Leste", {"East Timor"}},
        {"Togo", {}},
        {"Tonga", {}},
        {"Trinidad and Tobago", {}},
        {"Tunisia", {}},
        {"Türkiye", {"Turkey", "Turkiye"}},
        {"Turkmenistan", {}},
        {"Tuvalu", {}},
        {"Uganda", {}},
        {"Ukraine", {}},
        {"United Arab Emirates", {"UAE"}},
        {"United Kingdom", {"UK", "U.K.", "United Kingdom of Great Britain and Northern Ireland", "Great Britain", "Britain"}},
        {"United Republic of Tanzania", {"Tanzania"}},
        {"United States", {"USA", "U.S.A.", "US", "U.S.", "United States of America"}},
        {"Uruguay", {}},
        {"Uzbekistan", {}},
        {"Vanuatu", {}},
        {"Venezuela", {"Venezuela (Bolivarian Republic of)", "Bolivarian Republic of Venezuela"}},
        {"Viet Nam", {"Vietnam"}},
        {"Yemen", {}},
        {"Zambia", {}},
        {"Zimbabwe", {}},
        {"Holy See", {}},
        {"State of Palestine", {"Palestine"}},
        {"European Union", {"EU"}},
    };
    return kTable;
}

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
    Index() {
        for (const CountryNames& c : country_table()) {
            auto add = [&](std::string_view form) {
                std::string k = key_of(form);
                by_key.emplace(k, c.canonical);
                longest_words = std::max(longest_words, static_cast<size_t>(std::count(k.begin(), k.end(), ' ') + 1));
            };
            add(c.canonical);
            for (const char* a : c.aliases) add(a);
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

}  // namespace verbatim
