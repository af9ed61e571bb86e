#include "indexer/extract/isolated_extract.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <vector>

#include "indexer/extract/page_layout.h"
#include "model/helper_program.h"

namespace verbatim {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;


constexpr const char* kReaderName = "verbatim-pdf-reader";
constexpr int kChannel = 3;                  // the reader's end of the socket
constexpr int kExitOutOfMemory = 86;         // the reader could not allocate
constexpr size_t kMaxStderrKept = 4096;      // the tail of the reader's stderr, for diagnosis
constexpr size_t kFilesPerReader = 256;      // then a fresh reader: bounds what one accumulates
constexpr uint64_t kMaxAnswer = uint64_t{4} << 30;

std::string seconds_text(double seconds) {
    char buf[32];
    if (seconds == std::floor(seconds)) std::snprintf(buf, sizeof buf, "%.0f s", seconds);
    else std::snprintf(buf, sizeof buf, "%.1f s", seconds);
    return buf;
}

// Starts the reader with posix_spawn: the child runs no code of ours between the clone and
// the exec (a fork of this multi-threaded process would copy locks other workers hold), so
// nothing needs warming up first. Its descriptors: /dev/null in, out; `stderr_fd` as 2; the
// channel as kChannel (a dup2 onto itself clears close-on-exec); nothing above it, so the
// Xapian database and its lock never stay open in a reader that could hang. The reader sets
// its own parent-death signal (--parent).
struct Spawned {
    pid_t pid = -1;
    int error = 0;  // an errno when it could not be started
};
Spawned spawn_reader(const char* path, char* const argv[], char* const env[], int channel, int stderr_fd) {
    posix_spawn_file_actions_t actions;
    if (int e = posix_spawn_file_actions_init(&actions); e != 0) return {-1, e};
    int e = posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    if (e == 0) e = posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    if (e == 0) e = posix_spawn_file_actions_adddup2(&actions, stderr_fd, 2);
    if (e == 0) e = posix_spawn_file_actions_adddup2(&actions, channel, kChannel);
    if (e == 0) e = posix_spawn_file_actions_addclosefrom_np(&actions, kChannel + 1);
    pid_t pid = -1;
    if (e == 0) e = posix_spawn(&pid, path, &actions, nullptr, argv, env);
    posix_spawn_file_actions_destroy(&actions);
    if (e != 0) return {-1, e};
    return {pid, 0};
}

// What the reader did with one request.
struct Answer {
    enum Kind { ok, died, timed_out, garbled } kind = died;
    std::string payload;  // ok: a serialise_pages message
    int status = 0;       // died: its wait status
    std::string err;      // the tail of its stderr while it read the file
    bool more_time = false;  // it asked for (and got) the time OCR takes
};

// One reader process and the two descriptors that lead to it.
class ReaderProcess {
  public:
    ReaderProcess() = default;
    ReaderProcess(const ReaderProcess&) = delete;
    ReaderProcess& operator=(const ReaderProcess&) = delete;
    ~ReaderProcess() { stop(); }

    pid_t pid() const { return pid_; }
    size_t files_read() const { return files_read_; }
    bool running_with(const PdfLimits& limits) const { return pid_ > 0 && limits == limits_; }

