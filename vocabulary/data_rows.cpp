#include "vocabulary/data_files.h"
#include "vocabulary/ascii.h"

#include <cassert>

#include "vocabulary/text.h"

namespace verbatim::vocabulary {

std::vector<std::vector<std::string>> data_rows(std::string_view name, std::size_t columns,
                                                std::string_view separator) {
    const std::string_view text = data_file(name);
    assert(!text.empty() && "a vocabulary data file named in the build");
    std::vector<std::vector<std::string>> rows;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = trim(text.substr(at, end - at));
        at = end + 1;
        if (line.empty() || line.front() == '#') continue;
        std::vector<std::string> fields;
        while (!line.empty()) {
            if (fields.size() + 1 == columns) {
                fields.emplace_back(line);
                break;
            }
            const std::size_t cut = separator.empty() ? line.find_first_of(" \t") : line.find(separator);
            if (cut == std::string_view::npos) {
                fields.emplace_back(line);
                break;
            }
            fields.emplace_back(trim(line.substr(0, cut)));
            line = trim(line.substr(cut + (separator.empty() ? 1 : separator.size())));
        }
        rows.push_back(std::move(fields));
    }
    return rows;
}

}  // namespace verbatim::vocabulary
