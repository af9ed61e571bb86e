// Page furniture (running headers/footers, counters, job numbers) and the first
// page's masthead, which feeds the title block.
#include <algorithm>
#include <cctype>
#include <map>
#include <initializer_list>
#include <string_view>
#include <set>
#include <string>
#include <vector>

#include "indexer/extract/page_layout_internal.h"
#include "model/parse_number.h"
#include "vocabulary/dates.h"
#include "vocabulary/page_marks.h"
#include "vocabulary/symbols.h"
#include "vocabulary/text.h"

namespace verbatim::layout {
namespace {

// Headers sit in the top 12 % of the page, footers in the bottom 12 %.
constexpr double kBand = 0.12;

// Hand-written scanners, not regular expressions: they run on every line of every
// page, in linear time whatever the text holds.

// A number of at most nine digits (no overflow); 0 when `s` is not one.
int small_number(std::string_view s) { return parse_number<int>(s, 0, 999'999'999).value_or(0); }

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool is_counter_token(std::string_view token) {  // "2/7"
    int page = 0, of = 0;
    return vocabulary::read_page_counter(token, page, of);
}

bool is_bare_number(std::string_view token) { return vocabulary::all_digits(token, 1, 4); }

bool is_job_token(std::string_view token) { return vocabulary::is_job_number(token); }

bool is_symbol_token(std::string_view token) { return !vocabulary::un_symbol_in_word(token).empty(); }

bool is_furniture_token(const std::string& token, bool has_job) {
    const std::string_view t = token;
    const bool language = vocabulary::is_language_mark(t);
    const bool star_code = t.size() >= 3 && t.front() == '*' && t.back() == '*' &&
                           std::all_of(t.begin() + 1, t.end() - 1, [](char c) {
                               return std::isdigit(static_cast<unsigned char>(c)) || (c >= 'A' && c <= 'Z');
                           });
    return is_counter_token(token) || is_bare_number(token) || is_job_token(token) || language || star_code ||
           (has_job && vocabulary::all_digits(t, 6, 6));  // a print date beside the job number
}

// "Page 3", "Page 3 of 9", "Página 2 de 5", "Страница 4 из 7": the page number, else 0.
// With `whole_line` the phrase must be all the line holds.
int page_of(const std::vector<std::string>& tokens, bool whole_line) {
    const std::vector<std::string_view> words(tokens.begin(), tokens.end());
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::size_t end = 0;
        const int page = vocabulary::page_phrase(words, i, end);
        if (page == 0) continue;
        return whole_line && (i != 0 || end != words.size()) ? 0 : page;
    }
    return 0;
}

// Counters, job numbers, barcodes: furniture wherever they sit in the band.
bool is_furniture_pattern(const std::string& text) {
    const std::vector<std::string> tokens = split_words(text);
    if (tokens.empty()) return false;
    if (page_of(tokens, true) > 0) return true;
    const bool has_job = std::any_of(tokens.begin(), tokens.end(), is_job_token);
    return std::all_of(tokens.begin(), tokens.end(),
                       [&](const std::string& t) { return is_furniture_token(t, has_job); });
}

bool is_symbol_line(const std::string& text) {
    const std::vector<std::string> tokens = split_words(text);
    return !tokens.empty() && std::all_of(tokens.begin(), tokens.end(), [](const std::string& t) {
        return is_symbol_token(t);
    });
}

enum class Kind { none, weak, strong };

bool in_top_band(const Line& line, const PageLines& page) { return line.bottom <= kBand * page.height; }
bool in_bottom_band(const Line& line, const PageLines& page) {
    return line.top >= (1 - kBand) * page.height;
}

using KeyCounts = std::map<std::string, int>;

KeyCounts count_band_keys(const std::vector<PageLines>& pages) {
    KeyCounts counts;
    for (const PageLines& page : pages) {
        std::set<std::string> keys;
        for (const Line& line : page.lines)
            if (in_top_band(line, page) || in_bottom_band(line, page))
                keys.insert(repetition_key(line_text(line)));
        for (const std::string& key : keys) ++counts[key];
    }
    return counts;
}

Kind kind_of(const Line& line, const KeyCounts& counts, int page_total) {
    const std::string text = line_text(line);
    if (is_furniture_pattern(text)) return Kind::strong;
    const auto it = counts.find(repetition_key(text));
    const int seen = it == counts.end() ? 0 : it->second;
    // At the edge of half the pages or more ("Digitized by Dag Hammarskjöld Library"), or a
    // document symbol alone on its line on several pages: furniture however close it sits.
    if ((seen >= 3 && seen * 2 >= page_total) || (seen >= 2 && is_symbol_line(text))) return Kind::strong;
    // Repeated on at least two pages, and on a quarter of them in long documents
    // (odd and even pages often carry different headers).
    if (seen >= 2 && seen * 4 >= page_total) return Kind::weak;
    if (is_symbol_line(text)) return Kind::weak;
    // Specks of an old scan's text layer (", . t."): no word in them.
    const auto alnum = std::count_if(text.begin(), text.end(), [](char c) {  // any script's letters count
        return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    });
    if (alnum < 3) return Kind::weak;
    return Kind::none;
}

// Marks furniture walking in from one edge of the page: `order` lists line indices
// from the edge inwards. A weak line must be set off from the content by a clear gap,
// so a repeated first line of a paragraph is never taken for a header.
void mark_from_edge(const PageLines& page, const std::vector<std::size_t>& order, bool top,
                    const KeyCounts& counts, int page_total, double body_size,
                    std::vector<bool>& furniture) {
    std::vector<std::pair<std::size_t, Kind>> run;
    for (std::size_t i : order) {
        const Line& line = page.lines[i];
        if (!(top ? in_top_band(line, page) : in_bottom_band(line, page))) break;
        const Kind kind = kind_of(line, counts, page_total);
        if (kind == Kind::none) break;
        run.emplace_back(i, kind);
    }
    while (!run.empty() && run.back().second == Kind::weak) {
        const std::size_t pos = static_cast<std::size_t>(
            std::find(order.begin(), order.end(), run.back().first) - order.begin());
        if (pos + 1 >= order.size()) break;
        const Line& edge_line = page.lines[run.back().first];
        const Line& next = page.lines[order[pos + 1]];
        const double gap = top ? next.top - edge_line.bottom : edge_line.top - next.bottom;
        if (gap >= body_size) break;
        run.pop_back();
    }
    for (const auto& [i, kind] : run) furniture[i] = true;
    // A page counter ("Page 3") closes a header block: the short lines between it and the
    // edge ("E/ICEF/672 (Deuxième partie)", "Français", misread differently on each page
    // of an old scan) are the header too.
    std::size_t k = 0;
    std::size_t counter = order.size();
    for (; k < order.size() && k < 4; ++k) {
        const Line& line = page.lines[order[k]];
        if (!(top ? in_top_band(line, page) : in_bottom_band(line, page))) break;
        const std::string text = line_text(line);
        if (split_words(text).size() > 8) break;
        if (page_of(split_words(text), true) > 0) counter = k;
    }
    for (std::size_t j = 0; counter < order.size() && j <= counter; ++j) furniture[order[j]] = true;
}

// A line that could be a running header printed on one page only: short, set in a
// style of its own (emphasised or smaller than the body), and not the start or end
// of a sentence or a numbered heading.
bool looks_like_lone_header(const Line& line, const PageLines& page, double body_size) {
    const std::string text = line_text(line);
    const std::vector<std::string> words = split_words(text);
    if (words.empty() || words.size() > 8) return false;
    if (!in_top_band(line, page) || line.x1 - line.x0 > 0.5 * page.width) return false;
    const bool own_style = line.emphasised || (line.font_size > 0 && line.font_size < 0.94 * body_size);
    return own_style && !is_numbering_token(words.front()) && !ends_sentence(text) &&
           !starts_lowercase(text);
}

// Number of top lines (0, 1 or 2) forming a lone-header candidate: they pass
// looks_like_lone_header, sit close together, and a gap of two body sizes or more
// separates them from the first body line below.
std::size_t lone_header_run(const PageLines& page, double body_size) {
    for (std::size_t count = 1; count <= 2 && count < page.lines.size(); ++count) {
        const Line& last = page.lines[count - 1];
        if (!looks_like_lone_header(last, page, body_size)) return 0;
        if (count == 2 && last.top - page.lines[0].bottom >= body_size) return 0;
        if (page.lines[count].top - last.bottom >= 2.0 * body_size) return count;
    }
    return 0;
}

// Where the body begins on a page: the top of its first line below any candidate.
double body_top(const PageLines& page, double body_size) {
    const std::size_t skip = lone_header_run(page, body_size);
    return skip < page.lines.size() ? page.lines[skip].top : page.height;
}

bool is_org_name(const std::string& text) {
    for (std::string_view name : {"United Nations", "Nations Unies", "Naciones Unidas", "Организация Объединенных Наций"})
        if (text.compare(0, name.size(), name) == 0 &&
            (text.size() == name.size() || !std::isalnum(static_cast<unsigned char>(text[name.size()]))))
            return true;
    return false;
}

bool is_date_line(const std::string& text) {
    const std::string date = vocabulary::iso_date_in(text);
    if (date.empty()) return false;
    return split_words(text).size() <= 5;  // "Tuesday, 13 October 2020", not a sentence
}

// "Label: value" with optional spaces before the colon; npos when `text` is not one.
std::size_t after_label(std::string_view text, std::initializer_list<std::string_view> labels, bool colon_required) {
    for (std::string_view label : labels) {
        if (!starts_with_ci(text, label)) continue;
        std::size_t i = label.size();
        if (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])) && label.back() != '.') continue;
        while (i < text.size() && text[i] == ' ') ++i;
        if (i < text.size() && text[i] == ':') return i + 1;
        if (!colon_required) return i;
    }
    return std::string_view::npos;
}

