// The options of `verbatim fetch`, declared once for both processes: `verbatim` parses
// them (and answers --help), then executes the helper `verbatim-fetch` with the same
// options (to_arguments), which parses them again. Only the helper links libcurl.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <string>
#include <vector>

namespace verbatim::fetch {

struct FetchOptions {
    std::vector<std::string> symbols;  // symbols and ranges
    std::string from;                  // a file of them, one a line ("-": stdin)
    std::string into = ".";
    std::string langs = "en";          // "en,fr" or "all"
    std::string format = "pdf";
    std::string ods_url;               // empty: $VERBATIM_ODS_URL, else ODS itself
    std::string index_db;
    std::string follow_db;
    int depth = 1;
    double delay = 1;
    double timeout = 30;
    double max_time = 600;
    int retries = 3;
    double backoff = 2;
};

inline const char* const kFetchFooter =
    "Needs the internet. For each symbol and language it sends one HTTP GET to the ODS URL\n"
    "(https://documents.un.org unless --ods-url or $VERBATIM_ODS_URL says otherwise), with\n"
    "the symbol, the language and the format in the URL and the User-Agent\n"
    "\"verbatim/VERSION (UN document search; fetch by symbol)\"; nothing else: no cookies, no\n"
    "account, nothing from your index. Proxies come from https_proxy / http_proxy / no_proxy.\n"
    "Ranges expand: CTOC/COP/WG.4/2020/1-6, CTOC/COP/WG.4/2019/L.1-L.3, A/RES/74/170-180,\n"
    "CTOC/COP/WG.4/2009-2024/1-6 (years x numbers). Files are named by symbol and language\n"
    "(CTOC_COP_WG.4_2020_4.en.pdf) and recorded in DIR/manifest.ini with their URL, time and\n"
    "sha256; a file still there with its recorded sha256 is not asked for again. A symbol\n"
    "that does not exist, or is not issued in a language, is reported and the run goes on.\n"
    "Exit status: 0 all there, 1 something not found or failed, 2 usage error.";

inline void add_fetch_options(CLI::App& app, FetchOptions& o) {
    app.add_option("symbols", o.symbols, "document symbols or ranges (CTOC/COP/WG.4/2009-2024/1-6)");
    app.add_option("--from", o.from, "read symbols or ranges from FILE, one a line (# comments; - for stdin)");
    app.add_option("--into", o.into, "folder to save the documents and their manifest.ini in")->capture_default_str();
    app.add_option("--lang", o.langs, "languages, comma separated (en,fr,es,ru,ar,zh) or all")->capture_default_str();
    app.add_option("--format", o.format, "pdf or docx (the Word version, where one exists)")
        ->check(CLI::IsMember({"pdf", "docx"}))
        ->capture_default_str();
    app.add_option("--ods-url", o.ods_url,
                   "where to ask: a base URL (a mirror), or a template with {symbol}, {lang}, {format} "
                   "(default: $VERBATIM_ODS_URL, else https://documents.un.org/api/symbol/access?s={symbol}&l={lang}&t={format})");
    app.add_option("--index", o.index_db, "index the folder into DB once fetched (as verbatim index would)");
    app.add_option("--follow-citations", o.follow_db,
                   "then fetch the documents the units of DB cite that DB does not hold yet, and index them into DB");
    app.add_option("--depth", o.depth, "rounds of --follow-citations")->check(CLI::Range(1, 10))->capture_default_str();
    app.add_option("--delay", o.delay, "seconds between two requests")->check(CLI::Range(0.0, 3600.0))->capture_default_str();
    app.add_option("--timeout", o.timeout, "seconds to connect, and the longest silence from the server")
        ->check(CLI::Range(0.1, 3600.0))
        ->capture_default_str();
    app.add_option("--max-time", o.max_time, "seconds one download may take in all")
        ->check(CLI::Range(0.1, 86400.0))
        ->capture_default_str();
    app.add_option("--retries", o.retries, "further attempts after a 429, 5xx, timeout or cut download")
        ->check(CLI::Range(0, 20))
        ->capture_default_str();
    app.add_option("--backoff", o.backoff, "seconds before the first retry, doubled for each next (Retry-After wins)")
        ->check(CLI::Range(0.0, 3600.0))
        ->capture_default_str();
}

// The command line that gives `o` back through add_fetch_options.
inline std::vector<std::string> to_arguments(const FetchOptions& o) {
    auto number = [](double d) {
        std::ostringstream s;
        s.precision(17);
        s << d;
        return s.str();
    };
    std::vector<std::string> args{"--into",    o.into,
                                  "--lang",    o.langs,
                                  "--format",  o.format,
                                  "--depth",   std::to_string(o.depth),
                                  "--delay",   number(o.delay),
                                  "--timeout", number(o.timeout),
                                  "--max-time", number(o.max_time),
                                  "--retries", std::to_string(o.retries),
                                  "--backoff", number(o.backoff)};
    auto optional = [&](const char* name, const std::string& value) {
        if (value.empty()) return;
        args.emplace_back(name);
        args.push_back(value);
    };
    optional("--from", o.from);
    optional("--ods-url", o.ods_url);
    optional("--index", o.index_db);
    optional("--follow-citations", o.follow_db);
    if (!o.symbols.empty()) {
        args.emplace_back("--");
        args.insert(args.end(), o.symbols.begin(), o.symbols.end());
    }
    return args;
}

}  // namespace verbatim::fetch
