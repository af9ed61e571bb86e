#include "indexer/extract/isolated_extract.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdint>
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

[[noreturn]] void run_child(const std::filesystem::path& file, const PdfLimits& limits, pid_t parent, int result_fd,
                            int stderr_fd) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive an indexer killed mid-run
    if (getppid() != parent) _exit(1);
    int null_fd = open("/dev/null", O_RDWR);
    if (null_fd >= 0) {
        dup2(null_fd, 0);
        dup2(null_fd, 1);
    }
    dup2(stderr_fd, 2);
    if (result_fd != kResultFd) dup2(result_fd, kResultFd);
    // Inherited descriptors (the Xapian database and its lock) must not stay open in a
    // child that could hang: the lock would outlive the indexer.
    close_range(kResultFd + 1, ~0U, 0);

    set_limit(RLIMIT_CORE, 0);
    set_limit(RLIMIT_CPU, static_cast<rlim_t>(std::ceil(limits.timeout_seconds)) + 1);
#ifndef VERBATIM_ASAN
    set_limit(RLIMIT_AS, static_cast<rlim_t>(limits.memory_mb) << 20);
#endif
    std::set_new_handler(on_out_of_memory);
    inject_fault(limits);

    std::variant<ExtractedText, Problem> result;
    try {
        auto pages = read_pdf_pages(file);
        if (auto* problem = std::get_if<Problem>(&pages)) result = *problem;
        else result = lay_out_pages(std::get<std::vector<PageWords>>(pages));
    } catch (const std::bad_alloc&) {
        _exit(kExitOutOfMemory);
    } catch (const std::exception& e) {
        result = Problem{file.string(), 0, std::string("damaged PDF: ") + e.what()};
    }
    _exit(write_all(kResultFd, serialise_extraction(result)) ? 0 : 1);
}

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

std::string serialise_extraction(const std::variant<ExtractedText, Problem>& result) {
    Writer w;
    w.raw('V');
    w.raw('X');
    w.raw('1');
    if (const auto* problem = std::get_if<Problem>(&result)) {
        w.raw('P');
        w.problem(*problem);
        return w.take();
    }
    const ExtractedText& text = std::get<ExtractedText>(result);
    w.raw('T');
    w.u32(static_cast<uint32_t>(text.lines.size()));
    for (const SourceLine& line : text.lines) {
        w.str(line.text);
        w.i32(line.page);
        w.raw(line.role == LineRole::footnote ? 'f' : 'b');
        w.flag(line.starts_block);
        w.flag(line.emphasised);
        w.f32(line.font_size);
    }
    w.i32(text.page_count);
    w.flag(text.pages_estimated);
    const TitleBlock& t = text.title_block;
    w.u32(static_cast<uint32_t>(t.symbols.size()));
    for (const std::string& s : t.symbols) w.str(s);
    for (const std::string* s : {&t.date, &t.distribution, &t.original_language, &t.job_number, &t.title}) w.str(*s);
    w.u32(static_cast<uint32_t>(text.problems.size()));
    for (const Problem& p : text.problems) w.problem(p);
    return w.take();
}

std::variant<ExtractedText, Problem> deserialise_extraction(const std::string& bytes) {
    Reader r(bytes);
    if (r.raw() != 'V' || r.raw() != 'X' || r.raw() != '1') throw std::runtime_error("bad header");
    char tag = r.raw();
    std::variant<ExtractedText, Problem> result;
    if (tag == 'P') {
        result = r.problem();
    } else if (tag == 'T') {
        ExtractedText text;
        text.lines.resize(r.count());
        for (SourceLine& line : text.lines) {
            line.text = r.str();
            line.page = r.i32();
            line.role = r.raw() == 'f' ? LineRole::footnote : LineRole::body;
            line.starts_block = r.flag();
            line.emphasised = r.flag();
            line.font_size = r.f32();
        }
        text.page_count = r.i32();
        text.pages_estimated = r.flag();
        TitleBlock& t = text.title_block;
        t.symbols.resize(r.count());
        for (std::string& s : t.symbols) s = r.str();
        for (std::string* s : {&t.date, &t.distribution, &t.original_language, &t.job_number, &t.title}) *s = r.str();
        text.problems.resize(r.count());
        for (Problem& p : text.problems) p = r.problem();
        result = std::move(text);
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
    const pid_t parent = getpid();
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid == 0) run_child(file, limits, parent, result_pipe[1], err_pipe[1]);
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
    if (code != 0) return problem("PDF extraction failed (exit status " + std::to_string(code) + "); skipped");
    try {
        return deserialise_extraction(out.result);
    } catch (const std::exception&) {
        return problem("PDF extraction returned an incomplete result; skipped");
    }
}

}  // namespace verbatim