bool is_original_line(const std::string& text) {
    return after_label(text, {"Original", "Оригинал"}, true) != std::string_view::npos;
}

bool is_masthead_field(const std::string& text) {
    return is_org_name(text) || is_symbol_line(text) ||
           after_label(text, {"Distr.", "Distr", "Distribution"}, false) != std::string_view::npos ||
           is_original_line(text) || is_date_line(text);
}

// The word after a label anywhere in the line ("... Distr.: General 3 May"), capitalised.
std::string word_after(const std::string& text, std::initializer_list<std::string_view> labels, bool colon_required) {
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (at > 0 && std::isalnum(static_cast<unsigned char>(text[at - 1]))) continue;
        const std::size_t from = after_label(std::string_view(text).substr(at), labels, colon_required);
        if (from == std::string_view::npos) continue;
        std::size_t i = at + from;
        while (i < text.size() && text[i] == ' ') ++i;
        std::size_t j = i;
        while (j < text.size() && std::string_view(" ,.;:0123456789").find(text[j]) == std::string_view::npos) ++j;
        std::string word = text.substr(i, j - i);
        if (word.empty()) continue;
        word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
        return word;
    }
    return "";
}

// The symbols a line holds, each once, without the punctuation after them.
void add_symbols(const std::string& text, TitleBlock& block) {
    for (const std::string& token : split_words(text)) {
        const std::string symbol(vocabulary::un_symbol_in_word(token));
        if (!symbol.empty() && std::find(block.symbols.begin(), block.symbols.end(), symbol) == block.symbols.end())
            block.symbols.push_back(symbol);
    }
}

