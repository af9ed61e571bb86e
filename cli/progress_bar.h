// A progress bar on the terminal's last line, redrawn in place: "[####      ] 3/10 files  detail".
// `verbatim index` and verbatim-fetch draw it; nothing is drawn when it is off (stderr is
// not a terminal, or the output is JSON).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

namespace verbatim::cli {

class ProgressBar {
  public:
    // `unit` names what is counted ("files"; may be empty). Redrawn at most once `every`
    // (a terminal is slow next to a corpus of small files), and always at the end.
    ProgressBar(bool enabled, std::string unit, int width, std::chrono::milliseconds every)
        : enabled_(enabled), unit_(unit.empty() ? unit : " " + unit), width_(width), every_(every) {}

    // `done` of `total`, then `detail`.
    void draw(size_t done, size_t total, const std::string& detail) {
        if (!enabled_ || total == 0) return;
        const auto now = std::chrono::steady_clock::now();
        if (drawn_ && now - last_ < every_ && done < total) return;
        last_ = now;
        const auto filled = static_cast<size_t>(static_cast<double>(width_) * static_cast<double>(done) /
                                                static_cast<double>(total));
        std::fprintf(stderr, "\r\x1b[K[%s%s] %zu/%zu%s  %s", std::string(filled, '#').c_str(),
                     std::string(static_cast<size_t>(width_) - filled, ' ').c_str(), done, total, unit_.c_str(),
                     detail.c_str());
        drawn_ = true;
    }
    // Before another line is printed: the bar is erased, and drawn again by the next draw.
    void clear() {
        if (drawn_) std::fprintf(stderr, "\r\x1b[K");
        drawn_ = false;
    }

  private:
    bool enabled_;
    std::string unit_;
    int width_;
    std::chrono::milliseconds every_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point last_{};
};

}  // namespace verbatim::cli
