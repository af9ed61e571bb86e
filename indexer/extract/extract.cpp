#include "indexer/extract/extract.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "indexer/extract/isolated_extract.h"
#include "indexer/extract/text_decode.h"
#include "indexer/extract/text_layout.h"
#include "vocabulary/ascii.h"

namespace verbatim {

namespace {

// Running text has paragraphs; a "line" of megabytes is a data dump or a broken
// conversion, and laying it out as one paragraph would take minutes and gigabytes.
constexpr size_t kMaxLineBytes = 1 << 20;

size_t longest_line(const std::string& text) {
    size_t longest = 0;
    for (size_t start = 0; start < text.size();) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        longest = std::max(longest, end - start);
        start = end + 1;
    }
    return longest;
}

// No language has words of hundreds of bytes, Xapian cannot index terms that long, and
// the structure stage's regular expressions recurse once per character of a word (a word
// of 200,000 letters overflowed the stack): such runs are cut, and the file says so.
constexpr size_t kMaxWordBytes = 256;

struct WordCuts {
    size_t words = 0;    // words cut
    size_t longest = 0;  // bytes of the longest
};

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The first byte of a character from U+3000 to U+DFFF: Han, kana, Hangul and their
// punctuation, written without spaces. Each such character ends a "word" here, so a
// Chinese sentence is never cut (the analyser segments it with ICU).
bool opens_unspaced_script(unsigned char c) { return c >= 0xE3 && c <= 0xED; }

// Cuts runs of non-space longer than kMaxWordBytes, at a UTF-8 character boundary.
std::string cut_long_words(const std::string& text, WordCuts& cuts) {
    size_t run = 0;
    bool any = false;
    for (unsigned char c : text) {
        run = is_space(c) || opens_unspaced_script(c) ? 0 : run + 1;
        if (run > kMaxWordBytes) any = true;
    }
    if (!any) return text;
    std::string out;
    out.reserve(text.size());
    run = 0;
    bool skipping = false;
    for (unsigned char c : text) {
        if (is_space(c) || opens_unspaced_script(c)) {
            if (run > kMaxWordBytes) cuts.longest = std::max(cuts.longest, run);
            run = is_space(c) ? 0 : 1;
            skipping = false;
            out += static_cast<char>(c);
            continue;
        }
        ++run;
        if (run == kMaxWordBytes + 1) ++cuts.words;
        if (run <= kMaxWordBytes || (!skipping && (c & 0xC0) == 0x80)) out += static_cast<char>(c);  // end the character
        else skipping = true;
    }
    if (run > kMaxWordBytes) cuts.longest = std::max(cuts.longest, run);
    return out;
}

void report_cuts(const WordCuts& cuts, const std::string& name, ExtractedText& out) {
    if (cuts.words == 0) return;
    out.problems.push_back({name, 0,
                            std::to_string(cuts.words) + (cuts.words == 1 ? " word" : " words") + " longer than " +
                                std::to_string(kMaxWordBytes) + " bytes cut to that length (the longest had " +
                                std::to_string(cuts.longest) + " bytes)"});
}

std::string megabytes(uint64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
    return buf;
}

std::string lower_extension(const std::filesystem::path& file) {
    return vocabulary::ascii_lower(file.extension().string());
}

}  // namespace

SourceFormat source_format(const std::filesystem::path& file) {
    std::string ext = lower_extension(file);
    if (ext == ".pdf") return SourceFormat::pdf;
    if (ext == ".txt" || ext == ".text" || ext == ".md") return SourceFormat::text;
    return SourceFormat::unsupported;
}

std::variant<std::string, Problem> read_file_bytes(const std::filesystem::path& file, uint64_t max_bytes) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Problem{file.string(), 0, std::string("cannot open: ") + std::strerror(errno)};
    auto too_large = [&](uint64_t size) {
        return Problem{file.string(), 0,
                       "the file has " + megabytes(size) + ", more than the limit of " + megabytes(max_bytes) +
                           " per file (index --max-file-mb); skipped"};
    };
    std::error_code ec;
    const uint64_t size = std::filesystem::file_size(file, ec);
    if (!ec && size > max_bytes) return too_large(size);
    // Read in pieces up to the limit: the size can change while it is read (a file
    // still being written, /proc), and nothing is read without a bound.
    std::string out;
    if (!ec) out.reserve(size);
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        out.append(buf, static_cast<size_t>(in.gcount()));
        if (out.size() > max_bytes) return too_large(out.size());
    }
    if (in.bad()) return Problem{file.string(), 0, std::string("read error: ") + std::strerror(errno)};
    return out;
}

std::variant<ExtractedText, Problem> extract_bytes(const std::string& bytes, const std::filesystem::path& file,
                                                   const PdfLimits& pdf) {
    const std::string name = file.string();
    bool pdf_magic = bytes.compare(0, 5, "%PDF-") == 0;
    if (source_format(file) == SourceFormat::pdf || pdf_magic) {
        // In a child process: a PDF that hangs or crashes Poppler costs one file, not the run.
        auto result = extract_pdf_isolated(file, pdf);
        if (auto* text = std::get_if<ExtractedText>(&result)) {
            WordCuts cuts;
            for (SourceLine& line : text->lines) line.text = cut_long_words(line.text, cuts);
            report_cuts(cuts, name, *text);
        }
        return result;
    }
    auto decoded = decode_text(bytes, name);
    if (auto* problem = std::get_if<Problem>(&decoded)) return *problem;
    const DecodedText& text = std::get<DecodedText>(decoded);
    if (size_t longest = longest_line(text.text); longest > kMaxLineBytes)
        return Problem{name, 0,
                       "a single line of " + megabytes(longest) + " without a line break: not running text (lines of up to " +
                           megabytes(kMaxLineBytes) + " are read)"};
    WordCuts cuts;
    ExtractedText out = lay_out_text(cut_long_words(text.text, cuts));
    report_cuts(cuts, name, out);
    if (text.replaced > 0)
        out.problems.push_back({name, 0,
                                std::to_string(text.replaced) + " invalid byte sequence" +
                                    (text.replaced == 1 ? "" : "s") + " replaced by U+FFFD (read as " +
                                    text.encoding + ")"});
    return out;
}

std::variant<ExtractedText, Problem> extract_file(const std::filesystem::path& file, const PdfLimits& pdf) {
    auto bytes = read_file_bytes(file, kDefaultMaxFileBytes);
    if (auto* problem = std::get_if<Problem>(&bytes)) return *problem;
    return extract_bytes(std::get<std::string>(bytes), file, pdf);
}

}  // namespace verbatim