void read_masthead_line(const std::string& text, TitleBlock& block) {
    add_symbols(text, block);
    if (block.date.empty()) block.date = vocabulary::iso_date_in(text);
    if (block.distribution.empty()) block.distribution = word_after(text, {"Distr.", "Distr", "Distribution"}, false);
    if (block.original_language.empty()) block.original_language = word_after(text, {"Original"}, true);
}

std::string title_text(const std::vector<Line>& lines) {
    std::string title;
    for (const Line& line : lines) {
        if (!title.empty()) title += ' ';
        title += without_markers(line_text(line));
    }
    while (!title.empty() && (title.back() == '*' || title.back() == ' ')) title.pop_back();
    return title;
}

// The title: the largest bold lines of the first page below the masthead and above
// the first numbered heading or paragraph; among equal sizes the last run wins
// ("Working Group on ..." / "Draft Report").
std::string find_title(const PageLines& page, double body_size) {
    std::vector<std::vector<Line>> runs;
    const Line* previous = nullptr;
    for (const Line& line : page.lines) {
        if (line.top > page.height / 2) break;
        const std::vector<std::string> words = split_words(line_text(line));
        if (!words.empty() && is_numbering_token(words.front())) break;
        const bool candidate = line.emphasised && line.font_size >= 1.05 * body_size;
        const bool continues = previous && std::abs(previous->font_size - line.font_size) < 0.3 &&
                               line.top - previous->bottom < 0.5 * line.font_size;
        if (candidate && continues && !runs.empty()) {
            runs.back().push_back(line);
        } else if (candidate) {
            runs.push_back({line});
        }
        previous = candidate ? &line : nullptr;
    }
    const std::vector<Line>* best = nullptr;
    for (const auto& run : runs)
        if (!best || run.front().font_size >= best->front().font_size - 0.1) best = &run;
    return best ? title_text(*best) : "";
}

}  // namespace

