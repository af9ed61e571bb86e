#include <doctest/doctest.h>

#include <array>
#include <string_view>
#include <vector>

#include "cli/named_subcommand.h"

using verbatim::cli::named_subcommand;

namespace {

constexpr std::array<std::string_view, 3> kNames{"index", "search", "cite"};

std::string_view named(std::vector<const char*> args) {
    args.insert(args.begin(), "verbatim");
    return named_subcommand(static_cast<int>(args.size()), args.data(), kNames);
}

}  // namespace

TEST_CASE("the subcommand is found before parsing, so only its options are declared") {
    CHECK(named({"search", "peace"}) == "search");
    CHECK(named({"search", "index"}) == "search");  // a query word that names another command
    // The global --db and its value come first; the value may look like a command.
    CHECK(named({"--db", "index", "search", "peace"}) == "search");
    CHECK(named({"--db=cite", "cite", "A/RES/1"}) == "cite");
}

TEST_CASE("help, --version and mistakes need every subcommand") {
    CHECK(named({}).empty());
    CHECK(named({"--help"}).empty());
    CHECK(named({"--version"}).empty());
    CHECK(named({"serach", "peace"}).empty());
    CHECK(named({"--db"}).empty());
    CHECK(named({"--db", "x.db"}).empty());
}

TEST_CASE("issue 18: a mistyped command gets the nearest one") {
    using verbatim::cli::first_word;
    using verbatim::cli::nearest_name;
    constexpr std::array<std::string_view, 5> kAll{"index", "search", "cite", "agreed", "serve"};
    CHECK(nearest_name("serch", kAll) == "search");
    CHECK(nearest_name("idnex", kAll) == "index");
    CHECK(nearest_name("agree", kAll) == "agreed");
    CHECK(nearest_name("sea", kAll) == "search");
    CHECK(nearest_name("bogus", kAll).empty());
    std::vector<const char*> args{"verbatim", "--db", "x.db", "serch", "climate"};
    CHECK(first_word(static_cast<int>(args.size()), args.data()) == "serch");
    std::vector<const char*> help{"verbatim", "--help"};
    CHECK(first_word(static_cast<int>(help.size()), help.data()).empty());
}
