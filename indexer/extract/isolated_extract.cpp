#include "indexer/extract/isolated_extract.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>
#include <vector>

#include "indexer/extract/page_layout.h"
#include "indexer/extract/pdf_reader.h"

// ASan reserves terabytes of address space for its shadow memory, so an address-space
// limit cannot be set in a sanitizer build.
#if defined(__SANITIZE_ADDRESS__)
#define VERBATIM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VERBATIM_ASAN 1
#endif
#endif

namespace verbatim {

namespace {

PdfLimits g_limits;

constexpr int kResultFd = 3;              // the child's end of the result pipe
constexpr int kExitOutOfMemory = 86;      // the child could not allocate
constexpr size_t kMaxStderrKept = 4096;   // the tail of the child's stderr, for diagnosis
constexpr uint32_t kMaxCount = 50'000'000;  // sanity bound on counts read from the wire

// ---------------------------------------------------------------------------
// Wire format: "VX1", a tag ('T' text, 'P' problem), then fields in a fixed order;
// strings are a 32-bit length and bytes, numbers are 32-bit little-endian.

class Writer {
  public:
    void u32(uint32_t v) {
        for (int i = 0; i < 4; ++i) out_ += static_cast<char>((v >> (8 * i)) & 0xff);
    }
    void i32(int v) { u32(static_cast<uint32_t>(v)); }
    void flag(bool b) { out_ += b ? '\1' : '\0'; }
    void f32(float f) {
        uint32_t bits = 0;
        std::memcpy(&bits, &f, sizeof bits);
        u32(bits);
    }
    void f64(double d) {
        uint64_t bits = 0;
        std::memcpy(&bits, &d, sizeof bits);
        u32(static_cast<uint32_t>(bits));
        u32(static_cast<uint32_t>(bits >> 32));
    }
    void str(const std::string& s) {
        u32(static_cast<uint32_t>(s.size()));
        out_ += s;
    }
    void raw(char c) { out_ += c; }
    void problem(const Problem& p) {
        str(p.file);
        i32(p.page);
        str(p.cause);
    }
    std::string take() { return std::move(out_); }