    // Starts a reader; a message when it cannot be.
    std::optional<std::string> start(const PdfLimits& limits) {
        stop();
        std::string looked;
        const fs::path path = find_pdf_reader(limits.reader, &looked);
        if (path.empty())
            return std::string("cannot read PDFs: the helper program ") + kReaderName + " is missing (looked for " +
                   looked + "); reinstall verbatim, or set " + kPdfReaderVariable + " to its path";
        int sockets[2], err_pipe[2];
        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sockets) != 0)
            return std::string("cannot start the PDF reader: ") + std::strerror(errno);
        if (pipe2(err_pipe, O_CLOEXEC) != 0) {
            const int error = errno;
            close(sockets[0]);
            close(sockets[1]);
            return std::string("cannot start the PDF reader: ") + std::strerror(error);
        }
        char timeout_text[32], memory_text[32];
        std::snprintf(timeout_text, sizeof timeout_text, "%.3f", limits.timeout_seconds);
        std::snprintf(memory_text, sizeof memory_text, "%zu", limits.memory_mb);
        std::vector<std::string> args = {kReaderName, "--serve", timeout_text, memory_text,
                                         "--parent=" + std::to_string(getpid())};
        if (limits.ocr) {
            args.push_back("--ocr");
            if (!limits.ocr_languages.empty()) args.push_back("--ocr-lang=" + limits.ocr_languages);
            args.push_back("--ocr-page=" + std::to_string(limits.ocr_page_seconds));
            args.push_back("--ocr-file=" + std::to_string(limits.ocr_file_seconds));
            if (!limits.ocr_cache.empty()) args.push_back("--ocr-cache=" + limits.ocr_cache.string());
        }
        std::vector<char*> argv;
        for (std::string& arg : args) argv.push_back(arg.data());
        argv.push_back(nullptr);
        // Tesseract runs OpenMP threads: one reader per indexing worker is parallel enough.
        std::vector<std::string> env_text = {"OMP_THREAD_LIMIT=1"};
        for (char** e = environ; *e; ++e)
            if (std::strncmp(*e, "OMP_THREAD_LIMIT=", 17) != 0) env_text.emplace_back(*e);
        std::vector<char*> env;
        for (std::string& e : env_text) env.push_back(e.data());
        env.push_back(nullptr);
        const std::string path_text = path.string();
        const Spawned spawned = spawn_reader(path_text.c_str(), argv.data(), env.data(), sockets[1], err_pipe[1]);
        close(sockets[1]);
        close(err_pipe[1]);
        if (spawned.error != 0) {
            close(sockets[0]);
            close(err_pipe[0]);
            return "cannot start the PDF reader " + path_text + ": " + std::strerror(spawned.error);
        }
        pid_ = spawned.pid;
        channel_ = sockets[0];
        err_ = err_pipe[0];
        fcntl(err_, F_SETFL, O_NONBLOCK);
        limits_ = limits;
        path_ = path_text;
        files_read_ = 0;
        return std::nullopt;
    }

    // Ends the reader (it may be in the middle of a file: it is killed) and reaps it.
    void stop() {
        if (pid_ <= 0) return;
        kill(pid_, SIGKILL);
        reap();
        close_descriptors();
    }

    const std::string& path() const { return path_; }

    // Sends `file` and waits for the answer until `deadline`. Anything but ok leaves the
    // reader stopped.
    Answer ask(const std::string& file, Clock::time_point deadline, double max_more_seconds) {
        Answer answer;
        drain_stderr(nullptr);  // what it said about an earlier file
        ++files_read_;
        if (!send_all(frame(file))) return fail(answer, Answer::died, deadline);
        std::string& in = answer.payload;
        uint64_t length = 0;
        bool have_length = false;
        pollfd fds[2] = {{channel_, POLLIN, 0}, {err_, POLLIN, 0}};
        char buf[65536];
        for (;;) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
            if (left <= 0) return fail(answer, Answer::timed_out, deadline);
            const int ready = poll(fds, 2, static_cast<int>(std::min<long long>(left, 1000)));
            if (ready < 0 && errno != EINTR) return fail(answer, Answer::died, deadline);
            if (ready <= 0) continue;
            if (fds[1].fd >= 0 && (fds[1].revents & (POLLIN | POLLHUP | POLLERR)))
                if (!drain_stderr(&answer.err)) fds[1].fd = -1;
            if (!(fds[0].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            const ssize_t n = read(channel_, buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return fail(answer, Answer::died, deadline);  // it ended before answering in full
            in.append(buf, static_cast<size_t>(n));
            if (!have_length && in.size() >= kFrameHeader) {
                length = frame_length(in.data());
                if (length > kMaxAnswer) return fail(answer, Answer::garbled, deadline);
                have_length = true;
                in.reserve(kFrameHeader + static_cast<size_t>(length));
            }
            if (have_length && in.size() >= kFrameHeader + length) {
                // A request for more time (the reader is about to OCR), granted once, up
                // to the limit; then the answer follows.
                double more = 0;
                if (max_more_seconds > 0 && is_more_time(in.substr(kFrameHeader, length), more)) {
                    deadline = std::max(deadline, Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                                     std::chrono::duration<double>(
                                                                         std::min(more, max_more_seconds))));
                    max_more_seconds = 0;
                    answer.more_time = true;
                    in.erase(0, kFrameHeader + length);
                    have_length = false;
                    if (in.size() >= kFrameHeader) {
                        length = frame_length(in.data());
                        if (length > kMaxAnswer) return fail(answer, Answer::garbled, deadline);
                        have_length = true;
                    }
                    if (!have_length || in.size() < kFrameHeader + length) continue;
                }
                // One answer per request: anything more is not from this protocol.
                if (in.size() > kFrameHeader + length) return fail(answer, Answer::garbled, deadline);
                in.erase(0, kFrameHeader);
                answer.kind = Answer::ok;
                return answer;
            }
        }
    }

  private:
    bool send_all(const std::string& bytes) {
        size_t done = 0;
        while (done < bytes.size()) {
            // MSG_NOSIGNAL: a reader that died between files is an error here, not SIGPIPE.
            const ssize_t n = send(channel_, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return false;
            done += static_cast<size_t>(n);
        }
        return true;
    }

    // Reads what the reader wrote on stderr so far (keeping the tail in `into`); false at
    // its end.
    bool drain_stderr(std::string* into) {
        if (err_ < 0) return false;
        char buf[4096];
        for (;;) {
            const ssize_t n = read(err_, buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) return true;  // EAGAIN: nothing more for now
            if (n == 0) return false;
            if (!into) continue;
            into->append(buf, static_cast<size_t>(n));
            if (into->size() > kMaxStderrKept) into->erase(0, into->size() - kMaxStderrKept);
        }
    }

    // The reader is done for: kill it (a timeout, a garbled answer), reap it, and keep
    // what it said on stderr for the diagnosis.
    Answer& fail(Answer& answer, Answer::Kind kind, Clock::time_point deadline) {
        answer.kind = kind;
        answer.payload.clear();
        if (kind != Answer::died) kill(pid_, SIGKILL);
        answer.status = reap(deadline);
        // It has ended, so its stderr ends too (unless something it started holds it).
        fcntl(err_, F_SETFL, 0);
        pollfd p{err_, POLLIN, 0};
        while (poll(&p, 1, 200) > 0 && drain_stderr(&answer.err)) {
        }
        close_descriptors();
        return answer;
    }

    // Waits for the reader to end; killed if it has not by `deadline` (one that closed its
    // end of the socket is normally on its way out).
    int reap(Clock::time_point deadline = Clock::time_point::min()) {
        int status = 0;
        for (;;) {
            const pid_t done = waitpid(pid_, &status, WNOHANG);
            if (done == pid_ || (done < 0 && errno != EINTR)) break;
            if (Clock::now() >= deadline) {
                kill(pid_, SIGKILL);
                while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
                }
                break;
            }
            usleep(1000);
        }
        pid_ = -1;
        return status;
    }

    void close_descriptors() {
        if (channel_ >= 0) close(channel_);
        if (err_ >= 0) close(err_);
        channel_ = err_ = -1;
        pid_ = -1;
    }

    pid_t pid_ = -1;
    int channel_ = -1, err_ = -1;
    PdfLimits limits_;
    std::string path_;
    size_t files_read_ = 0;
};

