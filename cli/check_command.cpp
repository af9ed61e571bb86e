// `verbatim check [DOC]`: per document, what a careful reader should verify before citing
// from it (numbering gaps, repeats and restarts, restored numbers, long units, pages
// without text, tables, kept furniture). Exit 0 when nothing needs a look, 1 otherwise.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "query/check/check.h"
#include "query/search/searcher.h"

namespace verbatim::cli {

namespace {

std::vector<Unit> units_of(const Searcher& searcher, const std::string& doc_id) {
    std::vector<Unit> units;
    for (UnitRecord& record : searcher.document_units(doc_id)) units.push_back(std::move(record.unit));
    return units;
}

int run_check(const GlobalOptions& global, const std::string& reference, bool json) {
    return run_query_command("document '" + reference + "'", [&] {
        Searcher searcher(global.db, global.shards);
        std::vector<DocumentMeta> documents;
        if (reference.empty()) {
            documents = searcher.documents();
        } else if (std::optional<DocumentMeta> doc = searcher.find_document(reference)) {
            documents.push_back(*doc);
        } else {
            error("no document '" + reference + "' in the index (verbatim check without a document checks them all)");
            return kNothing;
        }
        int flagged = 0;
        nlohmann::json out = nlohmann::json::array();
        for (const DocumentMeta& doc : documents) {
            const DocumentCheck check = check_document(doc, units_of(searcher, doc.id));
            flagged += !check.findings.empty();
            if (json) {
                nlohmann::json findings = nlohmann::json::array();
                for (const Finding& f : check.findings) findings.push_back({{"kind", f.kind}, {"detail", f.detail}});
                out.push_back({{"doc", check.doc_id}, {"reference", check.reference}, {"units", check.units},
                               {"findings", findings}});
                continue;
            }
            if (check.findings.empty() && !reference.empty()) {
                std::cout << check.reference << " (" << check.doc_id << "), " << check.units
                          << " units: nothing to verify\n";
                continue;
            }
            if (check.findings.empty()) continue;
            std::cout << check.reference << " (" << check.doc_id << "), " << check.units << " units\n";
            for (const Finding& f : check.findings) std::cout << "  " << f.kind << ": " << f.detail << "\n";
        }
        if (json) {
            std::cout << nlohmann::json{{"checked", documents.size()}, {"to_verify", flagged}, {"documents", out}}.dump(2)
                      << "\n";
        } else if (reference.empty()) {
            std::cout << "checked " << documents.size() << " document" << (documents.size() == 1 ? "" : "s") << ": "
                      << flagged << " with something to verify, " << documents.size() - static_cast<size_t>(flagged)
                      << " without\n";
        }
        return flagged > 0 ? kNothing : kOk;
    });
}

}  // namespace

Command add_check_command(CLI::App& app, GlobalOptions& global) {
    struct Options {
        std::string document;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    CLI::App* check = app.add_subcommand(
        "check", "Say, per document, what to verify before citing from it: numbering gaps, repeats and restarts, "
                 "restored numbers, long units, pages without text, tables, kept page furniture");
    add_db_option(*check, global);
    check->add_flag("--json", options->json, "the findings as JSON");
    check->add_option("document", options->document, "symbol, manifest name or id (default: every document)");
    check->footer("Exit status: 0 nothing to verify, 1 something to verify (or no such document), 2 error.");
    return {check, [options, &global] { return run_check(global, options->document, options->json); }};
}

}  // namespace verbatim::cli
