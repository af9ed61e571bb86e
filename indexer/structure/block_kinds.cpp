#include "indexer/structure/block_kinds.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "vocabulary/text.h"

namespace verbatim::blocks {
namespace {

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        size_t j = i;
        while (j < text.size() && text[j] != ' ') ++j;
        if (j > i) words.push_back(text.substr(i, j - i));
        i = j;
    }
    return words;
}

using vocabulary::char_count;
using vocabulary::is_upper_start;
using vocabulary::lowercase;

std::string_view trim_punct(std::string_view w) {
    while (!w.empty() && std::string_view(",.;:()[]\"'*").find(w.back()) != std::string_view::npos) w.remove_suffix(1);
    while (!w.empty() && std::string_view("([\"'*").find(w.front()) != std::string_view::npos) w.remove_prefix(1);
    return w;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// The number of a part or caption: "II", "3", "A", "A.1", "3.2".
bool is_label_token(std::string_view s) {
    s = trim_punct(s);
    if (s.empty() || s.size() > 8) return false;
    if (vocabulary::is_roman_numeral(s)) return true;
    if (s.size() == 1 && std::isupper(static_cast<unsigned char>(s[0]))) return true;
    bool digit = false;
    for (char c : s) {
        if (std::isdigit(static_cast<unsigned char>(c))) digit = true;
        else if (c != '.' && c != '-' && !(std::isupper(static_cast<unsigned char>(c)))) return false;
    }
    return digit;
}

}  // namespace

bool is_contents_entry(std::string_view text) {
    // A dot leader: four or more dots, spaced or not, then at most a page reference.
    size_t dots = 0, run_end = std::string_view::npos;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '.') {
            ++dots;
            run_end = i;
        } else if (text.compare(i, 3, "\xE2\x80\xA6") == 0) {  // …
            dots += 3;
            run_end = i + 2;
            i += 2;
        } else if (text[i] != ' ') {
            if (dots >= 4) break;
            dots = 0;
        }
    }
    if (dots < 4 || run_end == std::string_view::npos) return false;
    std::string_view tail = text.substr(run_end + 1);
    while (!tail.empty() && tail.front() == ' ') tail.remove_prefix(1);
    const std::vector<std::string_view> rest = words_of(tail);
    if (rest.size() > 3) return false;
    return std::all_of(rest.begin(), rest.end(), [](std::string_view w) {
        w = trim_punct(w);
        return is_all_digits(w) || w.find_first_not_of("ivxlc") == std::string_view::npos ||
               w.find_first_not_of("0123456789-–") == std::string_view::npos;
    });
}

bool is_contents_heading(std::string_view text) {
    const std::string t = lowercase(text);
    static const std::array<std::string_view, 9> kHeads{
        "contents", "table of contents", "sommaire", "table des matières", "índice",
        "indice", "содержание", "المحتويات", "目录"};
    for (std::string_view h : kHeads) {
        if (t.rfind(h, 0) != 0) continue;
        std::string_view rest = std::string_view(t).substr(h.size());
        for (std::string_view w : words_of(rest)) {
            w = trim_punct(w);
            if (w != "page" && w != "paragraphs" && w != "paragraph" && w != "pages" && w != "página" &&
                w != "párrafos" && w != "paragraphes" && w != "стр" && w != "пункты")
                return false;
        }
        return true;
    }
    return false;
}

