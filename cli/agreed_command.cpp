// `verbatim agreed TEXT | --file F | -`: prior agreed language for a draft.
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "cli/command.h"
#include "query/present/reuse_output.h"
#include "query/reuse/reuse.h"

namespace verbatim::cli {

namespace {

struct AgreedOptions {
    std::vector<std::string> words;
    std::string file;
    size_t limit = 10;
    bool json = false;
    bool pages = false;
};

// The draft from the arguments, a file, or standard input ("-").
std::optional<std::string> read_draft(const AgreedOptions& o) {
    if (!o.file.empty() || (o.words.size() == 1 && o.words[0] == "-")) {
        const std::string& path = o.file.empty() ? "-" : o.file;
        if (path == "-") return std::string(std::istreambuf_iterator<char>(std::cin), {});
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            error("cannot read the draft " + path + ": no such file or not readable");
            return std::nullopt;
        }
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }
    return join(o.words);
}

int run_agreed(const GlobalOptions& global, const AgreedOptions& o) {
    std::optional<std::string> draft = read_draft(o);
    if (!draft) return kError;
    return run_query_command("bad draft", [&] {
        Searcher searcher(global.db, global.shards);
        ReuseOptions options;
        options.limit = o.limit;
        std::vector<ReuseMatch> matches = find_reuse(searcher, *draft, options);
        if (o.json) {
            for (const ReuseMatch& m : matches) std::cout << reuse_to_json(m).dump() << "\n";
        } else if (matches.empty()) {
            std::cout << "No earlier text shares wording with this draft.\n";
        } else {
            print_agreed(std::cout, matches, terminal_style(), o.pages);
        }
        return matches.empty() ? kNothing : kOk;
    });
}

}  // namespace

Command add_agreed_command(CLI::App& app, GlobalOptions& global) {
    auto options = std::make_shared<AgreedOptions>();
    CLI::App* agreed = app.add_subcommand("agreed", "Find earlier wording of a draft: prior agreed language");
    add_db_option(*agreed, global);
    agreed->add_option("--file", options->file, "read the draft from a file (- for standard input)");
    agreed->add_option("--limit", options->limit, "earlier texts to show")->check(CLI::Range(1, 1000))->capture_default_str();
    agreed->add_flag("--json", options->json, "one JSON object per earlier text (JSON Lines)");
    agreed->add_flag("--pages", options->pages, "add printed pages to citations");
    agreed->add_option("draft", options->words, "the draft sentence or paragraph, or - for standard input");
    agreed->callback([agreed, options] {
        if (options->words.empty() && options->file.empty())
            throw CLI::RequiredError("give the draft as text, with --file F, or - for standard input");
        (void)agreed;
    });
    agreed->footer(
        "Each earlier text shows its citation, date and status (adopted, agreed, draft, comment, statement),\n"
        "the passages it shares with the draft, the share of the draft they cover, and a word-level\n"
        "comparison: [-words only in the earlier text-] {+words only in the draft+} (colours on a terminal).\n"
        "Ranking: share of the draft covered, plus a small bonus for adopted text; then the earliest date.\n"
        "A passage quoted in a footnote counts as language of the quoted source; both citations are shown.\n"
        "Exit status: 0 found, 1 no earlier wording, 2 error.");
    return {agreed, [options, &global] { return run_agreed(global, *options); }};
}

}  // namespace verbatim::cli