  private:
    std::string out_;
};

class Reader {
  public:
    explicit Reader(const std::string& in) : in_(in) {}
    uint32_t u32() {
        need(4);
        uint32_t v = 0;
        for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(static_cast<unsigned char>(in_[pos_++])) << (8 * i);
        return v;
    }
    int i32() { return static_cast<int>(u32()); }
    bool flag() { return raw() != '\0'; }
    float f32() {
        uint32_t bits = u32();
        float f = 0;
        std::memcpy(&f, &bits, sizeof f);
        return f;
    }
    double f64() {
        uint64_t bits = u32();
        bits |= static_cast<uint64_t>(u32()) << 32;
        double d = 0;
        std::memcpy(&d, &bits, sizeof d);
        return d;
    }
    std::string str() {
        uint32_t n = u32();
        need(n);
        std::string s = in_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    char raw() {
        need(1);
        return in_[pos_++];
    }
    uint32_t count() {
        uint32_t n = u32();
        if (n > kMaxCount || n > in_.size() - pos_) throw std::runtime_error("bad count");
        return n;
    }
    Problem problem() {
        Problem p;
        p.file = str();
        p.page = i32();
        p.cause = str();
        return p;
    }
    bool at_end() const { return pos_ == in_.size(); }

  private:
    void need(size_t n) const {
        if (n > in_.size() - pos_) throw std::runtime_error("truncated");
    }
    const std::string& in_;
    size_t pos_ = 0;
};

// ---------------------------------------------------------------------------
// The child

bool write_all(int fd, const std::string& bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

void on_out_of_memory() { _exit(kExitOutOfMemory); }

void set_limit(int resource, rlim_t value) {
    rlimit limit{value, value};
    setrlimit(resource, &limit);
}

// The test-only fault hook (see the header).
void inject_fault(const PdfLimits& limits) {
    const char* fault = std::getenv("VERBATIM_TEST_PDF_FAULT");
    if (!fault) return;
    const std::string which = fault;
    if (which == "crash") {
        signal(SIGSEGV, SIG_DFL);  // a sanitizer's handler would turn the crash into an exit
        raise(SIGSEGV);
    } else if (which == "hang") {
        for (;;) pause();
    } else if (which == "oom") {
        // Reserve address space until the limit stops us; bounded so that a build without
        // the limit (ASan) goes on to extract normally instead of exhausting the machine.
        std::vector<char*> blocks;
        for (size_t mb = 0; mb < limits.memory_mb + 256; mb += 64) {
            blocks.push_back(new char[64u << 20]);
            blocks.back()[0] = 1;
        }
    }
}

// Between fork and exec, in a copy of a multi-threaded process: only async-signal-safe
// calls. Sets up the descriptors and runs this same executable afresh as the PDF child.
[[noreturn]] void exec_child(pid_t parent, char* const argv[], char* const envp[], int result_fd, int stderr_fd) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive an indexer killed mid-run
    if (getppid() != parent) _exit(1);
    int null_fd = open("/dev/null", O_RDWR);
    if (null_fd >= 0) {
        dup2(null_fd, 0);
        dup2(null_fd, 1);
    }
    dup2(stderr_fd, 2);
    if (result_fd != kResultFd) dup2(result_fd, kResultFd);
    else fcntl(kResultFd, F_SETFD, 0);  // dup2 onto itself would keep close-on-exec
    // Inherited descriptors (the Xapian database and its lock) must not stay open in a
    // child that could hang: the lock would outlive the indexer.
    close_range(kResultFd + 1, ~0U, 0);
    execve("/proc/self/exe", argv, envp);
    _exit(127);
}

// The PDF child, in its own freshly executed process: no lock held by another thread of
// the indexer (glibc's, ICU's, a sanitizer's allocator) can be inherited in a locked state.
[[noreturn]] void run_pdf_child(const char* file, const char* limits_text) {
    PdfLimits limits;
    std::sscanf(limits_text ? limits_text : "", "%lf %zu", &limits.timeout_seconds, &limits.memory_mb);
    set_limit(RLIMIT_CORE, 0);
    set_limit(RLIMIT_CPU, static_cast<rlim_t>(std::ceil(limits.timeout_seconds)) + 1);
#ifndef VERBATIM_ASAN
    set_limit(RLIMIT_AS, static_cast<rlim_t>(limits.memory_mb) << 20);
#endif
    std::set_new_handler(on_out_of_memory);
    inject_fault(limits);

    // Only Poppler runs here; the parent lays the words out.
    std::variant<std::vector<PageWords>, Problem> result;
    try {
        result = read_pdf_pages(file);
    } catch (const std::bad_alloc&) {
        _exit(kExitOutOfMemory);
    } catch (const std::exception& e) {
        result = Problem{file, 0, std::string("damaged PDF: ") + e.what()};
    }
    _exit(write_all(kResultFd, serialise_pages(result)) ? 0 : 1);
}

constexpr const char* kChildFileVariable = "VERBATIM_PDF_CHILD";
constexpr const char* kChildLimitsVariable = "VERBATIM_PDF_CHILD_LIMITS";

// Any program that links this file (verbatim, the tests) becomes the PDF child when started
// with VERBATIM_PDF_CHILD set, before main runs.
const bool g_is_pdf_child = [] {
    if (const char* file = std::getenv(kChildFileVariable)) run_pdf_child(file, std::getenv(kChildLimitsVariable));
    return false;
}();

// ---------------------------------------------------------------------------
// The parent

std::string seconds_text(double seconds) {
    char buf[32];
    if (seconds == std::floor(seconds)) std::snprintf(buf, sizeof buf, "%.0f s", seconds);
    else std::snprintf(buf, sizeof buf, "%.1f s", seconds);
    return buf;
}

struct ChildOutput {
    std::string result;
    std::string err;  // the tail of its stderr
    bool timed_out = false;
};

// Reads both pipes until the child closes them or the deadline passes.
ChildOutput collect(int result_fd, int err_fd, std::chrono::steady_clock::time_point deadline) {
    ChildOutput out;
    pollfd fds[2] = {{result_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
    int open_count = 2;
    char buf[65536];
    while (open_count > 0) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            out.timed_out = true;
            break;
        }
        int ready = poll(fds, 2, static_cast<int>(std::min<long long>(left.count(), 1000)));
        if (ready < 0 && errno != EINTR) break;
        for (pollfd& p : fds) {
            if (p.fd < 0 || !(p.revents & (POLLIN | POLLHUP | POLLERR))) continue;
            ssize_t n = read(p.fd, buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                p.fd = -1;
                --open_count;
                continue;
            }
            std::string& into = p.fd == result_fd ? out.result : out.err;
            into.append(buf, static_cast<size_t>(n));
            if (&into == &out.err && out.err.size() > kMaxStderrKept)
                out.err.erase(0, out.err.size() - kMaxStderrKept);
        }
    }
    return out;
}

int wait_for(pid_t pid) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return status;
}

}  // namespace

void set_pdf_limits(const PdfLimits& limits) { g_limits = limits; }
const PdfLimits& pdf_limits() { return g_limits; }

std::string serialise_pages(const std::variant<std::vector<PageWords>, Problem>& result) {
    Writer w;
    w.raw('V');
    w.raw('X');
    w.raw('2');
    if (const auto* problem = std::get_if<Problem>(&result)) {
        w.raw('P');
        w.problem(*problem);
        return w.take();
    }
    const auto& pages = std::get<std::vector<PageWords>>(result);
    w.raw('T');
    w.u32(static_cast<uint32_t>(pages.size()));
    for (const PageWords& page : pages) {
        w.i32(page.index);
        w.str(page.label);
        w.f64(page.width);
        w.f64(page.height);
        w.u32(static_cast<uint32_t>(page.words.size()));
        for (const PositionedWord& word : page.words) {
            w.str(word.text);
            for (double d : {word.x0, word.y0, word.x1, word.y1, word.font_size}) w.f64(d);
            w.raw(static_cast<char>((word.bold ? 1 : 0) | (word.italic ? 2 : 0) | (word.struck ? 4 : 0) |
                                    (word.underlined ? 8 : 0)));
        }
        w.u32(static_cast<uint32_t>(page.rules.size()));
        for (const Rule& rule : page.rules) {
            w.f64(rule.x0);
            w.f64(rule.y);
            w.f64(rule.x1);
        }
    }
    return w.take();
}

std::variant<std::vector<PageWords>, Problem> deserialise_pages(const std::string& bytes) {
    Reader r(bytes);
    if (r.raw() != 'V' || r.raw() != 'X' || r.raw() != '2') throw std::runtime_error("bad header");
    const char tag = r.raw();
    std::variant<std::vector<PageWords>, Problem> result;
    if (tag == 'P') {
        result = r.problem();
    } else if (tag == 'T') {
        std::vector<PageWords> pages(r.count());
        for (PageWords& page : pages) {
            page.index = r.i32();
            page.label = r.str();
            page.width = r.f64();
            page.height = r.f64();
            page.words.resize(r.count());
            for (PositionedWord& word : page.words) {
                word.text = r.str();
                for (double* d : {&word.x0, &word.y0, &word.x1, &word.y1, &word.font_size}) *d = r.f64();
                const char flags = r.raw();
                word.bold = flags & 1;
                word.italic = flags & 2;
                word.struck = flags & 4;
                word.underlined = flags & 8;
            }
            page.rules.resize(r.count());
            for (Rule& rule : page.rules) {
                rule.x0 = r.f64();
                rule.y = r.f64();
                rule.x1 = r.f64();
            }
        }
        result = std::move(pages);
    } else {
        throw std::runtime_error("bad tag");
    }
    if (!r.at_end()) throw std::runtime_error("trailing bytes");
    return result;
}

std::variant<ExtractedText, Problem> extract_pdf_isolated(const std::filesystem::path& file,
                                                          const PdfLimits& limits) {
    auto problem = [&](std::string cause) { return Problem{file.string(), 0, std::move(cause)}; };
    int result_pipe[2], err_pipe[2];
    if (pipe2(result_pipe, O_CLOEXEC) != 0) return problem(std::string("cannot start PDF extraction: ") + std::strerror(errno));
    if (pipe2(err_pipe, O_CLOEXEC) != 0) {
        close(result_pipe[0]);
        close(result_pipe[1]);
        return problem(std::string("cannot start PDF extraction: ") + std::strerror(errno));
    }
    // Everything the child needs is prepared before fork: after it, only exec.
    std::vector<std::string> env_strings;
    for (char** e = environ; *e; ++e)
        if (std::strncmp(*e, "VERBATIM_PDF_CHILD", 18) != 0) env_strings.emplace_back(*e);
    env_strings.push_back(std::string(kChildFileVariable) + "=" + file.string());
    char limits_text[64];
    std::snprintf(limits_text, sizeof limits_text, "%.3f %zu", limits.timeout_seconds, limits.memory_mb);
    env_strings.push_back(std::string(kChildLimitsVariable) + "=" + limits_text);
    std::vector<char*> envp;
    for (std::string& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);
    std::string name = "verbatim-pdf";
    char* argv[] = {name.data(), nullptr};

    const pid_t parent = getpid();
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid == 0) exec_child(parent, argv, envp.data(), result_pipe[1], err_pipe[1]);
    close(result_pipe[1]);
    close(err_pipe[1]);
    if (pid < 0) {
        close(result_pipe[0]);
        close(err_pipe[0]);
        return problem(std::string("cannot start PDF extraction: ") + std::strerror(errno));
    }

