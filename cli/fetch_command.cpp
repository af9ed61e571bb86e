// `verbatim fetch SYMBOL...`: documents by symbol from the UN Official Document System.
// The downloads run in the helper `verbatim-fetch` (fetch/fetch_main.cpp), the only
// executable that links libcurl: this command checks the options and hands over to it.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "cli/command.h"
#include "fetch/fetch_options.h"
#include "model/helper_program.h"

namespace verbatim::cli {

namespace {

int exec_fetch(const fetch::FetchOptions& options) {
    const std::vector<std::filesystem::path> places = helper_program_places("verbatim-fetch");
    std::filesystem::path helper = find_helper_program(places);
    if (helper.empty()) helper = places.empty() ? std::filesystem::path("verbatim-fetch") : places.front();
    std::vector<std::string> args{helper.string()};
    for (std::string& a : fetch::to_arguments(options)) args.push_back(std::move(a));
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::cout.flush();
    execv(helper.c_str(), argv.data());
    error("cannot start " + helper.string() + ": " + std::strerror(errno));
    return kError;
}

}  // namespace

Command add_fetch_command(CLI::App& app, GlobalOptions&) {
    auto options = std::make_shared<fetch::FetchOptions>();
    CLI::App* command = app.add_subcommand(
        "fetch", "Download documents by symbol from the UN Official Document System (needs the internet)");
    fetch::add_fetch_options(*command, *options);
    command->footer(fetch::kFetchFooter);
    return {command, [options] { return exec_fetch(*options); }};
}

}  // namespace verbatim::cli
