// read_scanned_pages (see scan_reader.h).
#include "indexer/extract/scan_reader.h"

#include <chrono>
#include <cstdio>
#include <memory>

#include "indexer/extract/ocr.h"
#include "indexer/extract/ocr_cache.h"
#include "indexer/extract/ocr_choice.h"

namespace verbatim {
namespace {

using Clock = std::chrono::steady_clock;

std::string seconds_text(double seconds) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g s", seconds);
    return buf;
}

std::string percent(double share) { return std::to_string(static_cast<int>(share * 100 + 0.5)) + " %"; }

GreyImage grey(const RenderedPage& page) {
    return {reinterpret_cast<const unsigned char*>(page.pixels.data()), page.width, page.height, page.bytes_per_row,
            page.dpi};
}

// The languages to read the file in: the option, the file name, the pages that have text.
std::string languages_given(const OcrOptions& options, const std::filesystem::path& file,
                            const std::vector<PageWords>& pages) {
    if (!options.languages.empty()) return options.languages;
    if (std::string named = language_from_file_name(file); !named.empty()) return named;
    return language_from_text(pages);
}

// What OCR gave for one page, judged: legible words, or why not.
void accept(PageWords& page, OcrPage read) {
    page.ocr = true;
    page.ocr_confidence = read.confidence;
    page.words.clear();
    if (!read.error.empty()) {
        page.ocr_problem = "OCR could not read the page: " + read.error;
    } else if (read.words.empty()) {
        page.ocr_problem = "OCR found no text on the page";
    } else if (read.confidence < kMinOcrConfidence || word_like_share(read.words) < kMinWordLikeShare) {
        page.ocr_problem = "OCR found no legible text on the page (confidence " + percent(read.confidence) +
                           "): noise, a picture or a very poor scan";
    } else {
        page.words = std::move(read.words);
    }
}

}  // namespace

bool is_blank(const RenderedPage& page) {
    std::size_t dark = 0;
    const std::size_t total = static_cast<std::size_t>(page.width) * static_cast<std::size_t>(page.height);
    for (int y = 0; y < page.height; y += 2) {
        const auto* row = reinterpret_cast<const unsigned char*>(page.pixels.data()) +
                          static_cast<std::size_t>(y) * static_cast<std::size_t>(page.bytes_per_row);
        for (int x = 0; x < page.width; x += 2) dark += row[x] < 128;
    }
    return total == 0 || dark * 4 < total / 2000;  // under 0.05 % of the page inked
}

std::string read_scanned_pages(std::vector<PageWords>& pages, const std::filesystem::path& file,
                               const std::string& file_bytes, const OcrOptions& options,
                               const PageRenderer& render, const std::function<void(int)>& before_ocr) {
    std::vector<std::size_t> wanted;
    for (std::size_t i = 0; i < pages.size(); ++i)
        if (page_needs_ocr(pages[i])) wanted.push_back(i);
    if (wanted.empty()) return "";
    const std::filesystem::path tessdata = options.tessdata.empty() ? tessdata_folder("") : options.tessdata;
    std::string languages = languages_given(options, file, pages);
    const bool guessed = languages.empty();
    const OcrCache cache(options.cache, file_bytes);
    if (before_ocr) before_ocr(static_cast<int>(wanted.size()));
    const auto file_deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                  std::chrono::duration<double>(options.file_seconds));
    std::unique_ptr<OcrEngine> engine;
    std::string setup_error;
    for (std::size_t n = 0; n < wanted.size(); ++n) {
        PageWords& page = pages[wanted[n]];
        const std::string cache_languages = guessed ? "auto" : languages;
        if (auto kept = cache.load(page.index, cache_languages)) {
            page = std::move(*kept);
            continue;
        }
        const double left = std::chrono::duration<double>(file_deadline - Clock::now()).count();
        if (left <= 0) {
            page.words.clear();
            page.ocr = true;
            page.ocr_problem = "not read: OCR time limit per file (" + seconds_text(options.file_seconds) +
                               ") reached (raise --ocr-file-timeout to allow more)";
            continue;
        }
        const std::optional<RenderedPage> image = render(page.index, options.dpi);
        if (!image) {
            page.words.clear();
            page.ocr = true;
            page.ocr_problem = "the page could not be rendered for OCR";
            continue;
        }
        if (is_blank(*image)) {
            page.words.clear();
            continue;
        }
        if (languages.empty()) {  // no clue yet: the script Tesseract sees, else English
            languages = language_for_script(detect_script(grey(*image), tessdata.string()));
            if (languages.empty()) languages = "eng";
        }
        if (!engine || engine->languages() != languages) {
            if (auto missing = missing_languages(languages, tessdata); !missing.empty()) {
                setup_error = missing_language_message(missing);
                page.words.clear();
                page.ocr = true;
                page.ocr_problem = setup_error;
                continue;
            }
            engine = std::make_unique<OcrEngine>(languages, tessdata.string());
        }
        const double allowed = std::min(options.page_seconds, left);
        OcrPage read = engine->read(grey(*image), allowed);
        if (read.timed_out) {
            page.words.clear();
            page.ocr = true;
            page.ocr_problem = allowed < options.page_seconds
                                   ? "not read: OCR time limit per file (" + seconds_text(options.file_seconds) +
                                         ") reached (raise --ocr-file-timeout to allow more)"
                                   : "not read: OCR time limit per page (" + seconds_text(options.page_seconds) +
                                         ") reached (raise --ocr-page-timeout to allow more)";
            continue;
        }
        // A Latin script guessed as English that reads as French or Spanish: read again
        // in that language, and the rest of the file too.
        if (guessed && languages == "eng" && read.error.empty()) {
            PageWords probe;
            probe.words = read.words;
            const std::string better = language_from_text({probe});
            if (!better.empty() && better != "eng" && missing_languages(better, tessdata).empty()) {
                languages = better;
                engine = std::make_unique<OcrEngine>(languages, tessdata.string());
                read = engine->read(grey(*image), allowed);
            }
        }
        accept(page, std::move(read));
        if (page.ocr_problem.empty() || page.ocr_problem.rfind("OCR found", 0) == 0)
            cache.store(page, cache_languages);
    }
    bool any_read = false;
    for (const PageWords& page : pages) any_read = any_read || !page.words.empty();
    return any_read ? "" : setup_error;
}

}  // namespace verbatim
