// Poppler's C++ API -> PageWords. Everything Poppler-specific stays in this file.
#include "indexer/extract/pdf_reader.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <poppler-rectangle.h>

#include "indexer/extract/ocr_choice.h"
#include "indexer/extract/scan_reader.h"

namespace verbatim {
namespace {

// Poppler reports syntax errors of damaged files on stderr; we report them ourselves.
void ignore_poppler_message(const std::string&, void*) {}

void silence_poppler() {
    static const bool silenced = [] {
        poppler::set_debug_error_function(ignore_poppler_message, nullptr);
        return true;
    }();
    (void)silenced;
}

Problem problem(const std::filesystem::path& file, std::string cause) {
    return Problem{file.string(), 0, std::move(cause)};
}

bool read_bytes(const std::filesystem::path& file, std::string& bytes) {
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(file, error);
    if (error) return false;
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    bytes.resize(static_cast<std::size_t>(size));
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    return in.gcount() == static_cast<std::streamsize>(size);
}

// The PDF spec lets the header sit anywhere in the first 1024 bytes.
bool has_pdf_header(const std::string& bytes) {
    const std::size_t window = std::min<std::size_t>(bytes.size(), 1024);
    return std::string_view(bytes.data(), window).find("%PDF-") != std::string_view::npos;
}

// poppler::ustring holds UTF-16 code units. Its own to_utf8 opens an iconv converter per
// call (once per word: a tenth of the reader's time); valid UTF-16 is converted here, and
// anything else (a lone surrogate) is left to Poppler, so the result is the same.
std::string utf8(const poppler::ustring& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        std::uint32_t c = text[i];
        if (c >= 0xD800 && c <= 0xDFFF) {
            const std::uint32_t low = i + 1 < text.size() ? text[i + 1] : 0;
            if (c > 0xDBFF || low < 0xDC00 || low > 0xDFFF) {
                const poppler::byte_array raw = text.to_utf8();
                return std::string(raw.begin(), raw.end());
            }
            c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
            ++i;
        }
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

bool contains(const std::string& haystack, const char* needle) {
    return haystack.find(needle) != std::string::npos;
}

// Embedded font names look like "ABCDEF+Times-BoldItalic" or "Arial,Bold".
void read_font_style(const std::string& font_name, PositionedWord& word) {
    word.bold = contains(font_name, "Bold") || contains(font_name, "Black") ||
                contains(font_name, "Heavy") || contains(font_name, "Semibold");
    word.italic = contains(font_name, "Italic") || contains(font_name, "Oblique");
}

PositionedWord to_word(const poppler::text_box& box) {
    PositionedWord word;
    word.text = utf8(box.text());
    // text_list() already reports boxes in the page's top-left, y-down space.
    const poppler::rectf r = box.bbox();
    word.x0 = r.left();
    word.y0 = r.top();
    word.x1 = r.right();
    word.y1 = r.bottom();
    if (box.has_font_info()) {
        word.font_size = box.get_font_size();
        read_font_style(box.get_font_name(), word);
    }
    return word;
}

struct PageRead {
    bool ok = false;
    PageWords page;
};

PageRead read_page(const poppler::document& doc, int index) {
    PageRead result;
    const std::unique_ptr<poppler::page> page(doc.create_page(index));
    if (!page) return result;
    result.page.index = index;
    result.page.label = utf8(page->label());
    const poppler::rectf media = page->page_rect();
    result.page.width = media.width();
    result.page.height = media.height();
    for (const poppler::text_box& box :
         page->text_list(poppler::page::text_list_option_enum::text_list_include_font)) {
        PositionedWord word = to_word(box);
        if (!word.text.empty()) result.page.words.push_back(std::move(word));
    }
    result.ok = true;
    return result;
}

// Pixels are bounded whatever the page's size claims: a poster-sized page is rendered at
// less than the asked resolution (about 36 megapixels at most, 36 MB in grey).
constexpr double kMaxRenderedSide = 6000;

std::optional<RenderedPage> render_page(const poppler::document& doc, int index, double dpi) {
    const std::unique_ptr<poppler::page> page(doc.create_page(index));
    if (!page) return std::nullopt;
    const poppler::rectf media = page->page_rect();
    const double side_points = std::max(media.width(), media.height());
    if (side_points <= 0) return std::nullopt;
    dpi = std::min(dpi, kMaxRenderedSide * 72.0 / side_points);
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_gray8);
    const poppler::image image = renderer.render_page(page.get(), dpi, dpi);
    if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) return std::nullopt;
    RenderedPage out;
    out.width = image.width();
    out.height = image.height();
    out.bytes_per_row = image.bytes_per_row();
    out.dpi = dpi;
    out.pixels.assign(image.const_data(), static_cast<std::size_t>(out.bytes_per_row) * out.height);
    return out;
}

// A complete PDF ends with "%%EOF"; its absence means the file was cut short.
bool looks_truncated(const std::string& bytes) {
    const std::size_t tail = bytes.size() > 1024 ? bytes.size() - 1024 : 0;
    return std::string_view(bytes).substr(tail).find("%%EOF") == std::string_view::npos;
}

std::string damaged_cause(const std::string& bytes, int read, int total) {
    const std::string what = looks_truncated(bytes) ? "damaged PDF (truncated, no end-of-file marker): "
                                                    : "damaged PDF: ";
    if (read == 0) return what + "no page could be read";
    return what + "only " + std::to_string(read) + " of " + std::to_string(total) +
           " pages could be read";
}

std::variant<std::vector<PageWords>, Problem> read_document(const std::filesystem::path& file,
                                                           const std::string& bytes, const OcrOptions& ocr,
                                                           const std::function<void(int)>& before_ocr) {
    const std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
        bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) return problem(file, damaged_cause(bytes, 0, 0));
    if (doc->is_locked()) return problem(file, "encrypted PDF: needs a password to open");
    const int total = doc->pages();
    if (total <= 0) return problem(file, damaged_cause(bytes, 0, 0));