bool is_chapeau(std::string_view text) {
    if (text.empty() || char_count(text) > 120) return false;
    const bool comma = ends_with(text, ",") || ends_with(text, "\xD8\x8C") /* ، */ ||
                       ends_with(text, "\xEF\xBC\x8C") /* ， */;
    if (!comma) return false;
    const std::vector<std::string_view> words = words_of(text);
    if (words.size() > 14) return false;
    // "The Council," / "L'Assemblée générale,": an article opens it, or it is an organ's
    // name alone ("Генеральная Ассамблея,"); "At its 5th meeting, the Council," is prose.
    static const std::array<std::string_view, 7> kArticles{"the", "la", "le", "les", "el", "los", "las"};
    const std::string first = lowercase(words[0]);
    const bool article = std::find(kArticles.begin(), kArticles.end(), first) != kArticles.end() ||
                         first.rfind("l'", 0) == 0 || first.rfind("l\xE2\x80\x99", 0) == 0;
    if (!article && words.size() > 4) return false;
    static const std::array<std::string_view, 26> kOrgans{
        "assembly", "council", "conference", "commission", "committee", "board", "parties",
        "meeting", "forum", "group", "assemblée", "conseil", "conférence", "comité", "asamblea",
        "consejo", "conferencia", "comisión", "junta", "ассамблея", "совет", "конференция",
        "комиссия", "комитет", "الجمعية", "المجلس"};
    for (std::string_view w : words) {
        const std::string f = lowercase(trim_punct(w));
        for (std::string_view organ : kOrgans)
            if (ends_with(f, organ)) return true;  // "l'assemblée" too
    }
    // Chinese: "大会，", "安全理事会，", "经济及社会理事会，".
    return ends_with(text, "\xEF\xBC\x8C") && (text.find("\xE4\xBC\x9A") != std::string_view::npos);  // 会
}

bool opens_preambular(std::string_view text) {
    const std::vector<std::string_view> words = words_of(text);
    if (words.empty() || !is_upper_start(words[0])) return false;
    std::string first = lowercase(trim_punct(words[0]));
    static const std::array<std::string_view, 58> kOpeners{
        // English adjectives and phrases that open preambular paragraphs
        "mindful", "aware", "convinced", "concerned", "deeply", "gravely", "seriously", "alarmed",
        "determined", "guided", "cognizant", "conscious", "encouraged", "committed", "resolved",
        "fully", "strongly", "firmly", "profoundly", "greatly", "disturbed", "troubled", "dismayed",
        "distressed", "shocked", "outraged", "anxious", "persuaded", "satisfied", "pleased",
        "gratified", "grateful", "inspired", "keen", "further", "also", "desirous", "bearing",
        "having", "taking", "acting",
        // French, Spanish, Russian, Arabic
        "consciente", "convaincue", "préoccupée", "profondément", "vivement", "sachant", "ayant",
        "résolue", "déterminée", "guidée", "convencida", "preocupada", "profundamente", "habiendo",
        "будучи", "глубоко", "إذ"};
    if (std::find(kOpeners.begin(), kOpeners.end(), first) != kOpeners.end()) return true;
    if (first.rfind("\xD9\x88\xD8\xA5\xD8\xB0", 0) == 0) return true;  // وإذ
    // Participles: English -ing, French -ant, Spanish -ando/-iendo, Russian -я/-в gerunds.
    if (first.size() >= 6 && (ends_with(first, "ing") || ends_with(first, "ant") || ends_with(first, "ando") ||
                              ends_with(first, "iendo")))
        return true;
    // Russian gerunds: "подтверждая", "признав", "ссылаясь", "убедившись".
    return first.size() >= 8 && (ends_with(first, "\xD1\x8F") /* я */ || ends_with(first, "\xD0\xB2") /* в */ ||
                                 ends_with(first, "\xD1\x81\xD1\x8C") /* сь */);
}

