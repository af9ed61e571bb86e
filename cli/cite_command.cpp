// `verbatim cite REFERENCE`
#include <iostream>

#include "cli/command.h"
#include "query/cite/cite.h"
#include "query/present/json_output.h"
#include "query/present/text_output.h"

namespace verbatim::cli {

namespace {

int run_cite(const std::string& db, const std::string& reference, bool json) {
    try {
        Searcher searcher(db);
        CiteResult result = cite(searcher, reference);
        TextStyle style = terminal_style();
        for (size_t i = 0; i < result.units.size(); ++i) {
            if (json) {
                std::cout << unit_to_json(result.units[i]).dump() << "\n";
            } else {
                if (i > 0) std::cout << "\n";
                print_unit(std::cout, result.units[i], style);
            }
        }
        return kOk;
    } catch (const CiteError& e) {
        error(e.what());
        return kNothing;
    } catch (const DatabaseError& e) {
        error(e.what());
        return kError;
    } catch (const Xapian::Error& e) {
        error("cite failed: " + e.get_description());
        return kError;
    }
}

}  // namespace

Command add_cite_command(CLI::App& app, GlobalOptions& global) {
    struct Options {
        std::vector<std::string> reference;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    CLI::App* cite_cmd = app.add_subcommand("cite", "Print the unit a citation names");
    add_db_option(*cite_cmd, global);
    cite_cmd->add_flag("--json", options->json, "one JSON object per unit");
    cite_cmd->add_option("reference", options->reference,
                         "e.g. \"CTOC/COP/WG.4/2020/4, para. 12\", \"ctoc/cop/wg.4/2020/4 paragraph 10\", "
                         "\"CTOC/COP/WG.4/2019/L.1, rec. 3\", \"... paras. 8-10\", \"... footnote 17\"")
        ->required();
    cite_cmd->footer("A document without a symbol is named by its manifest name.\n"
                     "Exit status: 0 found, 1 no such unit (the message lists what exists), 2 error.");
    return {cite_cmd, [options, &global] { return run_cite(global.db, join(options->reference), options->json); }};
}

}  // namespace verbatim::cli
