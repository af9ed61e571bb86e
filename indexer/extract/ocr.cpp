// Tesseract's C++ API -> positioned words. Everything Tesseract-specific stays in this file.
#include "indexer/extract/ocr.h"

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

std::string trimmed(const std::string& text) {
    const std::size_t first = text.find_first_not_of(" \t\n");
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(" \t\n") - first + 1);
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

// The em of the paragraph the iterator stands at (at its start), in pixels, from the
// letters without ascenders or descenders (x-height about 0.46 em in the usual faces);
// 0 when it has too few. Measured over the paragraph, not the line: the estimate of one
// line varies with its letters, and a change of size within a paragraph is rare.
double paragraph_em(const tesseract::ResultIterator& start) {
    std::vector<double> x_heights;
    tesseract::ResultIterator symbols(start);
    do {
        const std::string symbol = text_of(symbols, tesseract::RIL_SYMBOL);
        int sx0 = 0, sy0 = 0, sx1 = 0, sy1 = 0;
        if (is_x_height_letter(symbol) && !symbols.SymbolIsSuperscript() &&
            symbols.BoundingBox(tesseract::RIL_SYMBOL, &sx0, &sy0, &sx1, &sy1))
            x_heights.push_back(sy1 - sy0);
    } while (!symbols.IsAtFinalElement(tesseract::RIL_PARA, tesseract::RIL_SYMBOL) &&
             symbols.Next(tesseract::RIL_SYMBOL));
    return x_heights.size() >= 4 ? trimmed_mean(x_heights) / 0.46 : 0;
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
        const std::string text = trimmed(text_of(it, tesseract::RIL_WORD));
        const float confidence = it.Confidence(tesseract::RIL_WORD);
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        if (text.empty() || !it.BoundingBox(tesseract::RIL_WORD, &x0, &y0, &x1, &y1)) continue;
        // Split trailing superscript symbols ("persons¹" read as "persons1").
        std::string body, raised;
        int raised_x0 = x1, raised_y0 = y1, raised_y1 = y0, body_x1 = x0;
        {
            tesseract::ResultIterator symbols(it);
            do {
                const std::string symbol = text_of(symbols, tesseract::RIL_SYMBOL);
                int sx0 = 0, sy0 = 0, sx1 = 0, sy1 = 0;
                symbols.BoundingBox(tesseract::RIL_SYMBOL, &sx0, &sy0, &sx1, &sy1);
                if (symbols.SymbolIsSuperscript() && is_digits(symbol) && !body.empty()) {
                    raised += symbol;
                    raised_x0 = std::min(raised_x0, sx0);
                    raised_y0 = std::min(raised_y0, sy0);
                    raised_y1 = std::max(raised_y1, sy1);
                } else {
                    if (!raised.empty()) {  // a raised digit inside a word: not a marker
                        body += raised;
                        raised.clear();
                        raised_x0 = x1;
                    }
                    body += symbol;
                    body_x1 = sx1;
                }
            } while (!symbols.IsAtFinalElement(tesseract::RIL_WORD, tesseract::RIL_SYMBOL) &&
                     symbols.Next(tesseract::RIL_SYMBOL));
        }
        if (body.empty()) body = text, raised.clear();
        const double base = baseline_at((x0 + x1) / 2.0);
        PositionedWord word;
        word.text = first ? roman_number_fixed(body) : body;
        first = false;
        word.x0 = x0 * scale;
        word.x1 = (raised.empty() ? x1 : body_x1) * scale;
        word.y0 = (base - row_height) * scale;
        word.y1 = (base - descenders) * scale;
        word.font_size = std::round(em * scale * 2) / 2;  // half points: one size per line style
        out.push_back(std::move(word));
        if (!raised.empty()) {
            PositionedWord marker;
            marker.text = raised;
            marker.x0 = raised_x0 * scale;
            marker.x1 = x1 * scale;
            marker.y0 = raised_y0 * scale;
            marker.y1 = raised_y1 * scale;
            marker.font_size = std::round(0.6 * em * scale * 2) / 2;
            out.push_back(std::move(marker));
        }
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
    monitor.set_deadline_msecs(static_cast<int32_t>(std::min(seconds * 1000, 2e9)));
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
        double em = 0;
        bool paragraph_start = true;
        do {
            if (paragraph_start) em = paragraph_em(*it);
            read_line(*it, em, scale, page.words, letters, weighted);  // ends at the line's last word
            paragraph_start = it->IsAtFinalElement(tesseract::RIL_PARA, tesseract::RIL_WORD);
        } while (it->Next(tesseract::RIL_WORD));
    }
    snap_font_sizes(page.words);
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
