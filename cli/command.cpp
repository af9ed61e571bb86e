#include "cli/command.h"

#include "indexer/extract/isolated_extract.h"
#include "indexer/extract/ocr_choice.h"
#include "query/search/searcher.h"
#include "query/search/shards.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace verbatim::cli {

std::string default_db() {
    if (const char* env = std::getenv("VERBATIM_DB"); env && *env) return env;
    return "verbatim.db";
}

namespace {
std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}
}  // namespace

std::filesystem::path pdf_reader_from_environment() { return environment(kPdfReaderVariable); }
std::filesystem::path tessdata_from_environment() { return tessdata_folder(environment("TESSDATA_PREFIX")); }

TextStyle terminal_style() {
    const char* no_color = std::getenv("NO_COLOR");
    return TextStyle{isatty(STDOUT_FILENO) == 1 && !(no_color && *no_color)};
}

void error(const std::string& message) { std::cerr << "verbatim: " << message << "\n"; }

// File names may hold newlines or other control characters: escape them so that
// one problem stays one line.
namespace {
std::string printable_name(const std::string& name) {
    std::string out;
    for (unsigned char c : name) {
        if (c >= 0x20 && c != 0x7f) {
            out += static_cast<char>(c);
            continue;
        }
        char buf[8];
        std::snprintf(buf, sizeof buf, c == '\n' ? "\\n" : "\\x%02x", c);
        out += buf;
    }
    return out;
}
}  // namespace

std::string problem_line(const Problem& p) {
    return printable_name(p.file) + (p.page > 0 ? " (page " + std::to_string(p.page) + ")" : "") + ": " + p.cause;
}

std::string join(const std::vector<std::string>& words) {
    std::string q;
    for (const auto& w : words) q += (q.empty() ? "" : " ") + w;
    return q;
}

int run_query_command(const std::string& bad_input, const std::function<int()>& command) {
    try {
        return command();
    } catch (const QueryError& e) {
        error(bad_input + ": " + e.what());
    } catch (const DatabaseError& e) {
        error(e.what());
    } catch (const Xapian::Error& e) {
        error("the index could not be read: " + e.get_description());
    }
    return kError;
}

void add_db_option(CLI::App& command, GlobalOptions& global, bool reads_shards) {
    // Several --db are the shards of one index, searched together.
    command.add_option_function<std::vector<std::string>>(
        "--db", [&global](const std::vector<std::string>& dbs) { global.db = join_db_specs(dbs); },
        "index folder, sharded index folder or Xapian stub file; repeat for shards searched as one "
        "(default: $VERBATIM_DB, else ./verbatim.db)")
        ->allow_extra_args(false);  // one path per --db: the rest are the command's arguments
    if (!reads_shards) return;  // `index` writes: a missing shard is never skipped there
    command.add_flag_callback(
        "--allow-partial",
        [&global] { global.shards = {true, [](const std::string& notice) { error(notice); }}; },
        "when a shard cannot be reached, answer from the others (marked partial on stderr)");
}

}  // namespace verbatim::cli
