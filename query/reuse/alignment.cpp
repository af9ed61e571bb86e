#include "query/reuse/alignment.h"

#include <dtl/dtl.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace verbatim {

std::vector<AlignedWord> aligned_words(const std::string& text, const Analyser& analyser) {
    std::vector<AlignedWord> words;
    for (const Token& t : analyser.tokenize(text))
        if (t.role != Token::Role::joined) words.push_back({analyser.stem(t.term), t.start, t.end});
    return words;
}

std::vector<Tile> greedy_string_tiling(const std::vector<AlignedWord>& draft, const std::vector<AlignedWord>& source,
                                       size_t min_words) {
    std::vector<Tile> tiles;
    // Words as numbers (the draft's distinct keys; a source word the draft lacks never
    // matches): the dynamic programme below compares every pair, once per tile.
    constexpr uint32_t kNoMatch = UINT32_MAX;
    std::unordered_map<std::string_view, uint32_t> numbers;
    std::vector<uint32_t> a(draft.size()), b(source.size());
    for (size_t i = 0; i < draft.size(); ++i)
        a[i] = numbers.try_emplace(draft[i].key, static_cast<uint32_t>(numbers.size())).first->second;
    for (size_t j = 0; j < source.size(); ++j) {
        auto it = numbers.find(source[j].key);
        b[j] = it == numbers.end() ? kNoMatch : it->second;
    }
    // A used word takes part in no later tile: it no longer matches anything.
    constexpr uint32_t kUsedDraft = kNoMatch - 1, kUsedSource = kNoMatch - 2;
    // Longest common run over unused words, found by dynamic programming; repeat.
    std::vector<size_t> previous(source.size() + 1), current(source.size() + 1);
    while (true) {
        Tile best;
        std::fill(previous.begin(), previous.end(), 0);
        for (size_t i = 1; i <= draft.size(); ++i) {
            current[0] = 0;
            for (size_t j = 1; j <= source.size(); ++j) {
                bool match = a[i - 1] == b[j - 1];
                current[j] = match ? previous[j - 1] + 1 : 0;
                if (current[j] > best.length) best = {i - current[j], j - current[j], current[j]};
            }
            std::swap(previous, current);
        }
        if (best.length < min_words) break;
        for (size_t k = 0; k < best.length; ++k) a[best.draft + k] = kUsedDraft, b[best.source + k] = kUsedSource;
        tiles.push_back(best);
    }
    return tiles;
}

const char* to_string(DiffOp::Kind kind) {
    switch (kind) {
        case DiffOp::Kind::same: return "same";
        case DiffOp::Kind::inserted: return "inserted";
        case DiffOp::Kind::removed: return "removed";
        case DiffOp::Kind::cut: return "cut";
    }
    return "same";
}

std::vector<DiffOp> word_diff(const std::string& draft_text, const std::vector<AlignedWord>& draft,
                              const std::string& source_text, const std::vector<AlignedWord>& source) {
    std::vector<std::string> a, b;
    for (const auto& w : source) a.push_back(w.key);
    for (const auto& w : draft) b.push_back(w.key);
    dtl::Diff<std::string> diff(a, b, /*deletesFirst=*/true);  // "[-old-] {+new+}" reads best
    diff.compose();

    // Consecutive words from the same text keep the characters between them (hyphens,
    // punctuation), so "front-line" stays "front-line" in the comparison.
    std::vector<DiffOp> ops;
    struct Run {
        DiffOp::Kind kind;
        const std::string* text;
        size_t start, end;
        long long last;  // index of the last word taken
    };
    std::optional<Run> run;
    auto flush = [&] {
        if (!run) return;
        // A bracket opened inside the run closes inside it: "[-survivors [add: Canada]-]",
        // not "[add: Canada" with the "]" lost between two ops.
        const std::string& t = *run->text;
        for (size_t open = 0;;) {
            open = 0;
            for (size_t i = run->start; i < run->end; ++i)
                open += t[i] == '[' || t[i] == '(' ? 1 : 0, open -= (t[i] == ']' || t[i] == ')') && open > 0 ? 1 : 0;
            if (open == 0 || run->end >= t.size() || (t[run->end] != ']' && t[run->end] != ')')) break;
            ++run->end;
        }
        std::string words;
        for (char c : run->text->substr(run->start, run->end - run->start)) {
            const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
            if (!space) words += c;
            else if (!words.empty() && words.back() != ' ') words += ' ';
        }
        ops.push_back({run->kind, std::move(words)});
        run.reset();
    };
    auto take = [&](DiffOp::Kind kind, const std::string& text, const AlignedWord& w, long long index) {
        if (run && run->kind == kind && run->text == &text && run->last + 1 == index) {
            run->end = w.end;
            run->last = index;
            return;
        }
        flush();
        run = Run{kind, &text, w.start, w.end, index};
    };
    const auto& sequence = diff.getSes().getSequence();
    // The aligned span: from the first to the last word in common. Source words outside
    // it are context the caller gave, not words the draft dropped.
    size_t first_common = sequence.size(), last_common = 0;
    for (size_t i = 0; i < sequence.size(); ++i)
        if (sequence[i].second.type == dtl::SES_COMMON) first_common = std::min(first_common, i), last_common = i;
    const bool aligned = first_common < sequence.size();
    // Where the draft has words of its own beyond the span, as many source words there
    // are compared with them (a changed first or last word); the rest is cut.
    size_t adds_before = 0, adds_after = 0, deletes_before = 0;
    for (size_t i = 0; aligned && i < sequence.size(); ++i) {
        const auto type = sequence[i].second.type;
        if (i < first_common) (type == dtl::SES_ADD ? adds_before : deletes_before) += 1;
        else if (i > last_common && type == dtl::SES_ADD) ++adds_after;
    }
    bool cut_before = false, cut_after = false;
    size_t deletes_seen_before = 0, deletes_kept_after = 0;
    for (size_t i = 0; i < sequence.size(); ++i) {
        const auto& info = sequence[i].second;
        if (aligned && info.type == dtl::SES_DELETE && i < first_common &&
            ++deletes_seen_before + adds_before <= deletes_before) {
            cut_before = true;
            continue;
        }
        if (aligned && info.type == dtl::SES_DELETE && i > last_common && ++deletes_kept_after > adds_after) {
            cut_after = true;
            continue;
        }
        if (info.type == dtl::SES_COMMON)
            take(DiffOp::Kind::same, draft_text, draft[static_cast<size_t>(info.afterIdx - 1)], info.afterIdx);
        else if (info.type == dtl::SES_ADD)
            take(DiffOp::Kind::inserted, draft_text, draft[static_cast<size_t>(info.afterIdx - 1)], info.afterIdx);
        else
            take(DiffOp::Kind::removed, source_text, source[static_cast<size_t>(info.beforeIdx - 1)], info.beforeIdx);
    }
    flush();
    if (cut_before) ops.insert(ops.begin(), DiffOp{DiffOp::Kind::cut, "\xE2\x80\xA6"});
    if (cut_after) ops.push_back({DiffOp::Kind::cut, "\xE2\x80\xA6"});
    return ops;
}

}  // namespace verbatim
