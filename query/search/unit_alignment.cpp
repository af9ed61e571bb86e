#include "query/search/unit_alignment.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "vocabulary/text.h"

namespace verbatim {

namespace {

// What a translation keeps as it is: digit runs (numbers, dates, symbols' numbers) and
// words in Latin capitals or with a digit (names and acronyms left untranslated, symbols).
std::set<std::string> invariants(const std::string& text) {
    std::set<std::string> out;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    std::string digits, word;
    bool word_latin_capital = false, word_has_digit = false;
    auto end_word = [&] {
        if (!digits.empty()) out.insert(digits);
        if (word.size() >= 2 && (word_latin_capital || word_has_digit) && word != digits) out.insert(word);
        digits.clear();
        word.clear();
        word_latin_capital = word_has_digit = false;
    };
    for (int32_t i = 0; i < length;) {
        int32_t at = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c >= '0' && c <= '9') {
            digits += static_cast<char>(c);
            word += static_cast<char>(c);
            word_has_digit = true;
            continue;
        }
        if (!digits.empty()) {
            out.insert(digits);
            digits.clear();
        }
        if (c > 0 && (u_isalpha(c) || c == '/')) {
            if (word.empty() && c >= 'A' && c <= 'Z') word_latin_capital = true;
            if (c >= 0x80 && u_isalpha(c) && word_latin_capital) word_latin_capital = c < 0x250;  // still Latin
            word.append(text, static_cast<size_t>(at), static_cast<size_t>(i - at));
            continue;
        }
        end_word();
    }
    end_word();
    return out;
}

double normal_tail(double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); }

struct Side {
    std::vector<double> length;
    std::vector<std::set<std::string>> invariants;
};

Side describe(const std::vector<Unit>& units) {
    Side s;
    for (const Unit& u : units) {
        // Characters (code points): the length Gale and Church compare.
        s.length.push_back(std::max(1.0, static_cast<double>(vocabulary::char_count(u.text))));
        s.invariants.push_back(invariants(u.text));
    }
    return s;
}

}  // namespace

bool shared_anchor(const std::string& anchor) {
    for (const char* prefix : {"para-", "fn-", "rec-"}) {
        const std::string p = prefix;
        if (anchor.rfind(p, 0) != 0 || anchor.size() == p.size()) continue;
        return std::all_of(anchor.begin() + static_cast<long>(p.size()), anchor.end(),
                           [](char c) { return c >= '0' && c <= '9'; });
    }
    return false;
}

