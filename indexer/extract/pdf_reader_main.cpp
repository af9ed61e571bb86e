// verbatim-pdf-reader: the one program that links Poppler. `verbatim index` starts one per
// worker thread and keeps it for many files (as omindex keeps its filters): it reads file
// paths from descriptor 3 and answers on it with each file's positioned words (pdf_wire.h).
// The indexer bounds each file's time and restarts the reader after a crash, a timeout or
// an exhausted memory limit (isolated_extract.cpp); the reader itself only reads.
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <new>
#include <string>
#include <vector>

#include "indexer/extract/ocr_choice.h"
#include "indexer/extract/pdf_reader.h"
#include "indexer/extract/pdf_wire.h"
#include "indexer/extract/address_sanitizer.h"


namespace {

using namespace verbatim;

constexpr int kChannel = 3;              // the socket to the indexer
constexpr int kExitOutOfMemory = 86;     // could not allocate (isolated_extract.cpp knows it)
constexpr uint64_t kMaxRequest = 1 << 16;  // a path

void on_out_of_memory() { _exit(kExitOutOfMemory); }

void set_limit(int resource, rlim_t soft, rlim_t hard) {
    rlimit limit{soft, hard};
    setrlimit(resource, &limit);
}

// Processor time is a process total: before each file the soft limit is moved to what has
// been used so far plus this file's allowance (SIGXCPU when a file spends it).
void limit_processor_time(double seconds) {
    rusage used{};
    getrusage(RUSAGE_SELF, &used);
    const rlim_t spent = static_cast<rlim_t>(used.ru_utime.tv_sec + used.ru_stime.tv_sec) + 1;
    set_limit(RLIMIT_CPU, spent + static_cast<rlim_t>(std::ceil(seconds)) + 1, RLIM_INFINITY);
}

// The test-only fault hook. VERBATIM_TEST_PDF_FAULT is KIND or KIND:NAME, KIND one of
// crash, hang, oom (every file, or only files whose name contains NAME) or crash-reused
// (a reader that has read a file before crashes on the next: the indexer must read that
// file again in a fresh reader, not blame it). Read here only: a normal run never sees it.
void inject_fault(const std::string& file, size_t files_read, size_t memory_mb) {
    const char* fault = std::getenv("VERBATIM_TEST_PDF_FAULT");
    if (!fault) return;
    std::string kind = fault, name;
    if (size_t colon = kind.find(':'); colon != std::string::npos) {
        name = kind.substr(colon + 1);
        kind.resize(colon);
    }
    if (!name.empty() && std::filesystem::path(file).filename().string().find(name) == std::string::npos) return;
    if (kind == "crash" || (kind == "crash-reused" && files_read > 0)) {
        signal(SIGSEGV, SIG_DFL);  // a sanitizer's handler would turn the crash into an exit
        raise(SIGSEGV);
    } else if (kind == "hang") {
        for (;;) pause();
    } else if (kind == "oom") {
        // Reserve address space until the limit stops us; bounded so that a build without
        // the limit (ASan) goes on to extract normally instead of exhausting the machine.
        std::vector<char*> blocks;
        for (size_t mb = 0; mb < memory_mb + 256; mb += 64) {
            blocks.push_back(new char[64u << 20]);
            blocks.back()[0] = 1;
        }
    }
}

// The OCR options after the limits: --ocr, --ocr-lang=L, --ocr-page=S, --ocr-file=S,
// --ocr-cache=DIR (isolated_extract.cpp writes them). False on anything else.
bool read_options(int argc, char** argv, OcrOptions& ocr, long& parent) {
    for (int i = 4; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](const char* key) -> const char* {
            const size_t n = std::strlen(key);
            return arg.compare(0, n, key) == 0 ? argv[i] + n : nullptr;
        };
        if (arg == "--ocr") ocr.enabled = true;
        else if (const char* lang = value("--ocr-lang=")) ocr.languages = lang;
        else if (const char* page = value("--ocr-page=")) ocr.page_seconds = std::atof(page);
        else if (const char* file = value("--ocr-file=")) ocr.file_seconds = std::atof(file);
        else if (const char* cache = value("--ocr-cache=")) ocr.cache = cache;
        else if (const char* pid = value("--parent=")) parent = std::atol(pid);
        else return false;
    }
    return ocr.page_seconds > 0 && ocr.file_seconds > 0;
}

}  // namespace

int main(int argc, char** argv) {
    // verbatim-pdf-reader --serve TIMEOUT_SECONDS MEMORY_MB [--parent=PID] [OCR options],
    // descriptor 3 open.
    double timeout_seconds = 0;
    size_t memory_mb = 0;
    OcrOptions ocr;
    long parent = 0;
    if (argc < 4 || std::strcmp(argv[1], "--serve") != 0 || std::sscanf(argv[2], "%lf", &timeout_seconds) != 1 ||
        std::sscanf(argv[3], "%zu", &memory_mb) != 1 || !read_options(argc, argv, ocr, parent) ||
        fcntl(kChannel, F_GETFD) < 0) {
        std::fprintf(stderr, "verbatim-pdf-reader: reads PDFs for `verbatim index`, which starts it; "
                             "it is not meant to be run by hand\n");
        return 2;
    }
    // Tesseract's data where the user's environment says (the indexer's, inherited).
    if (const char* prefix = std::getenv("TESSDATA_PREFIX"); prefix && *prefix) ocr.tessdata = tessdata_folder(prefix);
    // Never outlive the indexer: killed when the thread that started this reader ends (each
    // reader belongs to one worker), and gone at once if that already happened.
    if (parent > 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent) return 1;
    }
    set_limit(RLIMIT_CORE, 0, 0);
#ifndef VERBATIM_ASAN
    set_limit(RLIMIT_AS, static_cast<rlim_t>(memory_mb) << 20, static_cast<rlim_t>(memory_mb) << 20);
#endif
    std::set_new_handler(on_out_of_memory);

    for (size_t files_read = 0;; ++files_read) {
        char header[kFrameHeader];
        if (!read_exact(kChannel, header, sizeof header)) return 0;  // the indexer is done
        const uint64_t length = frame_length(header);
        if (length > kMaxRequest) return 1;
        std::string file(static_cast<size_t>(length), '\0');
        if (!read_exact(kChannel, file.data(), file.size())) return 1;

        limit_processor_time(timeout_seconds);
        inject_fault(file, files_read, memory_mb);
        std::variant<std::vector<PageWords>, Problem> result;
        // OCR takes longer than reading a text layer: ask the indexer for the time the
        // pages may take (it grants up to its own limit), and allow the processor time.
        const auto before_ocr = [&](int pages) {
            const double seconds = std::min(pages * ocr.page_seconds, ocr.file_seconds) + timeout_seconds;
            limit_processor_time(seconds);
            write_all(kChannel, frame(more_time_message(seconds)));
        };
        try {
            result = read_pdf_pages(file, ocr, before_ocr);
        } catch (const std::bad_alloc&) {
            _exit(kExitOutOfMemory);
        } catch (const std::exception& e) {
            result = Problem{file, 0, std::string("damaged PDF: ") + e.what()};
        }
        if (!write_all(kChannel, frame(serialise_pages(result)))) return 1;
    }
}