    auto deadline = start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                std::chrono::duration<double>(limits.timeout_seconds));
    ChildOutput out = collect(result_pipe[0], err_pipe[0], deadline);
    close(result_pipe[0]);
    close(err_pipe[0]);
    if (out.timed_out) kill(pid, SIGKILL);
    const int status = wait_for(pid);

    const std::string memory = "PDF needs more than " + std::to_string(limits.memory_mb) +
                               " MB of memory; skipped (raise --pdf-memory to allow more)";
    if (out.timed_out)
        return problem("PDF extraction timed out after " + seconds_text(limits.timeout_seconds) +
                       "; skipped (raise --pdf-timeout to allow more)");
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        if (sig == SIGXCPU)
            return problem("PDF extraction used more than " + seconds_text(limits.timeout_seconds) +
                           " of processor time; skipped (raise --pdf-timeout to allow more)");
        // Poppler aborts when an allocation fails; the address-space limit makes that happen.
        if (sig == SIGABRT && out.err.find("Out of memory") != std::string::npos) return problem(memory);
        return problem("PDF library crashed (signal " + std::to_string(sig) + ", " + strsignal(sig) + "); skipped");
    }
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code == kExitOutOfMemory) return problem(memory);
    if (code == 127) return problem("cannot start PDF extraction (exec of /proc/self/exe failed); skipped");
    if (code != 0) return problem("PDF extraction failed (exit status " + std::to_string(code) + "); skipped");
    std::variant<std::vector<PageWords>, Problem> pages;
    try {
        pages = deserialise_pages(out.result);
    } catch (const std::exception&) {
        return problem("PDF extraction returned an incomplete result; skipped");
    }
    if (auto* p = std::get_if<Problem>(&pages)) return *p;
    return lay_out_pages(std::get<std::vector<PageWords>>(pages));
}

}  // namespace verbatim