std::string repetition_key(std::string_view text) {
    std::string key;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isdigit(u)) {
            if (key.empty() || key.back() != '#') key += '#';
        } else if (c == ' ') {
            if (!key.empty() && key.back() != ' ') key += ' ';
        } else {
            key += static_cast<char>(std::tolower(u));
        }
    }
    return key;
}

int page_counter(std::string_view text) {
    const std::string line(text);
    const std::vector<std::string> tokens = split_words(line);
    if (int n = page_of(tokens, false); n > 0) return n;
    for (const std::string& token : tokens)
        if (int page = 0, of = 0; vocabulary::read_page_counter(token, page, of)) return page;
    if (!is_furniture_pattern(line)) return 0;
    for (const std::string& token : tokens)
        if (is_bare_number(token)) return small_number(token);
    return 0;
}

std::string job_number_in(std::string_view text) {
    for (const std::string& token : split_words(text))
        if (std::string job = vocabulary::job_number_of(token); !job.empty()) return job;
    return "";
}

// Takes out running headers that occur on one page only, which repetition cannot find:
// on a page after the first, a lone-header candidate that ends above the place where
// the body begins on every other page. A heading at the top of a page starts where the
// body starts, so it stays.
void remove_lone_headers(std::vector<PageLines>& pages, double body_size) {
    if (pages.size() < 2) return;
    for (std::size_t p = 1; p < pages.size(); ++p) {
        PageLines& page = pages[p];
        const std::size_t run = lone_header_run(page, body_size);
        if (run == 0) continue;
        // Compare with the other pages after the first; the first page only when alone.
        double reference = page.height;
        for (std::size_t q = 1; q < pages.size(); ++q)
            if (q != p && !pages[q].lines.empty()) reference = std::min(reference, body_top(pages[q], body_size));
        if (pages.size() == 2 && !pages[0].lines.empty()) reference = pages[0].lines.front().top;
        if (page.lines[run - 1].bottom >= reference - 0.5 * body_size) continue;
        for (std::size_t i = 0; i < run; ++i) page.furniture.push_back(std::move(page.lines[i]));
        page.lines.erase(page.lines.begin(), page.lines.begin() + static_cast<long>(run));
    }
}

void remove_furniture(std::vector<PageLines>& pages, double body_size) {
    const KeyCounts counts = count_band_keys(pages);
    const int total = static_cast<int>(pages.size());
    for (PageLines& page : pages) {
        std::vector<bool> furniture(page.lines.size(), false);
        std::vector<std::size_t> order(page.lines.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        mark_from_edge(page, order, true, counts, total, body_size, furniture);
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return page.lines[a].bottom > page.lines[b].bottom;
        });
        mark_from_edge(page, order, false, counts, total, body_size, furniture);
        std::vector<Line> content;
        for (std::size_t i = 0; i < page.lines.size(); ++i)
            (furniture[i] ? page.furniture : content).push_back(std::move(page.lines[i]));
        page.lines = std::move(content);
    }
    remove_lone_headers(pages, body_size);
}

