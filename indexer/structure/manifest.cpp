#include "indexer/structure/manifest.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "vocabulary/ascii.h"
#include "model/parse_number.h"

namespace verbatim {

namespace {

const std::set<std::string> kKeys{"name",  "symbol",  "other_symbols",  "date",   "title",
                                  "type",  "body",    "meeting",        "meeting_number",
                                  "place", "meeting_dates", "lang", "original_language",
                                  "distribution", "job_number",
                                  // where `verbatim fetch` got the file (fetch/fetch_manifest.h)
                                  "source_url", "fetched_at", "sha256"};
const std::set<std::string> kTypes{"report", "draft", "crp", "statement", "resolution", "other"};

std::string check_value(const std::string& key, const std::string& value) {
    auto is_date = [](const std::string& v) {  // YYYY-MM-DD, digits only
        if (v.size() != 10 || v[4] != '-' || v[7] != '-') return false;
        for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
            if (!std::isdigit(static_cast<unsigned char>(v[i]))) return false;
        return true;
    };
    if (key == "date" && !is_date(value)) return "date must be YYYY-MM-DD, not '" + value + "'";
    if (key == "type" && !kTypes.count(value))
        return "type must be one of report, draft, crp, statement, resolution, other; not '" + value + "'";
    if (key == "meeting_number" &&
        (value.empty() || value.size() > 4 || value.find_first_not_of("0123456789") != std::string::npos))
        return "meeting_number must be a number of at most 4 digits, not '" + value + "'";
    if (key == "lang" && (value.size() != 2 || !std::islower(static_cast<unsigned char>(value[0]))))
        return "lang must be a two-letter code such as en, fr, ar; not '" + value + "'";
    return {};
}

}  // namespace

std::variant<Manifest, Problem> parse_manifest(std::string_view text, const std::string& file) {
    Manifest manifest;
    manifest.file = file;
    int line_no = 0;
    size_t begin = 0;
    while (begin < text.size()) {
        size_t end = text.find('\n', begin);
        if (end == std::string_view::npos) end = text.size();
        std::string line(vocabulary::trim(text.substr(begin, end - begin)));
        begin = end + 1;
        ++line_no;
        if (line.empty() || line[0] == '#' || line[0] == ';') continue;
        auto problem = [&](const std::string& what) {
            return Problem{file, 0, "line " + std::to_string(line_no) + ": " + what};
        };
        if (line.front() == '[') {
            if (line.back() != ']') return problem("a section header must end with ']'");
            ManifestEntry entry;
            entry.key = std::string(vocabulary::trim(std::string_view(line).substr(1, line.size() - 2)));
            entry.line = line_no;
            if (entry.key.empty()) return problem("empty section name; write the file name, e.g. [report.txt]");
            manifest.entries.push_back(std::move(entry));
            continue;
        }
        size_t eq = line.find('=');
        if (eq == std::string::npos) return problem("expected 'key = value' or '[file name]'");
        if (manifest.entries.empty()) return problem("'key = value' before any [file name] section");
        std::string key(vocabulary::trim(std::string_view(line).substr(0, eq)));
        std::string value(vocabulary::trim(std::string_view(line).substr(eq + 1)));
        if (!kKeys.count(key)) {
            std::string known;
            for (const auto& k : kKeys) known += (known.empty() ? "" : ", ") + k;
            return problem("unknown key '" + key + "' (known: " + known + ")");
        }
        if (std::string err = check_value(key, value); !err.empty()) return problem(err);
        manifest.entries.back().fields[key] = value;
    }
    return manifest;
}

const ManifestEntry* Manifest::find(const std::filesystem::path& path) const {
    std::string name = path.filename().string();
    std::string stem = path.stem().string();
    for (const auto& e : entries)
        if (e.key == name) return &e;
    for (const auto& e : entries)
        if (e.key == stem) return &e;
    return nullptr;
}

void apply_manifest(const ManifestEntry& entry, DocumentMeta& meta) {
    auto set = [&](const char* key, std::string& field) {
        if (auto it = entry.fields.find(key); it != entry.fields.end()) field = it->second;
    };
    set("name", meta.name);
    set("symbol", meta.symbol);
    set("date", meta.date);
    set("title", meta.title);
    set("type", meta.type);
    set("body", meta.body);
    set("meeting", meta.meeting);
    set("place", meta.place);
    set("meeting_dates", meta.meeting_dates);
    set("lang", meta.lang);
    set("original_language", meta.original_language);
    set("distribution", meta.distribution);
    set("job_number", meta.job_number);
    if (auto it = entry.fields.find("meeting_number"); it != entry.fields.end())
        meta.meeting_number = parse_number<int>(vocabulary::trim(it->second), 0, 1'000'000).value_or(0);
    if (auto it = entry.fields.find("other_symbols"); it != entry.fields.end()) {
        meta.other_symbols.clear();
        std::string list = it->second;
        for (size_t b = 0; b < list.size();) {
            size_t e = list.find(',', b);
            if (e == std::string::npos) e = list.size();
            std::string sym(vocabulary::trim(std::string_view(list).substr(b, e - b)));
            if (!sym.empty()) meta.other_symbols.push_back(sym);
            b = e + 1;
        }
    }
    // A symbol the manifest assigns replaces one the text stated; keep the old one findable.
    meta.other_symbols.erase(std::remove(meta.other_symbols.begin(), meta.other_symbols.end(), meta.symbol),
                             meta.other_symbols.end());
}

}  // namespace verbatim
