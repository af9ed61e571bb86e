// Shared pieces of the `verbatim` subcommands. Each subcommand lives in its own file:
// it declares its options on the CLI11 app and returns what to run when it is chosen.
#pragma once

#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "model/document.h"
#include "query/present/text_output.h"
#include "query/search/shards.h"

namespace verbatim::cli {

// Exit codes (like grep): 0 found / done, 1 nothing found or some files skipped,
// 2 error (bad query or reference, no index, bad arguments).
inline constexpr int kOk = 0;
inline constexpr int kNothing = 1;
inline constexpr int kError = 2;

// Options every subcommand shares.
struct GlobalOptions {
    std::string db;      // --db, else $VERBATIM_DB, else ./verbatim.db
    ShardPolicy shards;  // --allow-partial
};

// A subcommand: its CLI11 node and what runs when it was chosen.
struct Command {
    CLI::App* app = nullptr;
    std::function<int()> run;
};

std::string default_db();
// What the environment says of reading PDFs, passed down in PdfLimits and OcrOptions:
// another reader program ($VERBATIM_PDF_READER), Tesseract's data ($TESSDATA_PREFIX).
std::filesystem::path pdf_reader_from_environment();
std::filesystem::path tessdata_from_environment();
// Bold and dim on a terminal, never when piped or with NO_COLOR.
TextStyle terminal_style();
// "verbatim: <message>" on stderr.
void error(const std::string& message);
// "file (page N): cause"
std::string problem_line(const Problem& p);
std::string join(const std::vector<std::string>& words);
// Runs a query-side command, turning the errors they share into one message and an exit
// code: a malformed query or text (`bad_input` names it: "bad query 'x'") and a missing or
// damaged index are errors (2).
int run_query_command(const std::string& bad_input, const std::function<int()>& command);

// Adds the --db option to a subcommand, and --allow-partial to those that read shards.
void add_db_option(CLI::App& command, GlobalOptions& global, bool reads_shards = true);

Command add_index_command(CLI::App& app, GlobalOptions& global);
Command add_search_command(CLI::App& app, GlobalOptions& global);
Command add_cite_command(CLI::App& app, GlobalOptions& global);
Command add_agreed_command(CLI::App& app, GlobalOptions& global);
Command add_facets_command(CLI::App& app, GlobalOptions& global);
Command add_stats_command(CLI::App& app, GlobalOptions& global);
Command add_show_command(CLI::App& app, GlobalOptions& global);
Command add_extract_command(CLI::App& app, GlobalOptions& global);
Command add_serve_command(CLI::App& app, GlobalOptions& global);
Command add_fetch_command(CLI::App& app, GlobalOptions& global);
Command add_check_command(CLI::App& app, GlobalOptions& global);

}  // namespace verbatim::cli
