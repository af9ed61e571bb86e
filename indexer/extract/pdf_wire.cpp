// The wire format between verbatim-pdf-reader and the indexer (see pdf_wire.h).
#include "indexer/extract/pdf_wire.h"

#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace verbatim {

namespace {

constexpr uint32_t kMaxCount = 50'000'000;  // sanity bound on counts read from the wire

// ---------------------------------------------------------------------------
// Wire format: "VX3", a tag ('T' text, 'P' problem), then fields in a fixed order;
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

}  // namespace

std::string serialise_pages(const std::variant<std::vector<PageWords>, Problem>& result) {
    Writer w;
    w.raw('V');
    w.raw('X');
    w.raw('3');
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
        w.raw(static_cast<char>((page.ocr ? 1 : 0) | (page.ocr_cached ? 2 : 0)));
        w.f64(page.ocr_confidence);
        w.str(page.ocr_problem);
    }
    return w.take();
}

std::variant<std::vector<PageWords>, Problem> deserialise_pages(const std::string& bytes) {
    Reader r(bytes);
    if (r.raw() != 'V' || r.raw() != 'X' || r.raw() != '3') throw std::runtime_error("bad header");
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
            const char ocr = r.raw();
            page.ocr = ocr & 1;
            page.ocr_cached = ocr & 2;
            page.ocr_confidence = r.f64();
            page.ocr_problem = r.str();
        }
        result = std::move(pages);
    } else {
        throw std::runtime_error("bad tag");
    }
    if (!r.at_end()) throw std::runtime_error("trailing bytes");
    return result;
}

std::string more_time_message(double seconds) {
    Writer w;
    for (char c : {'V', 'X', '3', 'M'}) w.raw(c);
    w.f64(seconds);
    return w.take();
}

bool is_more_time(const std::string& payload, double& seconds) {
    if (payload.size() != 12 || payload.compare(0, 4, "VX3M") != 0) return false;
    Reader r(payload);
    for (int i = 0; i < 4; ++i) r.raw();
    seconds = r.f64();
    return seconds == seconds && seconds >= 0;  // not NaN
}

std::string check_pages(const std::vector<PageWords>& pages) {
    auto bad = [](double v) { return !std::isfinite(v) || std::fabs(v) > kMaxCoordinate; };
    for (const PageWords& page : pages) {
        const std::string where = "page " + std::to_string(page.index + 1);
        if (bad(page.width) || bad(page.height) || page.width < 0 || page.height < 0)
            return where + " has a size out of range";
        if (page.words.size() > kMaxWordsPerPage)
            return where + " has " + std::to_string(page.words.size()) + " words, more than the limit of " +
                   std::to_string(kMaxWordsPerPage) + " per page";
        for (const PositionedWord& w : page.words)
            if (bad(w.x0) || bad(w.y0) || bad(w.x1) || bad(w.y1) || bad(w.font_size))
                return where + " has a word placed out of range (beyond " + std::to_string(static_cast<int>(kMaxCoordinate)) +
                       " points)";
        for (const Rule& r : page.rules)
            if (bad(r.x0) || bad(r.y) || bad(r.x1)) return where + " has a line drawn out of range";
    }
    return {};
}

std::string frame(const std::string& payload) {
    std::string out;
    out.reserve(kFrameHeader + payload.size());
    const uint64_t n = payload.size();
    for (size_t i = 0; i < kFrameHeader; ++i) out += static_cast<char>((n >> (8 * i)) & 0xff);
    out += payload;
    return out;
}

uint64_t frame_length(const char* header) {
    uint64_t n = 0;
    for (size_t i = 0; i < kFrameHeader; ++i) n |= static_cast<uint64_t>(static_cast<unsigned char>(header[i])) << (8 * i);
    return n;
}

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

bool read_exact(int fd, char* into, size_t size) {
    size_t done = 0;
    while (done < size) {
        ssize_t n = read(fd, into + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

}  // namespace verbatim
