// An ordered parallel pipeline: items are prepared on worker threads and consumed on the
// calling thread in their original order, with at most `window` items prepared ahead,
// so memory stays bounded whatever the corpus size.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace verbatim {

// Calls prepare(i) for every i in [0, n) on `threads` workers (0: run inline) and
// consume(i, result) on this thread, i in order. An exception in prepare is rethrown here.
template <typename T>
void ordered_parallel(size_t n, size_t threads, size_t window, const std::function<T(size_t)>& prepare,
                      const std::function<void(size_t, T&&)>& consume) {
    if (threads == 0 || n < 2) {
        for (size_t i = 0; i < n; ++i) consume(i, prepare(i));
        return;
    }
    window = std::max<size_t>(window, threads);
    std::mutex mutex;
    std::condition_variable ready, room;
    std::vector<std::optional<T>> slots(window);
    std::vector<std::exception_ptr> errors(window);
    size_t next = 0;      // next item a worker takes
    size_t consumed = 0;  // items handed to consume
    bool stop = false;

    auto work = [&] {
        while (true) {
            size_t i;
            {
                std::unique_lock lock(mutex);
                room.wait(lock, [&] { return stop || next >= n || next < consumed + window; });
                if (stop || next >= n) return;
                i = next++;
            }
            std::optional<T> result;
            std::exception_ptr error;
            try {
                result.emplace(prepare(i));
            } catch (...) {
                error = std::current_exception();
            }
            {
                std::lock_guard lock(mutex);
                slots[i % window] = std::move(result);
                errors[i % window] = error;
            }
            ready.notify_all();
        }
    };
    std::vector<std::thread> workers;
    for (size_t t = 0; t < threads; ++t) workers.emplace_back(work);
    auto finish = [&] {
        {
            std::lock_guard lock(mutex);
            stop = true;
        }
        room.notify_all();
        for (auto& w : workers) w.join();
    };
    try {
        for (size_t i = 0; i < n; ++i) {
            std::optional<T> item;
            {
                std::unique_lock lock(mutex);
                ready.wait(lock, [&] { return slots[i % window].has_value() || errors[i % window]; });
                if (errors[i % window]) std::rethrow_exception(errors[i % window]);
                item = std::move(slots[i % window]);
                slots[i % window].reset();
                ++consumed;
            }
            room.notify_all();
            consume(i, std::move(*item));
        }
    } catch (...) {
        finish();
        throw;
    }
    finish();
}

}  // namespace verbatim
