// Page layout reasoning for PDFs: positioned words in, content lines out.
// Pure functions, no Poppler: unit tests build pages by hand.
#pragma once

#include <string>
#include <vector>

#include "model/document.h"

namespace verbatim {

// One word as the PDF draws it. Coordinates in points, origin top-left, y grows down.
struct PositionedWord {
    std::string text;   // UTF-8 as extracted (may contain ligatures, odd spaces)
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // bounding box
    double font_size = 0;
    bool bold = false;
    bool italic = false;
    bool struck = false;      // a strike-through line crosses it (tracked deletion)
    bool underlined = false;  // an underline runs below it (tracked insertion)
};

// A horizontal rule drawn on the page (footnote separator, strike, underline).
struct Rule {
    double x0 = 0, y = 0, x1 = 0;
};

struct PageWords {
    int index = 0;            // 0-based physical page index
    std::string label;        // the PDF page label, when the file has one
    double width = 0, height = 0;
    std::vector<PositionedWord> words;  // in content-stream order
    std::vector<Rule> rules;
    // Set by the PDF reader when the page had no usable text layer and was read by OCR.
    bool ocr = false;
    double ocr_confidence = 0;  // Tesseract's mean word confidence, 0..1
    bool ocr_cached = false;    // taken from the OCR cache, not read again
    std::string ocr_problem;    // why OCR could not read the page (it then has no words)
};

// Turns pages of positioned words into content lines in reading order:
// removes running headers/footers (by position and repetition across pages),
// reads columns in order, joins hyphenated line ends, marks footnote-area lines,
// turns superscript footnote markers into kFootnoteMarkOpen N kFootnoteMarkClose,
// assigns the printed page number, and reads the title-page block.
ExtractedText lay_out_pages(const std::vector<PageWords>& pages);

}  // namespace verbatim
