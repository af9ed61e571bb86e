// Two files that give one document (a report's text and its PDF, two copies of one
// PDF): which one the index keeps. One rule, applied the same whatever the order in
// which the files are met, this run or an earlier one.
#pragma once

#include <map>
#include <mutex>
#include <string>

namespace verbatim {

// True when `a` is the file indexed rather than `b`: the PDF (it carries the printed
// pages), else the first by name. A strict order, so the winner among many is the same
// in any order.
bool provides_before(const std::string& a, const std::string& b);

// What happens when `path` gives a document another file already provides.
enum class TwinVerdict {
    sole,          // no other file provides it: index this one
    this_defers,   // the other file is there and wins: this one is recorded as merged
    rival_defers,  // this file wins (or the other is gone): index it, the other is merged
};

// `rival` is the file that provides the document so far ("" when none);
// `rival_exists` whether it is still on disk.
TwinVerdict arbitrate_twins(const std::string& path, const std::string& rival, bool rival_exists);

// For a parallel build: the best file seen so far for each document, so that a worker
// does not write units the main thread will drop. Only an optimisation: a file found
// better later still replaces what was written.
class BestProviders {
  public:
    // True when `path` is the best file yet for `doc_id` (and is now remembered as such).
    bool claim(const std::string& doc_id, const std::string& path);

  private:
    std::mutex mutex_;
    std::map<std::string, std::string> best_;
};

}  // namespace verbatim
