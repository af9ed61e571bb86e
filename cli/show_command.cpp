// `verbatim show DOC` and `verbatim extract FILE`: how a document was read.
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "indexer/extract/extract.h"
#include "query/cite/cite.h"
#include "query/present/columns.h"
#include "query/present/json_output.h"
#include "query/present/text_output.h"
#include "query/search/searcher.h"

namespace verbatim::cli {

namespace {

int run_show(const GlobalOptions& global, const std::string& reference, bool json) {
    try {
        Searcher searcher(global.db, global.shards);
        std::optional<DocumentMeta> doc = searcher.find_document(reference);
        if (!doc) {
            std::string known;
            for (const DocumentMeta& d : searcher.documents())
                known += "\n  " + (d.symbol.empty() ? (d.name.empty() ? d.id : d.name) : d.symbol);
            error("no document '" + reference + "' in the index; it holds:" + known);
            return kNothing;
        }
        std::vector<UnitRecord> units = searcher.document_units(doc->id);
        if (json) {
            nlohmann::json j = to_json(*doc);
            j["units"] = nlohmann::json::array();
            for (const UnitRecord& u : units) j["units"].push_back(unit_to_json(u));
            std::cout << j.dump(2) << "\n";
            return kOk;
        }
        const DocumentMeta& d = *doc;
        auto field = [](const char* name, const std::string& value) {
            if (!value.empty()) std::cout << name << ": " << value << "\n";
        };
        field("id", d.id);
        field("symbol", d.symbol);
        for (const auto& s : d.other_symbols) field("also", s);
        field("name", d.name);
        field("title", d.title);
        field("date", d.date);
        field("type", d.type);
        field("body", d.body);
        field("meeting", d.meeting);
        field("place", d.place);
        field("distribution", d.distribution);
        field("original", d.original_language);
        field("language", d.lang);
        for (const auto& line : d.masthead) field("masthead", line);
        field("source", d.source);
        std::cout << "units: " << units.size() << " (" << describe_units(units) << ")\n\n";
        for (const UnitRecord& r : units) {
            const Unit& u = r.unit;
            std::string text = u.text;
            for (char& c : text)
                if (c == '\n') c = ' ';
            // Columns by display width (Cyrillic, CJK), cut between graphemes, never inside one.
            std::cout << fit_columns(to_string(u.kind), 15) << " "
                      << fit_columns(u.label + (u.number_inferred ? "*" : ""), 28) << " " << fit_columns(pages_of(u), 9)
                      << " " << fit_columns(text, 90, false) << "\n";
            if (!u.status.empty()) std::cout << std::string(16, ' ') << "status: " << u.status << "\n";
            if (u.ocr) std::cout << std::string(16, ' ') << ocr_mark(u) << "\n";
            for (const Change& c : u.changes) std::cout << std::string(16, ' ') << "change: " << describe_change(c) << "\n";
        }
        return kOk;
    } catch (const DatabaseError& e) {
        error(e.what());
        return kError;
    }
}

// `verbatim extract FILE`: the content lines as the extract stage reads them, to see
// why a document is structured the way it is.
int run_extract(const std::string& file) {
    PdfLimits pdf;
    pdf.reader = pdf_reader_from_environment();
    auto extracted = extract_file(file, pdf);
    if (auto* problem = std::get_if<Problem>(&extracted)) {
        error(problem_line(*problem));
        return kError;
    }
    const ExtractedText& t = std::get<ExtractedText>(extracted);
    for (const Problem& p : t.problems) error(problem_line(p));
    for (const SourceLine& line : t.lines) {
        std::string text = line.text;
        for (const char* mark : {kFootnoteMarkOpen, kFootnoteMarkClose})
            for (size_t pos = text.find(mark); pos != std::string::npos; pos = text.find(mark))
                text.replace(pos, 3, mark == kFootnoteMarkOpen ? "<sup>" : "</sup>");
        std::cout << "p" << std::setw(3) << std::left << line.page << (line.starts_block ? " \u00b6 " : "   ")
                  << (line.role == LineRole::footnote ? "fn " : "   ") << (line.emphasised ? "* " : "  ") << text << "\n";
    }
    return kOk;
}

}  // namespace

Command add_show_command(CLI::App& app, GlobalOptions& global) {
    struct Options {
        std::string document;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    CLI::App* show = app.add_subcommand("show", "Print a document as reconstructed: metadata and every unit");
    add_db_option(*show, global);
    show->add_flag("--json", options->json, "the document and its units as JSON");
    show->add_option("document", options->document, "symbol, manifest name or id")->required();
    show->footer("Units: kind, label (* = number restored from the sequence), pages, start of the text.");
    return {show, [options, &global] { return run_show(global, options->document, options->json); }};
}

Command add_extract_command(CLI::App& app, GlobalOptions&) {
    auto file = std::make_shared<std::string>();
    CLI::App* extract = app.add_subcommand(
        "extract", "Print the content lines read from a file (page, \u00b6 block start, fn footnote, * emphasis)");
    extract->add_option("file", *file, "a .txt, .md or .pdf file")->required()->check(CLI::ExistingFile);
    return {extract, [file] { return run_extract(*file); }};
}

}  // namespace verbatim::cli
