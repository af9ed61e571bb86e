// Reads a page image with Tesseract into positioned words, like a text layer's.
// The only file that includes Tesseract headers; it knows nothing of PDFs (the PDF reader
// renders the page and hands over the pixels).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "indexer/extract/page_layout.h"

namespace verbatim {

// An 8-bit grey image, rows top to bottom.
struct GreyImage {
    const unsigned char* pixels = nullptr;
    int width = 0, height = 0, bytes_per_row = 0;
    double dpi = 300;  // pixels per inch: words come back in points (1/72 inch)
};

struct OcrPage {
    std::vector<PositionedWord> words;  // in reading order as Tesseract finds it
    double confidence = 0;              // mean word confidence, weighted by letters, 0..1
    bool timed_out = false;             // the page's time limit ended recognition early
    std::string error;                  // non-empty: the page could not be read at all
};

// One Tesseract engine for a language set ("eng", "rus+eng"), kept for many pages
// (loading the models costs more than a page).
class OcrEngine {
  public:
    // Loads the language data from `tessdata` (empty: Tesseract's default folder).
    // ok() is false, and error() says why, when it cannot.
    OcrEngine(const std::string& languages, const std::string& tessdata);
    ~OcrEngine();
    OcrEngine(const OcrEngine&) = delete;
    OcrEngine& operator=(const OcrEngine&) = delete;

    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }
    const std::string& languages() const { return languages_; }

    // Recognises `image` within `seconds` of wall-clock time.
    OcrPage read(const GreyImage& image, double seconds);

  private:
    struct Api;
    std::unique_ptr<Api> api_;
    std::string languages_, error_;
};

// The script Tesseract's orientation and script detection sees on `image` ("Latin",
// "Cyrillic", "Arabic", "Han", ...), empty when it cannot tell (or osd.traineddata is
// missing).
std::string detect_script(const GreyImage& image, const std::string& tessdata);

}  // namespace verbatim