// One reader per thread: the indexer's workers each keep theirs for the whole run, and it
// is stopped when the thread ends.
thread_local ReaderProcess t_reader;

std::string cause_of(const Answer& answer, const PdfLimits& limits, const std::string& reader_path) {
    const std::string memory = "PDF needs more than " + std::to_string(limits.memory_mb) +
                               " MB of memory; skipped (raise --pdf-memory to allow more)";
    if (answer.kind == Answer::garbled) return "PDF extraction returned an incomplete result; skipped";
    const int status = answer.status;
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        if (sig == SIGXCPU)
            return "PDF extraction used more than " + seconds_text(limits.timeout_seconds) +
                   " of processor time; skipped (raise --pdf-timeout to allow more)";
        // Poppler aborts when an allocation fails; the address-space limit makes that happen.
        if (sig == SIGABRT && answer.err.find("Out of memory") != std::string::npos) return memory;
        return "PDF library crashed (signal " + std::to_string(sig) + ", " + strsignal(sig) + "); skipped";
    }
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code == kExitOutOfMemory) return memory;
    if (code == 127) return "cannot start the PDF reader (exec of " + reader_path + " failed); skipped";
    return "PDF extraction failed (exit status " + std::to_string(code) + "); skipped";
}

std::atomic<size_t> g_ocr_pages{0}, g_ocr_cached{0};

