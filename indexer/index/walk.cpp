#include "indexer/index/walk.h"

#include <algorithm>
#include <system_error>

#include "indexer/extract/extract.h"

namespace verbatim {

namespace fs = std::filesystem;

namespace {

// One folder's entries into `out`, its subfolders onto `folders`. Every failure is the
// folder's or the entry's alone: a folder that vanished, became unreadable or a file
// since it was listed is reported and the walk goes on with the others.
void read_folder(const fs::path& dir, std::vector<fs::path>& folders, WalkResult& out) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
        // Gone since its parent was read: nothing to index there, nothing to say.
        if (ec != std::errc::no_such_file_or_directory)
            out.problems.push_back({dir.string(), 0, "cannot read folder: " + ec.message()});
        return;
    }
    for (; it != end;) {
        const fs::directory_entry entry = *it;
        const fs::path& p = entry.path();
        std::error_code entry_ec;
        const std::string name = p.filename().string();
        const bool is_link = entry.is_symlink(entry_ec);
        if (name.starts_with(".")) {
            // hidden: not indexed, not entered
        } else if (!is_link && entry.is_directory(entry_ec)) {
            folders.push_back(p);
        } else if (source_format(p) != SourceFormat::unsupported) {
            if (is_link) {
                std::error_code link_ec;
                const fs::file_status target = fs::status(p, link_ec);
                if (link_ec || !fs::exists(target)) {
                    // A link that leads nowhere is a file the user expected to be read: say so.
                    out.problems.push_back({p.string(), 0,
                                            link_ec == std::errc::too_many_symbolic_link_levels
                                                ? "symbolic link loop: the link leads back to itself"
                                                : "broken symbolic link: its target does not exist"});
                } else if (fs::is_regular_file(target)) {
                    out.files.push_back(p.lexically_normal());
                }
            } else if (entry.is_regular_file(entry_ec)) {
                out.files.push_back(p.lexically_normal());
            }
        }
        it.increment(ec);
        if (ec) {
            // The listing itself failed part way (the folder went away): what was read stays.
            out.problems.push_back({dir.string(), 0, "cannot read folder to the end: " + ec.message()});
            return;
        }
    }
}

}  // namespace

WalkResult walk_inputs(const std::vector<fs::path>& paths, const std::function<void(const fs::path&)>& before_folder) {
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
        // Depth first with a stack of our own: no recursion, and no iterator that ends the
        // whole walk at the first folder it cannot enter.
        std::error_code open_ec;
        fs::directory_iterator probe(root, open_ec);
        if (open_ec) {
            out.problems.push_back({given.string(), 0, "cannot read folder: " + open_ec.message()});
            continue;
        }
        std::vector<fs::path> folders{root};
        while (!folders.empty()) {
            fs::path dir = std::move(folders.back());
            folders.pop_back();
            if (before_folder) before_folder(dir);
            read_folder(dir, folders, out);
        }
    }
    std::sort(out.files.begin(), out.files.end());
    out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
    return out;
}

}  // namespace verbatim
