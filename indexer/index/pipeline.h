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

// Calls prepare(i, worker) for every i in [0, n) on `threads` workers (0: run inline, as
// worker 0) and consume(i, result) on this thread, i in order. Item i always goes to worker
// i % threads, so what a worker sees does not depend on timing (index/parts.h relies on
// it). An exception in prepare is rethrown here.
template <typename T>
void ordered_parallel(size_t n, size_t threads, size_t window, const std::function<T(size_t, size_t)>& prepare,
                      const std::function<void(size_t, T&&)>& consume) {
    if (threads == 0 || n < 2) {
        for (size_t i = 0; i < n; ++i) consume(i, prepare(i, 0));
        return;
    }
    window = std::max<size_t>(window, threads);
    std::mutex mutex;
    std::condition_variable ready, room;
    std::vector<std::optional<T>> slots(window);
    std::vector<std::exception_ptr> errors(window);
    size_t consumed = 0;  // items handed to consume
    bool stop = false;

    auto work = [&](size_t worker) {
        for (size_t i = worker; i < n; i += threads) {
            {
                std::unique_lock lock(mutex);
                room.wait(lock, [&] { return stop || i < consumed + window; });
                if (stop) return;
            }
            std::optional<T> result;
            std::exception_ptr error;
            try {
                result.emplace(prepare(i, worker));
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
    for (size_t t = 0; t < threads; ++t) workers.emplace_back(work, t);
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