// Lays out the reader's pages, and says which were read by OCR, and which OCR could not read.
ExtractedText lay_out_read_pages(const fs::path& file, const std::vector<PageWords>& pages) {
    ExtractedText text = lay_out_pages(pages);
    for (const PageWords& page : pages) {
        if (!page.ocr) continue;
        if (!page.ocr_problem.empty())
            text.problems.push_back({file.string(), page.index + 1, page.ocr_problem});
        else
            ++(page.ocr_cached ? g_ocr_cached : g_ocr_pages);
    }
    return text;
}

}  // namespace

OcrCounts ocr_counts() { return {g_ocr_pages.load() + g_ocr_cached.load(), g_ocr_cached.load()}; }


fs::path find_pdf_reader(const fs::path& given, std::string* looked) {
    const std::vector<fs::path> candidates = !given.empty() ? std::vector<fs::path>{given} : helper_program_places(kReaderName);
    if (fs::path found = find_helper_program(candidates); !found.empty()) return found;
    if (looked) {
        looked->clear();
        for (const fs::path& candidate : candidates) *looked += (looked->empty() ? "" : " and ") + candidate.string();
        if (looked->empty()) *looked = "the folder of the running program (unknown)";
    }
    return {};
}

pid_t pdf_reader_pid() { return t_reader.pid(); }
void stop_pdf_reader() { t_reader.stop(); }

std::variant<ExtractedText, Problem> extract_pdf_isolated(const fs::path& file, const PdfLimits& limits) {
    auto problem = [&](std::string cause) { return Problem{file.string(), 0, std::move(cause)}; };
    for (int attempt = 0;; ++attempt) {
        if (!t_reader.running_with(limits) || t_reader.files_read() >= kFilesPerReader) {
            if (auto error = t_reader.start(limits)) return problem(*error);
        }
        const bool fresh = t_reader.files_read() == 0;
        const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                 std::chrono::duration<double>(limits.timeout_seconds));
        const std::string reader_path = t_reader.path();
        const double ocr_seconds = limits.ocr ? limits.timeout_seconds + limits.ocr_file_seconds : 0;
        Answer answer = t_reader.ask(file.string(), deadline, ocr_seconds);
        if (answer.kind == Answer::ok) {
            std::variant<std::vector<PageWords>, Problem> pages;
            try {
                pages = deserialise_pages(answer.payload);
            } catch (const std::exception&) {
                t_reader.stop();
                answer.kind = Answer::garbled;
            }
            if (answer.kind == Answer::ok) {
                if (auto* p = std::get_if<Problem>(&pages)) return *p;
                const auto& words = std::get<std::vector<PageWords>>(pages);
                if (std::string wrong = check_pages(words); !wrong.empty())
                    return problem("cannot lay out the PDF: " + wrong + "; skipped");
                return lay_out_read_pages(file, words);
            }
        }
        if (answer.kind == Answer::timed_out && answer.more_time)
            return problem("PDF extraction with OCR timed out after " + seconds_text(ocr_seconds) +
                           "; skipped (raise --ocr-file-timeout or --pdf-timeout to allow more)");
        if (answer.kind == Answer::timed_out)
            return problem("PDF extraction timed out after " + seconds_text(limits.timeout_seconds) +
                           "; skipped (raise --pdf-timeout to allow more)");
        // A reader that had read other files may have failed because of them (memory it
        // kept, a state they left): this file is blamed only if a fresh reader fails too.
        if (!fresh && attempt == 0) continue;
        return problem(cause_of(answer, limits, reader_path));
    }
}

}  // namespace verbatim