TitleBlock take_title_block(std::vector<PageLines>& pages, double body_size) {
    TitleBlock block;
    if (pages.empty()) return block;
    PageLines& first = pages.front();
    // The masthead runs down to the last masthead field in the top 30 % of the page.
    // "Original: English" closes the masthead when present; a later date is the
    // meeting's ("4-15 November 2019"), not the document's.
    std::size_t end = 0;
    for (std::size_t i = 0; i < first.lines.size(); ++i) {
        if (first.lines[i].top > 0.3 * first.height) break;
        const std::string text = line_text(first.lines[i]);
        if (is_masthead_field(text)) end = i + 1;
        if (is_original_line(text)) break;
    }
    for (std::size_t i = 0; i < end; ++i) read_masthead_line(line_text(first.lines[i]), block);
    first.lines.erase(first.lines.begin(), first.lines.begin() + static_cast<long>(end));

    for (const PageLines& page : pages) {
        for (const Line& line : page.furniture) {
            const std::string text = line_text(line);
            if (block.job_number.empty()) block.job_number = job_number_in(text);
            add_symbols(text, block);
        }
    }
    block.title = find_title(first, body_size);
    return block;
}

void place_vertical_lines(std::vector<PageLines>& pages, std::vector<std::vector<Line>> vertical) {
    std::map<std::string, int> seen;  // on how many pages each vertical line's text stands
    for (const std::vector<Line>& lines : vertical) {
        std::set<std::string> keys;
        for (const Line& line : lines) keys.insert(repetition_key(line_text(line)));
        for (const std::string& key : keys) ++seen[key];
    }
    for (std::size_t p = 0; p < pages.size() && p < vertical.size(); ++p) {
        PageLines& page = pages[p];
        for (Line& line : vertical[p]) {
            const std::string text = line_text(line);
            const bool at_side = line.x1 <= kBand * page.width || line.x0 >= (1 - kBand) * page.width;
            if (at_side && (is_furniture_pattern(text) || is_symbol_line(text) ||
                            seen[repetition_key(text)] >= 2)) {
                page.furniture.push_back(std::move(line));
                continue;
            }
            const auto at = std::find_if(page.lines.begin(), page.lines.end(),
                                         [&](const Line& l) { return l.top > line.top; });
            page.lines.insert(at, std::move(line));
        }
    }
}

void number_pages(std::vector<PageLines>& pages) {
    for (PageLines& page : pages) {
        page.printed_page = 0;
        for (const Line& line : page.furniture)
            if (int n = page_counter(line_text(line)); n > 0 && page.printed_page == 0) page.printed_page = n;
    }
    // Printed numbers run with the physical pages: the distance between the two is the
    // same on most pages. A counter that breaks it ("2025" in a table's head band taken
    // for a page number) is not the page's number.
    std::vector<bool> bare(pages.size(), false);  // the counter is a lone number, weak evidence
    for (std::size_t p = 0; p < pages.size(); ++p)
        for (const Line& line : pages[p].furniture) {
            const std::vector<std::string> tokens = split_words(line_text(line));
            if (page_counter(line_text(line)) != pages[p].printed_page || pages[p].printed_page == 0) continue;
            bare[p] = page_of(tokens, false) == 0 && std::none_of(tokens.begin(), tokens.end(), is_counter_token);
            break;
        }
    std::map<int, int> offsets;
    for (const PageLines& page : pages)
        if (page.printed_page > 0) ++offsets[page.printed_page - page.index];
    int usual = 0, most = 0;
    for (const auto& [offset, count] : offsets)
        if (count > most) usual = offset, most = count;
    for (PageLines& page : pages) {
        if (page.printed_page > 0 && bare[static_cast<std::size_t>(&page - pages.data())] && most >= 2 &&
            page.printed_page - page.index != usual && offsets[page.printed_page - page.index] == 1)
            page.printed_page = page.index + usual > 0 ? page.index + usual : 0;
        if (page.printed_page > 0) continue;
        const bool numeric = !page.label.empty() &&
                             std::all_of(page.label.begin(), page.label.end(),
                                         [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        page.printed_page = numeric && page.label.size() < 6 ? std::max(1, small_number(page.label)) : page.index + 1;
    }
}

}  // namespace verbatim::layout
