#include "indexer/index/walk.h"

#include <algorithm>
#include <system_error>

#include "indexer/extract/extract.h"

namespace verbatim {

namespace fs = std::filesystem;

WalkResult walk_inputs(const std::vector<fs::path>& paths) {
    WalkResult out;
    for (const fs::path& given : paths) {
        std::error_code ec;
        fs::path root = fs::absolute(given, ec).lexically_normal();
        fs::file_status status = fs::status(root, ec);
        if (ec || !fs::exists(status)) {
            out.problems.push_back({given.string(), 0, "no such file or folder"});
            continue;
        }
        if (fs::is_regular_file(status)) {
            if (source_format(root) == SourceFormat::unsupported)
                out.problems.push_back({given.string(), 0, "unsupported file type (verbatim reads .txt, .md and .pdf)"});
            else
                out.files.push_back(root);
            continue;
        }
        if (!fs::is_directory(status)) {
            out.problems.push_back({given.string(), 0, "not a regular file or folder"});
            continue;
        }
        fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
        if (ec) {
            out.problems.push_back({given.string(), 0, "cannot read folder: " + ec.message()});
            continue;
        }
        for (; it != end; it.increment(ec)) {
            if (ec) {
                out.problems.push_back({it->path().string(), 0, "cannot read: " + ec.message()});
                ec.clear();
                continue;
            }
            const fs::path& p = it->path();
            if (p.filename().string().starts_with(".")) {
                if (it->is_directory(ec)) it.disable_recursion_pending();
                continue;
            }
            if (it->is_symlink(ec) && it->is_directory(ec)) {
                it.disable_recursion_pending();
                continue;
            }
            if (source_format(p) == SourceFormat::unsupported) continue;
            if (it->is_symlink(ec) && !fs::exists(p, ec)) {
                // A link that leads nowhere is a file the user expected to be read: say so.
                out.problems.push_back({p.string(), 0,
                                        ec == std::errc::too_many_symbolic_link_levels
                                            ? "symbolic link loop: the link leads back to itself"
                                            : "broken symbolic link: its target does not exist"});
                ec.clear();
                continue;
            }
            if (!it->is_regular_file(ec)) continue;
            out.files.push_back(p.lexically_normal());
        }
    }
    std::sort(out.files.begin(), out.files.end());
    out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
    return out;
}

}  // namespace verbatim
