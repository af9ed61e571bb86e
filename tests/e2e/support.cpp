#include "tests/e2e/support.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace verbatim::e2e {

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct TempRoot {
    fs::path path;
    TempRoot() {
        std::string templ = (fs::temp_directory_path() / "verbatim-e2e-XXXXXX").string();
        char* made = mkdtemp(templ.data());
        REQUIRE(made != nullptr);
        path = made;
    }
    ~TempRoot() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

TempRoot& temp_root() {
    static TempRoot root;
    return root;
}

}  // namespace

fs::path fresh_dir(const std::string& name) {
    static int counter = 0;
    fs::path dir = temp_root().path / (name + "-" + std::to_string(++counter));
    fs::create_directories(dir);
    return dir;
}

fs::path corpus_dir() { return fs::path(VERBATIM_SOURCE_DIR) / "corpus"; }

RunResult run_verbatim(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
    fs::path dir = fresh_dir("run");
    fs::path out = dir / "stdout", err = dir / "stderr";
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int in = open("/dev/null", O_RDONLY);
        dup2(o, 1);
        dup2(e, 2);
        dup2(in, 0);
        for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
        std::vector<char*> argv;
        std::string binary = VERBATIM_BINARY;
        argv.push_back(binary.data());
        std::vector<std::string> copy = args;
        for (auto& a : copy) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(binary.c_str(), argv.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
}

RunResult run_on_terminal(const std::vector<std::string>& args) {
    std::vector<std::string> copy = args;
    copy.insert(copy.begin(), VERBATIM_BINARY);
    int terminal = -1;
    const pid_t pid = forkpty(&terminal, nullptr, nullptr, nullptr);
    REQUIRE(pid >= 0);
    if (pid == 0) {
        std::vector<char*> argv;
        for (std::string& a : copy) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    RunResult r;
    char buf[4096];
    for (ssize_t n; (n = read(terminal, buf, sizeof buf)) > 0;) r.out.append(buf, static_cast<size_t>(n));
    close(terminal);
    int status = 0;
    waitpid(pid, &status, 0);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

std::string corpus_db() {
    static std::string db = [] {
        std::string path = (fresh_dir("corpus-db") / "verbatim.db").string();
        RunResult r = run_verbatim({"index", "--db", path, corpus_dir().string()});
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        return path;
    }();
    return db;
}

void write_file(const fs::path& path, const std::string& content) {
    fs::create_directories(path.parent_path());
    std::ofstream f(path, std::ios::binary);
    f << content;
}

std::vector<std::string> json_field(const std::string& jsonl, const std::string& field) {
    std::vector<std::string> values;
    std::istringstream lines(jsonl);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty()) continue;
        nlohmann::json j = nlohmann::json::parse(line);
        const auto& v = j.at(field);
        values.push_back(v.is_string() ? v.get<std::string>() : v.dump());
    }
    return values;
}

}  // namespace verbatim::e2e
