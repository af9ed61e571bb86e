// Tesseract's C++ API -> positioned words. Everything Tesseract-specific stays in this file.
#include "indexer/extract/ocr.h"

#include "vocabulary/ascii.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <map>
#include <string>

#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/osdetect.h>
#include <tesseract/resultiterator.h>

namespace verbatim {

struct OcrEngine::Api {
    tesseract::TessBaseAPI tess;
};

namespace {

const char* datapath(const std::string& tessdata) { return tessdata.empty() ? nullptr : tessdata.c_str(); }

// Tesseract prints warnings ("Estimating resolution", "Empty page!!") on stderr, which the
// indexer keeps for diagnosing a crash: quiet them.
void quiet(tesseract::TessBaseAPI& tess) { tess.SetVariable("debug_file", "/dev/null"); }

std::string text_of(const tesseract::ResultIterator& it, tesseract::PageIteratorLevel level) {
    const std::unique_ptr<char[]> text(it.GetUTF8Text(level));
    return text ? std::string(text.get()) : std::string();
}


// What a raised symbol at a word's end stands for: Tesseract reads a small raised "1"
// as "!", "l" or "I", and a "2" as "?" (a real "!" or "?" stands on the baseline).
std::string as_superscript_digit(const std::string& symbol) {
    if (symbol == "!" || symbol == "l" || symbol == "I" || symbol == "|" || symbol == "¹") return "1";
    if (symbol == "?" || symbol == "²") return "2";
    if (symbol == "³") return "3";
    return symbol;
}

bool is_punctuation(const std::string& symbol) {
    return symbol == "," || symbol == "." || symbol == ";" || symbol == ":" || symbol == ")" || symbol == "\u201D" ||
           symbol == "\u2019" || symbol == "\"";
}

bool is_digits(const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Latin and Cyrillic lowercase letters that stand on the baseline and reach the x-height.
bool is_x_height_letter(const std::string& symbol) {
    static const std::string letters[] = {"a", "c", "e", "m", "n", "o", "r", "s", "u", "v", "w", "x", "z",
                                          "а", "в", "е", "к", "м", "н", "о", "с", "т", "х", "я", "ы"};
    return std::find(std::begin(letters), std::end(letters), symbol) != std::end(letters);
}

// The mean of the middle half: a misread symbol or a broken box does not move it.
double trimmed_mean(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t cut = values.size() / 4;
    double sum = 0;
    for (std::size_t i = cut; i < values.size() - cut; ++i) sum += values[i];
    return sum / static_cast<double>(values.size() - 2 * cut);
}

// "Ill." and "Ili." opening a line are the heading number "III." (OCR confuses I, l and
// i in sans-serif capitals): a token that starts with a capital numeral and is otherwise
// made of I, V, X, l, i and |, closed by a full stop.
std::string roman_number_fixed(const std::string& token) {
    if (token.size() < 3 || token.size() > 7 || token.back() != '.') return token;
    if (token[0] != 'I' && token[0] != 'V' && token[0] != 'X') return token;
    std::string out = token;
    for (std::size_t i = 0; i + 1 < out.size(); ++i) {
        if (out[i] == 'l' || out[i] == 'i' || out[i] == '|') out[i] = 'I';
        else if (out[i] != 'I' && out[i] != 'V' && out[i] != 'X') return token;
    }
    return out;
}

bool starts_lowercase(const std::string& text) {
    if (text.empty()) return false;
    const unsigned char c = static_cast<unsigned char>(text[0]);
    if (c >= 'a' && c <= 'z') return true;
    // Cyrillic а..я (U+0430..U+044F) in UTF-8: D0 B0..D0 BF, D1 80..D1 8F.
    if (text.size() >= 2) {
        const unsigned char d = static_cast<unsigned char>(text[1]);
        return (c == 0xD0 && d >= 0xB0 && d <= 0xBF) || (c == 0xD1 && d >= 0x80 && d <= 0x8F);
    }
    return false;
}

// A footnote marker Tesseract read as "!" or "?" at a word's end, its box reaching down
// to the baseline: "submissions! to", "материалов!,". Sentence punctuation is not
// followed by a comma, nor by a lowercase word on the same line; a marker is.
void split_misread_markers(std::vector<PositionedWord>& words) {
    std::vector<PositionedWord> out;
    out.reserve(words.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
        PositionedWord& word = words[i];
        const std::string& t = word.text;
        std::size_t end = t.size();
        while (end > 0 && is_punctuation(t.substr(end - 1, 1))) --end;
        const bool misread = end >= 2 && (t[end - 1] == '!' || t[end - 1] == '?') && t[end - 2] != '!' &&
                             t[end - 2] != '?' && !is_punctuation(t.substr(end - 2, 1));
        const bool same_line_next = i + 1 < words.size() && std::abs(words[i + 1].y0 - word.y0) < 0.3 * word.font_size;
        if (!misread || !(end < t.size() || (same_line_next && starts_lowercase(words[i + 1].text)))) {
            out.push_back(std::move(word));
            continue;
        }
        const double width = (word.x1 - word.x0) / static_cast<double>(std::max<std::size_t>(t.size(), 1));
        PositionedWord body = word, marker = word, tail = word;
        body.text = t.substr(0, end - 1);
        body.x1 = word.x1 - width * static_cast<double>(t.size() - end + 1);
        marker.text = t[end - 1] == '!' ? "1" : "2";
        marker.x0 = body.x1;
        marker.x1 = marker.x0 + width;
        marker.font_size = std::round(0.6 * word.font_size * 2) / 2;
        marker.y0 = word.y0;
        marker.y1 = word.y0 + 0.45 * (word.y1 - word.y0);  // raised, as it is printed
        out.push_back(std::move(body));
        out.push_back(std::move(marker));
        if (end < t.size()) {
            tail.text = t.substr(end);
            tail.x0 = marker.x1;
            out.push_back(std::move(tail));
        }
    }
    words = std::move(out);
}

// Sizes within 6 % of the page's commonest one are that size: the estimate from the
// letters varies a little from line to line, a change of style does not (footnotes are
// set some 10 % smaller or more).
void snap_font_sizes(std::vector<PositionedWord>& words) {
    std::map<double, int> counts;
    for (const PositionedWord& word : words) ++counts[word.font_size];
    if (counts.empty()) return;
    const double common = std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
                              return a.second < b.second;
                          })->first;
    for (PositionedWord& word : words)
        if (std::abs(word.font_size - common) <= 0.06 * common) word.font_size = common;
}

// The heights of the letters without ascenders or descenders (not superscripts) from
// where `start` stands to the end of its line or paragraph (`level`), in pixels.
std::vector<double> x_heights_of(const tesseract::ResultIterator& start, tesseract::PageIteratorLevel level) {
    std::vector<double> x_heights;
    tesseract::ResultIterator symbols(start);
    do {
        const std::string symbol = text_of(symbols, tesseract::RIL_SYMBOL);
        int sx0 = 0, sy0 = 0, sx1 = 0, sy1 = 0;
        if (is_x_height_letter(symbol) && !symbols.SymbolIsSuperscript() &&
            symbols.BoundingBox(tesseract::RIL_SYMBOL, &sx0, &sy0, &sx1, &sy1))
            x_heights.push_back(sy1 - sy0);
    } while (!symbols.IsAtFinalElement(level, tesseract::RIL_SYMBOL) && symbols.Next(tesseract::RIL_SYMBOL));
    return x_heights;
}

// The em of the paragraph the iterator stands at (at its start), in pixels, from the
// letters without ascenders or descenders (x-height about 0.46 em in the usual faces);
// 0 when it has too few. Measured over the paragraph, not the line: the estimate of one
// line varies with its letters, and a change of size within a paragraph is rare.
double paragraph_em(const tesseract::ResultIterator& start) {
    const std::vector<double> x_heights = x_heights_of(start, tesseract::RIL_PARA);
    return x_heights.size() >= 4 ? trimmed_mean(x_heights) / 0.46 : 0;
}

// The em of every line (by its box's top left corner), measured over a run of lines of
// one Tesseract paragraph without a gap between them: a paragraph that Tesseract runs on
// into the footnotes below a gap keeps its size, and the footnotes theirs. A run with too
// few letters takes its paragraph's em.
std::map<std::pair<int, int>, double> line_ems(const tesseract::ResultIterator& start) {
    struct LineInfo {
        std::pair<int, int> corner;
        int top = 0, bottom = 0;
        bool starts_paragraph = false;
        std::vector<double> x_heights;
        double paragraph_em = 0;
    };
    std::vector<LineInfo> lines;
    tesseract::ResultIterator it(start);
    double para_em = 0;
    do {
        LineInfo line;
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        it.BoundingBox(tesseract::RIL_TEXTLINE, &x0, &y0, &x1, &y1);
        line.corner = {x0, y0};
        line.top = y0;
        line.bottom = y1;
        line.starts_paragraph = it.IsAtBeginningOf(tesseract::RIL_PARA);
        if (line.starts_paragraph || lines.empty()) para_em = paragraph_em(it);
        line.paragraph_em = para_em;
        line.x_heights = x_heights_of(it, tesseract::RIL_TEXTLINE);
        lines.push_back(std::move(line));
    } while (it.Next(tesseract::RIL_TEXTLINE));
    std::map<std::pair<int, int>, double> ems;
    for (std::size_t first = 0; first < lines.size();) {
        std::size_t end = first + 1;
        while (end < lines.size() && !lines[end].starts_paragraph &&
               lines[end].top - lines[end - 1].bottom < 0.8 * (lines[end - 1].bottom - lines[end - 1].top))
            ++end;
        std::vector<double> x_heights;
        for (std::size_t i = first; i < end; ++i)
            x_heights.insert(x_heights.end(), lines[i].x_heights.begin(), lines[i].x_heights.end());
        for (std::size_t i = first; i < end; ++i)
            ems[lines[i].corner] = x_heights.size() >= 8 ? trimmed_mean(x_heights) / 0.46 : lines[i].paragraph_em;
        first = end;
    }
    return ems;
}

// The words of the line the iterator stands at, as a text layer gives them: a box from the
// line's ascender to its descender (not the ink, which varies with the letters), the em
// size as font size, and superscript digits at a word's end split off as a small raised
// word, so that footnote markers are found as in any PDF.
void read_line(tesseract::ResultIterator& it, double em, double scale, std::vector<PositionedWord>& out,
               double& letters, double& weighted) {
    float row_height = 0, descenders = 0, ascenders = 0;
    it.RowAttributes(&row_height, &descenders, &ascenders);
    if (em <= 0) em = std::max(1.0, static_cast<double>(row_height) - descenders);
    int bx1 = 0, by1 = 0, bx2 = 0, by2 = 0;
    const bool has_baseline = it.Baseline(tesseract::RIL_TEXTLINE, &bx1, &by1, &bx2, &by2);
    auto baseline_at = [&](double x) {
        if (!has_baseline || bx2 == bx1) return static_cast<double>(by1);
        return by1 + (by2 - by1) * (x - bx1) / (bx2 - bx1);
    };
    bool first = true;
    do {
        const std::string text(vocabulary::trim(text_of(it, tesseract::RIL_WORD)));
        const float confidence = it.Confidence(tesseract::RIL_WORD);
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        if (text.empty() || !it.BoundingBox(tesseract::RIL_WORD, &x0, &y0, &x1, &y1)) continue;
        // A footnote marker at the word's end ("persons¹", which Tesseract reads as
        // "persons1" or "persons!") becomes a small raised word of its own, as in a text
        // layer; punctuation after it ("¹,") stays with the text.
        struct Symbol {
            std::string text;
            int x0, y0, x1, y1;
            bool raised;
        };
        std::vector<Symbol> symbols;
        {
            tesseract::ResultIterator at(it);
            do {
                Symbol symbol{text_of(at, tesseract::RIL_SYMBOL), 0, 0, 0, 0, false};
                at.BoundingBox(tesseract::RIL_SYMBOL, &symbol.x0, &symbol.y0, &symbol.x1, &symbol.y1);
                const double base = baseline_at((symbol.x0 + symbol.x1) / 2.0);
                const bool high = symbol.y1 < base - 0.2 * em && symbol.y1 - symbol.y0 < 0.55 * em;
                if (at.SymbolIsSuperscript() || high) {
                    symbol.text = as_superscript_digit(symbol.text);
                    symbol.raised = is_digits(symbol.text);
                }
                symbols.push_back(std::move(symbol));
            } while (!at.IsAtFinalElement(tesseract::RIL_WORD, tesseract::RIL_SYMBOL) && at.Next(tesseract::RIL_SYMBOL));
        }
        std::size_t tail = symbols.size();  // punctuation after the marker
        while (tail > 0 && !symbols[tail - 1].raised && is_punctuation(symbols[tail - 1].text)) --tail;
        std::size_t mark = tail;  // the marker's digits
        while (mark > 0 && symbols[mark - 1].raised) --mark;
        const bool has_marker = mark > 0 && mark < tail;
        const double base = baseline_at((x0 + x1) / 2.0);
        auto piece = [&](std::size_t from, std::size_t to, bool raised) {
            PositionedWord word;
            int px0 = x1, py0 = y1, px1 = x0, py1 = y0;
            for (std::size_t i = from; i < to; ++i) {
                word.text += symbols[i].text;
                px0 = std::min(px0, symbols[i].x0), px1 = std::max(px1, symbols[i].x1);
                py0 = std::min(py0, symbols[i].y0), py1 = std::max(py1, symbols[i].y1);
            }
            word.x0 = px0 * scale;
            word.x1 = px1 * scale;
            // A box from the line's ascender to its descender, not the ink (which varies
            // with the letters); the marker keeps its ink box, which says it is raised.
            word.y0 = raised ? py0 * scale : (base - row_height) * scale;
            word.y1 = raised ? py1 * scale : (base - descenders) * scale;
            // Half points: one size per line style.
            word.font_size = std::round((raised ? 0.6 : 1.0) * em * scale * 2) / 2;
            return word;
        };
        if (!has_marker) {
            PositionedWord word = piece(0, symbols.size(), false);
            word.text = first ? roman_number_fixed(text) : text;
            word.x0 = x0 * scale;
            word.x1 = x1 * scale;
            out.push_back(std::move(word));
        } else {
            PositionedWord body = piece(0, mark, false);
            if (first) body.text = roman_number_fixed(body.text);
            out.push_back(std::move(body));
            PositionedWord marker = piece(mark, tail, true);
            const double marker_end = marker.x1;
            out.push_back(std::move(marker));
            if (tail < symbols.size()) {
                PositionedWord after = piece(tail, symbols.size(), false);
                after.x0 = marker_end;  // one word as printed: "materials¹,"
                out.push_back(std::move(after));
            }
        }
        first = false;
        const double n = static_cast<double>(text.size());
        letters += n;
        weighted += n * confidence / 100.0;
    } while (!it.IsAtFinalElement(tesseract::RIL_TEXTLINE, tesseract::RIL_WORD) && it.Next(tesseract::RIL_WORD));
}

}  // namespace