std::vector<std::optional<size_t>> align_units(const std::vector<Unit>& a, const std::vector<Unit>& b) {
    const size_t n = a.size(), m = b.size();
    std::vector<std::optional<size_t>> out(n);
    if (n == 0 || m == 0) return out;
    const Side sa = describe(a), sb = describe(b);
    double total_a = 0, total_b = 0;
    for (double l : sa.length) total_a += l;
    for (double l : sb.length) total_b += l;
    const double ratio = total_b / total_a;  // this pair's own expansion
    constexpr double kVariance = 6.8;        // Gale and Church's, per character

    // -log of the chance that lengths la and lb are translations, by Gale and Church.
    auto length_cost = [&](double la, double lb) {
        double delta = (lb - la * ratio) / std::sqrt(la * kVariance);
        double p = 2 * normal_tail(std::abs(delta));
        return -std::log(std::max(p, 1e-12));
    };
    // The evidence of what translations keep: the numbered anchor, shared numbers, names
    // and symbols count for a pairing, ones that one side has and the other lacks against
    // it. `i2` / `j2` are the second unit of a merge (2-1, 1-2), which continues the first
    // and so carries no number of its own.
    constexpr size_t kNone = static_cast<size_t>(-1);
    auto evidence = [&](size_t i, size_t i2, size_t j, size_t j2) {
        const Unit &ua = a[i], &ub = b[j];
        double cost = 0;
        if (shared_anchor(ua.anchor) || shared_anchor(ub.anchor)) cost += ua.anchor == ub.anchor ? -12 : 12;
        else if (ua.kind != ub.kind) cost += 3;
        if ((i2 != kNone && shared_anchor(a[i2].anchor)) || (j2 != kNone && shared_anchor(b[j2].anchor))) cost += 12;
        if (!ua.parent.empty() && ua.parent == ub.parent && shared_anchor(ua.parent)) cost -= 4;
        std::set<std::string> xa = sa.invariants[i], xb = sb.invariants[j];
        if (i2 != kNone) xa.insert(sa.invariants[i2].begin(), sa.invariants[i2].end());
        if (j2 != kNone) xb.insert(sb.invariants[j2].begin(), sb.invariants[j2].end());
        size_t shared = 0, only = 0;
        for (const std::string& x : xa) (xb.count(x) ? shared : only) += 1;
        for (const std::string& x : xb) only += !xa.count(x);
        cost -= 2.0 * static_cast<double>(std::min<size_t>(shared, 6));
        cost += 1.0 * static_cast<double>(std::min<size_t>(only, 6));
        return cost;
    };
    // Priors of Gale and Church for 1-1 (0.89), 1-0 and 0-1 (0.0099 together); units
    // are split alike more often than sentences, so 2-1 and 1-2 less (0.02, not 0.089).
    const double kSkip = -std::log(0.0099 / 2), kOne = -std::log(0.89), kTwo = -std::log(0.02 / 2);

    enum Move : unsigned char { none, one_one, skip_a, skip_b, two_one, one_two };
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> cost((n + 1) * (m + 1), inf);
    std::vector<Move> move((n + 1) * (m + 1), none);
    auto at = [m](size_t i, size_t j) { return i * (m + 1) + j; };
    cost[at(0, 0)] = 0;
    for (size_t i = 0; i <= n; ++i)
        for (size_t j = 0; j <= m; ++j) {
            double best = cost[at(i, j)];
            Move how = move[at(i, j)];
            auto consider = [&](double c, Move mv) {
                if (c < best) best = c, how = mv;
            };
            if (i > 0 && j > 0)
                consider(cost[at(i - 1, j - 1)] + kOne + length_cost(sa.length[i - 1], sb.length[j - 1]) +
                             evidence(i - 1, kNone, j - 1, kNone),
                         one_one);
            if (i > 0) consider(cost[at(i - 1, j)] + kSkip, skip_a);
            if (j > 0) consider(cost[at(i, j - 1)] + kSkip, skip_b);
            if (i > 1 && j > 0)
                consider(cost[at(i - 2, j - 1)] + kTwo +
                             length_cost(sa.length[i - 2] + sa.length[i - 1], sb.length[j - 1]) +
                             evidence(i - 2, i - 1, j - 1, kNone),
                         two_one);
            if (i > 0 && j > 1)
                consider(cost[at(i - 1, j - 2)] + kTwo +
                             length_cost(sa.length[i - 1], sb.length[j - 2] + sb.length[j - 1]) +
                             evidence(i - 1, kNone, j - 2, j - 1),
                         one_two);
            cost[at(i, j)] = best;
            move[at(i, j)] = how;
        }
    for (size_t i = n, j = m; i > 0 || j > 0;) {
        switch (move[at(i, j)]) {
            case one_one: out[i - 1] = j - 1, --i, --j; break;
            case skip_a: --i; break;
            case skip_b: --j; break;
            case two_one: out[i - 1] = out[i - 2] = j - 1, i -= 2, --j; break;
            case one_two: {
                // The longer of the two stands for the unit.
                out[i - 1] = sb.length[j - 2] >= sb.length[j - 1] ? j - 2 : j - 1;
                --i, j -= 2;
                break;
            }
            case none: i = j = 0; break;
        }
    }
    return out;
}

}  // namespace verbatim