std::string part_name(std::string_view text) {
    const std::vector<std::string_view> words = words_of(text);
    if (words.empty() || char_count(text) > 200) return "";
    struct Head {
        std::vector<std::string_view> words;  // folded
        bool needs_label;
    };
    static const std::array<Head, 24> kHeads{{
        {{"annex"}, false}, {{"annexes"}, false}, {{"appendix"}, false}, {{"enclosure"}, false},
        {{"attachment"}, false}, {{"draft", "resolution"}, false}, {{"draft", "decision"}, false},
        {{"separate", "opinion"}, false}, {{"dissenting", "opinion"}, false},
        {{"annexe"}, false}, {{"appendice"}, false}, {{"projet", "de", "résolution"}, false},
        {{"projet", "de", "décision"}, false}, {{"anexo"}, false}, {{"apéndice"}, false},
        {{"proyecto", "de", "resolución"}, false}, {{"proyecto", "de", "decisión"}, false},
        {{"приложение"}, false}, {{"добавление"}, false}, {{"проект", "резолюции"}, false},
        {{"проект", "решения"}, false}, {{"resolution"}, true}, {{"decision"}, true},
        {{"part"}, true},
    }};
    for (const Head& head : kHeads) {
        if (words.size() < head.words.size()) continue;
        bool match = true;
        for (size_t i = 0; i < head.words.size() && match; ++i) match = lowercase(trim_punct(words[i])) == head.words[i];
        if (!match) continue;
        size_t next = head.words.size();
        std::string name;
        for (size_t i = 0; i < head.words.size(); ++i) name += (i ? " " : "") + std::string(head.words[i]);
        const bool opinion = head.words.size() == 2 && head.words[1] == "opinion";
        if (opinion) {  // "Separate opinion of Judge Xue": the whole line names the part
            if (words.size() > 12) return "";
            std::string out(text);
            out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
            return out;
        }
        if (next < words.size() && is_label_token(words[next])) {
            name += " " + std::string(trim_punct(words[next]));
            ++next;
        } else if (head.needs_label) {
            return "";
        }
        // What follows must be a title, not the rest of a sentence ("Annex I contains ...").
        if (next < words.size() && !is_upper_start(words[next]) && words[next] != "to" && words[next] != "of")
            return "";
        if (next < words.size() && (words[next] == "to" || words[next] == "of")) {
            // "Annex to the letter dated ...", "Annex I to the report": a title, kept short.
            if (words.size() > 40) return "";
        }
        return name;
    }
    return "";
}

std::string caption_kind(std::string_view text, std::string& number) {
    const std::vector<std::string_view> words = words_of(text);
    if (words.size() < 2) return "";
    static const std::array<std::pair<std::string_view, std::string_view>, 14> kKinds{{
        {"table", "table"}, {"figure", "figure"}, {"chart", "figure"}, {"graph", "figure"},
        {"box", "box"}, {"map", "figure"}, {"tableau", "table"}, {"graphique", "figure"},
        {"cuadro", "table"}, {"gráfico", "figure"}, {"figura", "figure"}, {"таблица", "table"},
        {"рисунок", "figure"}, {"диаграмма", "figure"},
    }};
    const std::string head = lowercase(trim_punct(words[0]));
    for (const auto& [word, kind] : kKinds) {
        if (head != word || !is_upper_start(words[0]) || !is_label_token(words[1])) continue;
        // "Table 3 shows ..." is a sentence about the table, not its caption.
        if (words.size() > 2 && !is_upper_start(words[2]) && words[2].front() != '(') return "";
        number = std::string(trim_punct(words[1]));
        return std::string(kind);
    }
    return "";
}

bool split_decimal_number(std::string_view number, std::string& paragraph, std::string& item) {
    const size_t dot = number.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot > 3) return false;
    std::string_view a = number.substr(0, dot), b = number.substr(dot + 1);
    if (!is_all_digits(a) || !is_all_digits(b) || b.size() > 3 || a[0] == '0') return false;
    paragraph = std::string(a);
    item = std::string(b);
    return true;
}

std::string part_slug(std::string_view part) {
    std::string out;
    for (const std::string_view w : words_of(part)) {
        std::string f = lowercase(w);
        std::string clean;
        for (unsigned char c : f)
            if (std::isalnum(c) || c >= 0x80) clean += static_cast<char>(c);
        if (clean.empty()) continue;
        if (!out.empty()) out += '-';
        out += clean;
        if (out.size() > 40) break;
    }
    return out.empty() ? "part" : out;
}

}  // namespace verbatim::blocks