    std::vector<PageWords> pages;
    bool any_text = false;
    for (int i = 0; i < total; ++i) {
        PageRead read = read_page(*doc, i);
        if (!read.ok) continue;
        any_text = any_text || !read.page.words.empty();
        pages.push_back(std::move(read.page));
    }
    const int read_count = static_cast<int>(pages.size());
    if (read_count < total) return problem(file, damaged_cause(bytes, read_count, total));
    if (!ocr.enabled) {
        if (!any_text)
            return problem(file, "no text layer: scanned PDF, needs OCR before it can be indexed (OCR is off)");
        return pages;
    }
    const PageRenderer render = [&](int index, double dpi) { return render_page(*doc, index, dpi); };
    const std::string setup_error = read_scanned_pages(pages, file, bytes, ocr, render, before_ocr);
    if (!setup_error.empty()) return problem(file, "no text layer: scanned PDF; " + setup_error);
    bool any_words = false;
    std::string first_problem;
    int problem_page = 0;
    for (const PageWords& page : pages) {
        any_words = any_words || !page.words.empty();
        if (first_problem.empty() && !page.ocr_problem.empty()) {
            first_problem = page.ocr_problem;
            problem_page = page.index + 1;
        }
    }
    if (!any_words) {
        if (first_problem.empty()) return problem(file, "no text: every page is blank");
        const std::string where =
            pages.size() == 1 ? "its page" : "any of its " + std::to_string(pages.size()) + " pages";
        return problem(file, "scanned PDF: OCR could not read " + where + " (page " + std::to_string(problem_page) +
                                 ": " + first_problem + ")");
    }
    return pages;
}

}  // namespace

std::variant<std::vector<PageWords>, Problem> read_pdf_pages(const std::filesystem::path& file, const OcrOptions& ocr,
                                                            const std::function<void(int)>& before_ocr) {
    silence_poppler();
    std::string bytes;
    if (!read_bytes(file, bytes)) return problem(file, "cannot read file");
    if (bytes.empty()) return problem(file, "empty file, nothing to index");
    if (!has_pdf_header(bytes)) return problem(file, "not a PDF (no %PDF header)");
    try {
        return read_document(file, bytes, ocr, before_ocr);
    } catch (const std::exception& e) {
        return problem(file, std::string("damaged PDF: ") + e.what());
    }
}

}  // namespace verbatim
