// `verbatim cite REFERENCE`, `cite --quote TEXT`, `cite --cited-by SYMBOL`: citations both ways.
#include <iostream>

#include "cli/command.h"
#include "query/cite/cite.h"
#include "query/cite/reference.h"
#include "query/present/json_output.h"
#include "query/present/reuse_output.h"
#include "query/present/text_output.h"
#include "query/reuse/reuse.h"
#include "query/search/parallel.h"

namespace verbatim::cli {

namespace {

struct CiteOptions {
    std::vector<std::string> words;
    std::string lang;  // print the version of the unit in this language
    std::string quote;
    std::string cited_by;
    bool json = false;
    bool pages = false;
    size_t limit = 10;
};

int run_reference(Searcher& searcher, const std::string& reference, const CiteOptions& o) {
    // A malformed reference is an error (2); a well-formed one that names nothing is "nothing found" (1).
    if (auto parsed = parse_reference(reference); auto* problem = std::get_if<std::string>(&parsed)) {
        error("bad reference: " + *problem);
        return kError;
    }
    CiteResult result = cite(searcher, reference);
    if (!o.lang.empty() && o.lang != result.doc.lang) {
        // UN paragraphs are numbered alike in every language: the same anchor elsewhere.
        std::vector<UnitRecord> versions;
        for (const UnitRecord& r : result.units) {
            std::optional<UnitRecord> other = parallel_unit(searcher, r, o.lang);
            if (!other) {
                error(citation_of(r.doc, r.unit) + " has no version in '" + o.lang + "' in the index");
                return kNothing;
            }
            versions.push_back(std::move(*other));
        }
        result.units = std::move(versions);
    }
    TextStyle style = terminal_style();
    style.pages = o.pages;
    for (size_t i = 0; i < result.units.size(); ++i) {
        if (o.json) {
            std::cout << unit_to_json(result.units[i]).dump() << "\n";
        } else {
            if (i > 0) std::cout << "\n";
            print_unit(std::cout, result.units[i], style);
        }
    }
    return kOk;
}

int run_quote(Searcher& searcher, const CiteOptions& o) {
    std::vector<ReuseMatch> matches = find_reuse(searcher, o.quote, quotation_options(o.limit));
    if (o.json) {
        for (const ReuseMatch& m : matches) std::cout << reuse_to_json(m).dump() << "\n";
    } else {
        print_quote_sources(std::cout, matches, terminal_style(), o.pages);
    }
    if (matches.empty()) error("no source found for the quotation \"" + o.quote + "\"");
    return matches.empty() ? kNothing : kOk;
}

int run_cited_by(Searcher& searcher, const CiteOptions& o) {
    std::vector<CitingUnit> units = cited_by(searcher, o.cited_by);
    TextStyle style = terminal_style();
    for (const CitingUnit& c : units) {
        if (o.json) {
            nlohmann::json j = unit_to_json(c.record);
            j["context"] = c.context;
            std::cout << j.dump() << "\n";
            continue;
        }
        std::cout << (style.color ? "\x1b[1m" : "")
                  << (o.pages ? citation_with_pages(c.record) : citation_of(c.record.doc, c.record.unit))
                  << (style.color ? "\x1b[0m" : "") << "  "
                  << (c.record.doc.date.empty() ? "undated" : human_date(c.record.doc.date)) << "\n   " << c.context
                  << "\n\n";
    }
    if (!o.json)
        std::cout << units.size() << (units.size() == 1 ? " unit cites " : " units cite ") << o.cited_by << "\n";
    return units.empty() ? kNothing : kOk;
}

int run_cite(const GlobalOptions& global, const CiteOptions& o) {
    return run_query_command("bad quotation", [&] {
        try {
            Searcher searcher(global.db, global.shards);
            if (!o.quote.empty()) return run_quote(searcher, o);
            if (!o.cited_by.empty()) return run_cited_by(searcher, o);
            return run_reference(searcher, join(o.words), o);
        } catch (const CiteError& e) {  // a well-formed reference that names nothing
            error(e.what());
            return kNothing;
        }
    });
}

}  // namespace

Command add_cite_command(CLI::App& app, GlobalOptions& global) {
    auto options = std::make_shared<CiteOptions>();
    CLI::App* cite_cmd = app.add_subcommand("cite", "Citations both ways: the unit a reference names, the source "
                                                    "of a quotation, the units that cite a document");
    add_db_option(*cite_cmd, global);
    cite_cmd->add_flag("--json", options->json, "one JSON object per unit");
    cite_cmd->add_option("--lang", options->lang, "print the version in this language (fr, es, ru, ar, zh, en)");
    cite_cmd->add_flag("--pages", options->pages, "add printed pages to citations (\"..., para. 12, p. 3\")");
    auto* quote = cite_cmd->add_option("--quote", options->quote,
                                       "find where a quotation comes from (tolerates small changes)");
    auto* cited = cite_cmd->add_option("--cited-by", options->cited_by,
                                       "list the units that cite a document, e.g. A/RES/74/176");
    cite_cmd->add_option("--limit", options->limit, "sources to show for --quote")->capture_default_str();
    auto* reference = cite_cmd->add_option(
        "reference", options->words,
        "e.g. \"CTOC/COP/WG.4/2020/4, para. 12\", \"ctoc/cop/wg.4/2020/4 paragraph 10\", \"... paras. 8-10\", "
        "\"... para 36(b)\", \"CTOC/COP/WG.4/2019/L.1, rec. 3\", \"... draft recommendation 11bis\", \"... fn 17\"");
    quote->excludes(cited)->excludes(reference);
    cited->excludes(reference);
    cite_cmd->callback([quote, cited, reference] {
        if (!*quote && !*cited && !*reference)
            throw CLI::RequiredError("give a REFERENCE, --quote TEXT or --cited-by SYMBOL");
    });
    cite_cmd->footer("A document without a symbol is named by its manifest name; unnumbered paragraphs as [n].\n"
                     "--quote ranks sources by how much of the quotation they hold; among those holding it all,\n"
                     "the earliest document comes first.\n"
                     "Exit status: 0 found, 1 nothing found (the message says what exists), 2 error.");
    return {cite_cmd, [options, &global] { return run_cite(global, *options); }};
}

}  // namespace verbatim::cli
