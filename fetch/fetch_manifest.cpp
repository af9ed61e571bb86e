#include "fetch/fetch_manifest.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>

#include "indexer/structure/manifest.h"
#include "vocabulary/ascii.h"

namespace verbatim::fetch {

namespace {

// The key of a "key = value" line, else "".
std::string key_of(const std::string& line) {
    std::string t(vocabulary::trim(line));
    if (t.empty() || t[0] == '#' || t[0] == ';' || t[0] == '[') return {};
    size_t eq = t.find('=');
    return eq == std::string::npos ? std::string() : std::string(vocabulary::trim(std::string_view(t).substr(0, eq)));
}

std::string value_of(const std::string& line) { return std::string(vocabulary::trim(std::string_view(line).substr(line.find('=') + 1))); }

const char* const kHeader =
    "# Written by `verbatim fetch`: one section per fetched file, read by `verbatim index`.\n"
    "# source_url, fetched_at and sha256 say where and when each file came from; a file whose\n"
    "# content still has this sha256 is not downloaded again.";

}  // namespace

std::variant<ManifestFile, Problem> ManifestFile::load(const std::filesystem::path& path) {
    ManifestFile m;
    m.path_ = path;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::error_code ec;
        if (std::filesystem::exists(path, ec)) return Problem{path.string(), 0, "cannot be read"};
        std::istringstream header(kHeader);
        for (std::string line; std::getline(header, line);) m.preamble_.push_back(line);
        return m;
    }
    std::ostringstream text;
    text << in.rdbuf();
    auto parsed = parse_manifest(text.str(), path.string());
    if (auto* p = std::get_if<Problem>(&parsed)) return *p;
    std::istringstream lines(text.str());
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::string t(vocabulary::trim(line));
        if (t.size() >= 2 && t.front() == '[' && t.back() == ']') {
            m.sections_.push_back({std::string(vocabulary::trim(std::string_view(t).substr(1, t.size() - 2))), {}});
        } else if (m.sections_.empty()) {
            m.preamble_.push_back(line);
        } else {
            m.sections_.back().lines.push_back(line);
        }
    }
    return m;
}

ManifestFile::Section* ManifestFile::find(const std::string& name) {
    for (Section& s : sections_)
        if (s.name == name) return &s;
    return nullptr;
}
const ManifestFile::Section* ManifestFile::find(const std::string& name) const {
    for (const Section& s : sections_)
        if (s.name == name) return &s;
    return nullptr;
}

std::optional<std::string> ManifestFile::get(const std::string& file_name, const std::string& key) const {
    const Section* s = find(file_name);
    if (!s) return std::nullopt;
    for (const std::string& line : s->lines)
        if (key_of(line) == key) return value_of(line);
    return std::nullopt;
}

void ManifestFile::set(const std::string& file_name, const std::string& key, const std::string& value) {
    Section* s = find(file_name);
    if (!s) {
        if (!sections_.empty() && !sections_.back().lines.empty() && !vocabulary::trim(sections_.back().lines.back()).empty())
            sections_.back().lines.emplace_back();
        else if (sections_.empty() && !preamble_.empty() && !vocabulary::trim(preamble_.back()).empty())
            preamble_.emplace_back();
        sections_.push_back({file_name, {}});
        s = &sections_.back();
    }
    const std::string line = key + " = " + value;
    for (std::string& l : s->lines)
        if (key_of(l) == key) {
            l = line;
            return;
        }
    // After the section's last key line, before the blank lines that separate sections.
    size_t at = s->lines.size();
    while (at > 0 && vocabulary::trim(s->lines[at - 1]).empty()) --at;
    s->lines.insert(s->lines.begin() + static_cast<std::ptrdiff_t>(at), line);
}

std::vector<std::string> ManifestFile::sections_with(const std::string& key, const std::string& value) const {
    std::vector<std::string> names;
    for (const Section& s : sections_)
        for (const std::string& line : s.lines)
            if (key_of(line) == key && value_of(line) == value) names.push_back(s.name);
    return names;
}

std::string ManifestFile::save() const {
    std::string text;
    for (const std::string& line : preamble_) text += line + "\n";
    for (const Section& s : sections_) {
        text += "[" + s.name + "]\n";
        for (const std::string& line : s.lines) text += line + "\n";
    }
    const std::filesystem::path tmp = path_.parent_path() / ("." + path_.filename().string() + ".part");
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return tmp.string() + ": " + std::strerror(errno);
    size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            std::string err = tmp.string() + ": " + std::strerror(errno);
            ::close(fd);
            return err;
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) return tmp.string() + ": " + std::strerror(errno);
    if (std::rename(tmp.c_str(), path_.c_str()) != 0) return path_.string() + ": " + std::strerror(errno);
    return "";
}

std::string utc_timestamp() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace verbatim::fetch