OcrEngine::OcrEngine(const std::string& languages, const std::string& tessdata)
    : api_(std::make_unique<Api>()), languages_(languages) {
    quiet(api_->tess);
    if (api_->tess.Init(datapath(tessdata), languages.c_str(), tesseract::OEM_LSTM_ONLY) != 0)
        error_ = "Tesseract could not load the language data " + languages;
    else
        // One column of text of varied sizes: the automatic segmentation drops short words
        // set apart in the margin (a heading's "B."); columns are found from the word
        // positions by the layout code, as for a text layer.
        api_->tess.SetPageSegMode(tesseract::PSM_SINGLE_COLUMN);
}

OcrEngine::~OcrEngine() {
    if (api_) api_->tess.End();
}

OcrPage OcrEngine::read(const GreyImage& image, double seconds) {
    OcrPage page;
    if (!ok()) {
        page.error = error_;
        return page;
    }
    tesseract::TessBaseAPI& tess = api_->tess;
    tess.SetImage(image.pixels, image.width, image.height, 1, image.bytes_per_row);
    tess.SetSourceResolution(static_cast<int>(std::lround(image.dpi)));
    tesseract::ETEXT_DESC monitor;
    // At least 1 ms: Tesseract takes 0 for "no deadline".
    monitor.set_deadline_msecs(static_cast<int32_t>(std::clamp(seconds * 1000, 1.0, 2e9)));
    const int status = tess.Recognize(&monitor);
    page.timed_out = monitor.deadline_exceeded();
    if (status != 0 && !page.timed_out) {
        page.error = "Tesseract could not recognise the page";
        tess.Clear();
        return page;
    }
    const double scale = 72.0 / image.dpi;
    double letters = 0, weighted = 0;
    const std::unique_ptr<tesseract::ResultIterator> it(tess.GetIterator());
    if (it && !it->Empty(tesseract::RIL_WORD)) {
        const std::map<std::pair<int, int>, double> ems = line_ems(*it);
        do {
            int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
            it->BoundingBox(tesseract::RIL_TEXTLINE, &x0, &y0, &x1, &y1);
            const auto em = ems.find({x0, y0});
            read_line(*it, em == ems.end() ? 0 : em->second, scale, page.words, letters, weighted);
        } while (it->Next(tesseract::RIL_WORD));  // read_line ends at the line's last word
    }
    snap_font_sizes(page.words);
    split_misread_markers(page.words);
    page.confidence = letters > 0 ? weighted / letters : 0;
    tess.Clear();
    return page;
}

std::string detect_script(const GreyImage& image, const std::string& tessdata) {
    tesseract::TessBaseAPI tess;
    quiet(tess);
    if (tess.Init(datapath(tessdata), "osd", tesseract::OEM_TESSERACT_ONLY) != 0) return "";
    tess.SetPageSegMode(tesseract::PSM_OSD_ONLY);
    tess.SetImage(image.pixels, image.width, image.height, 1, image.bytes_per_row);
    tess.SetSourceResolution(static_cast<int>(std::lround(image.dpi)));
    int orientation = 0;
    float orientation_confidence = 0, script_confidence = 0;
    const char* script = nullptr;
    std::string found;
    if (tess.DetectOrientationScript(&orientation, &orientation_confidence, &script, &script_confidence) && script &&
        script_confidence > 1)
        found = script;
    tess.End();
    return found;
}

}  // namespace verbatim
