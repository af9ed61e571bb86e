// The OCR cache (see ocr_cache.h): one file per page, named by the file's content hash,
// the page, the languages and the format version, holding the page as pdf_wire sends it.
#include "indexer/extract/ocr_cache.h"

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <variant>
#include <vector>

#include "indexer/extract/pdf_wire.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;

// Bumped when what OCR returns for the same image changes (rendering, word boxes).
constexpr const char* kCacheVersion = "v1";

// Two independent 64-bit FNV-1a hashes and the size: 136 bits name the content, enough
// that distinct files never share an entry by chance.
std::string content_key(const std::string& bytes) {
    std::uint64_t a = 1469598103934665603ULL, b = 0x84222325cbf29ce4ULL;
    for (unsigned char c : bytes) {
        a = (a ^ c) * 1099511628211ULL;
        b = (b ^ static_cast<unsigned char>(c + 0x5b)) * 0x100000001b3ULL;
        b ^= b >> 29;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%016llx%016llx-%zu", static_cast<unsigned long long>(a),
                  static_cast<unsigned long long>(b), bytes.size());
    return buf;
}

}  // namespace

fs::path default_ocr_cache(const char* forced, const char* xdg_cache_home, const char* home) {
    if (forced && *forced) return forced;
    if (xdg_cache_home && *xdg_cache_home) return fs::path(xdg_cache_home) / "verbatim" / "ocr";
    if (home && *home) return fs::path(home) / ".cache" / "verbatim" / "ocr";
    return {};
}

OcrCache::OcrCache(fs::path folder, const std::string& file_bytes)
    : folder_(std::move(folder)), key_(content_key(file_bytes)) {}

fs::path OcrCache::entry(int page_index, const std::string& languages) const {
    return folder_ / key_.substr(0, 2) / (key_ + "-p" + std::to_string(page_index) + "-" + languages + "-" +
                                          kCacheVersion + ".words");
}

std::optional<PageWords> OcrCache::load(int page_index, const std::string& languages) const {
    if (folder_.empty()) return std::nullopt;
    std::ifstream in(entry(page_index, languages), std::ios::binary);
    if (!in) return std::nullopt;
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    try {
        auto pages = deserialise_pages(bytes);
        auto* list = std::get_if<std::vector<PageWords>>(&pages);
        if (!list || list->size() != 1 || (*list)[0].index != page_index) return std::nullopt;
        PageWords page = std::move((*list)[0]);
        page.ocr_cached = true;
        return page;
    } catch (const std::exception&) {
        return std::nullopt;  // a damaged entry: read the page again
    }
}

void OcrCache::store(const PageWords& page, const std::string& languages) const {
    if (folder_.empty()) return;
    const fs::path target = entry(page.index, languages);
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (ec) return;
    const fs::path temporary = target.string() + ".tmp" + std::to_string(getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) return;
        out << serialise_pages(std::vector<PageWords>{page});
        if (!out) {
            out.close();
            fs::remove(temporary, ec);
            return;
        }
    }
    fs::rename(temporary, target, ec);
    if (ec) fs::remove(temporary, ec);
}

}  // namespace verbatim
