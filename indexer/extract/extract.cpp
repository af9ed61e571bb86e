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

std::string megabytes(size_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
    return buf;
}

std::string lower_extension(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

}  // namespace

SourceFormat source_format(const std::filesystem::path& file) {
    std::string ext = lower_extension(file);
    if (ext == ".pdf") return SourceFormat::pdf;
    if (ext == ".txt" || ext == ".text" || ext == ".md") return SourceFormat::text;
    return SourceFormat::unsupported;
}

std::variant<std::string, Problem> read_file_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Problem{file.string(), 0, std::string("cannot open: ") + std::strerror(errno)};
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) return Problem{file.string(), 0, std::string("read error: ") + std::strerror(errno)};
    return std::move(buffer).str();
}

std::variant<ExtractedText, Problem> extract_bytes(const std::string& bytes, const std::filesystem::path& file) {
    const std::string name = file.string();
    bool pdf_magic = bytes.compare(0, 5, "%PDF-") == 0;
    if (source_format(file) == SourceFormat::pdf || pdf_magic) {
        // In a child process: a PDF that hangs or crashes Poppler costs one file, not the run.
        return extract_pdf_isolated(file, pdf_limits());
    }
    auto decoded = decode_text(bytes, name);
    if (auto* problem = std::get_if<Problem>(&decoded)) return *problem;
    const DecodedText& text = std::get<DecodedText>(decoded);
    if (size_t longest = longest_line(text.text); longest > kMaxLineBytes)
        return Problem{name, 0,
                       "a single line of " + megabytes(longest) + " without a line break: not running text (lines of up to " +
                           megabytes(kMaxLineBytes) + " are read)"};
    ExtractedText out = lay_out_text(text.text);
    if (text.replaced > 0)
        out.problems.push_back({name, 0,
                                std::to_string(text.replaced) + " invalid byte sequence" +
                                    (text.replaced == 1 ? "" : "s") + " replaced by U+FFFD (read as " +
                                    text.encoding + ")"});
    return out;
}

std::variant<ExtractedText, Problem> extract_file(const std::filesystem::path& file) {
    auto bytes = read_file_bytes(file);
    if (auto* problem = std::get_if<Problem>(&bytes)) return *problem;
    return extract_bytes(std::get<std::string>(bytes), file);
}

}  // namespace verbatim
