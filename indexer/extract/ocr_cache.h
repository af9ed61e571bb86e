// OCR results kept on disk by the file's content, so that indexing the same scan again
// (a re-index, a copy elsewhere, a renamed file) does not read its pages again.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "indexer/extract/page_layout.h"

namespace verbatim {

// The cache folder from the environment's values (the CLI reads them; null when unset):
// $VERBATIM_OCR_CACHE, else $XDG_CACHE_HOME/verbatim/ocr, else ~/.cache/verbatim/ocr;
// empty when none can be named (no HOME).
std::filesystem::path default_ocr_cache(const char* forced, const char* xdg_cache_home, const char* home);

class OcrCache {
  public:
    // `folder` empty: a cache that keeps nothing. `file_bytes`: the whole file, its key.
    OcrCache(std::filesystem::path folder, const std::string& file_bytes);

    // The page read before with these languages, or nothing.
    std::optional<PageWords> load(int page_index, const std::string& languages) const;
    // Keeps `page` (written to a temporary file and renamed: readers never see half).
    // A cache that cannot be written is not an error: the page is read again next time.
    void store(const PageWords& page, const std::string& languages) const;

    const std::string& key() const { return key_; }

  private:
    std::filesystem::path entry(int page_index, const std::string& languages) const;
    std::filesystem::path folder_;
    std::string key_;
};

}  // namespace verbatim
