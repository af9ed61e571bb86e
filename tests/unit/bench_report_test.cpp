// bench/report.py prints each figure beside the previous run's and names what moved.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

// One run's measurements: verbatim and recollindex indexing the same 10 MB.
void write_measurements(const fs::path& path, double verbatim_s, long size_b) {
    std::ofstream out(path);
    out << R"({"key":"machine","date":"D","commit":"C","load":"1.0"})" << "\n"
        << R"({"key":"text.corpus","path":"/c","name":"c","bytes":10000000,"files":10})" << "\n"
        << R"({"key":"text.verbatim","wall_s":)" << verbatim_s << R"(,"rss_kb":1000,"user_s":1,"sys_s":0,"rc":0})" << "\n"
        << R"({"key":"text.verbatim.summary","summary":{"units":100},"size_b":)" << size_b << "}\n"
        << R"({"key":"text.recoll","wall_s":4.0,"rss_kb":1000,"user_s":1,"sys_s":0,"rc":0})" << "\n"
        << R"({"key":"text.recoll.size","size_b":30000000})" << "\n";
}

std::string run(const std::string& command) {
    std::string out;
    FILE* p = ::popen(command.c_str(), "r");
    REQUIRE(p != nullptr);
    char buf[4096];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    CHECK(::pclose(p) == 0);
    return out;
}

}  // namespace

TEST_CASE("the bench report sets each figure beside the previous run's and says what moved") {
    const fs::path dir = fs::temp_directory_path() / ("verbatim-report-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string report = std::string("/usr/bin/python3 ") + VERBATIM_SOURCE_DIR + "/bench/report.py ";
    const fs::path m = dir / "m.jsonl", before = dir / "before.json", now = dir / "now.json";

    write_measurements(m, 5.0, 40000000);
    std::string first = run(report + m.string() + " " + (dir / "none.json").string() + " " + before.string());
    CHECK(first.find("Beside the previous run") == std::string::npos);  // there is none
    CHECK(fs::exists(before));

    // Indexing twice as fast, the index an eighth larger, the same corpus size.
    write_measurements(m, 2.5, 45000000);
    std::string second = run(report + m.string() + " " + (dir / "none.json").string() + " " + now.string() + " " +
                             before.string());
    CHECK(second.find("Beside the previous run") != std::string::npos);
    CHECK(second.find("text.tools.verbatim.wall_s") != std::string::npos);
    CHECK(second.find("better text.tools.verbatim.mb_per_s +100%") != std::string::npos);
    CHECK(second.find("better text.tools.verbatim.wall_s -50%") != std::string::npos);
    CHECK(second.find("WORSE  text.tools.verbatim.size_mb +12%") != std::string::npos);
    CHECK(second.find("text.mb ") != std::string::npos);
    CHECK(second.find("WORSE  text.mb") == std::string::npos);  // unchanged: not a move
    fs::remove_all(dir);
}
