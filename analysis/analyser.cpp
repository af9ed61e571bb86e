#include "analysis/analyser.h"

#include <unicode/brkiter.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <stdexcept>

#include "analysis/normalise.h"
#include "model/schema.h"

namespace verbatim {

namespace {

// Characters that join the parts of a compound when written between two words with
// no space: hyphen-minus, hyphen, non-breaking hyphen.
bool is_joining_hyphen(std::string_view gap) {
    return gap == "-" || gap == "\xE2\x80\x90" || gap == "\xE2\x80\x91";
}

// Scripts written without spaces between words (or, for Hangul, with words that
// readers search inside): searched by character n-grams.
bool is_cjk(UChar32 c) {
    if (c == 0x30FC || c == 0x3005) return true;  // prolonged sound mark, iteration mark
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    return script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
           script == USCRIPT_HANGUL;
}

// The code points of a folded term as UTF-8 strings, when its first one is CJK.
bool cjk_characters(const std::string& term, std::vector<std::string>& out) {
    const auto* s = reinterpret_cast<const uint8_t*>(term.data());
    const auto length = static_cast<int32_t>(term.size());
    if (length == 0 || s[0] < 0xE0) return false;  // every CJK code point takes 3 or 4 bytes
    for (int32_t i = 0; i < length;) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (start == 0 && (c < 0 || !is_cjk(c))) return false;
        out.push_back(term.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
    return true;
}

struct UTextCloser {
    void operator()(UText* t) const { utext_close(t); }
};

}  // namespace

std::string stemmer_name(const std::string& lang) {
    static const std::pair<const char*, const char*> kStemmers[] = {
        {"en", "english"}, {"fr", "french"}, {"es", "spanish"},
        {"ru", "russian"}, {"ar", "arabic"},
    };
    for (const auto& [code, name] : kStemmers)
        if (lang == code) return name;
    return "none";
}

Analyser::Analyser(const std::string& lang) : lang_(lang) {
    std::string name = stemmer_name(lang);
    if (name != "none") stemmer_ = Xapian::Stem(name);
    UErrorCode status = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !words_)
        throw std::runtime_error(std::string("ICU word break iterator unavailable: ") +
                                 u_errorName(status));
}

Analyser::~Analyser() = default;
Analyser::Analyser(Analyser&&) noexcept = default;
Analyser& Analyser::operator=(Analyser&&) noexcept = default;

std::string Analyser::stem(const std::string& term) const {
    constexpr size_t kMaxStems = 1 << 16;  // a few MB at most, whatever the corpus size
    auto it = stems_.find(term);
    if (it != stems_.end()) return it->second;
    if (stems_.size() >= kMaxStems) stems_.clear();
    return stems_.emplace(term, stemmer_(term)).first->second;
}

std::vector<std::string> Analyser::query_stems(const std::string& term) const {
    std::vector<std::string> stems{stem(term)};
    if (lang_ != "ar" || term.size() < 4 || static_cast<unsigned char>(term[0]) < 0xD8) return stems;
    constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ال
    std::string other = term.rfind(kArticle, 0) == 0 ? term.substr(kArticle.size()) : std::string(kArticle) + term;
    if (other.size() >= 4) {  // at least two letters left
        std::string s = stem(other);
        if (s != stems.front()) stems.push_back(std::move(s));
    }
    return stems;
}

std::vector<Token> Analyser::cjk_grams(const std::vector<Token>& tokens, bool query) {
    std::vector<Token> out;
    bool any = false;
    Xapian::termpos position = 0;
    auto add = [&](std::string term, const Token& from) {
        Token t;
        t.term = schema::kCjkGram + std::move(term);
        t.start = from.start;
        t.end = from.end;
        t.position = position;
        t.has_letters = true;
        out.push_back(std::move(t));
    };
    std::vector<std::string> run;  // the characters of the current run
    const Token* run_token = nullptr;
    size_t run_end = 0;
    auto flush = [&](bool more_follows) {
        for (size_t k = 0; k < run.size(); ++k) {
            const bool last = k + 1 == run.size();
            if (query && last && run.size() > 1 && !more_follows) break;  // its bigram has it
            ++position;
            if (!query || run.size() == 1 || (last && more_follows)) add(run[k], *run_token);
            if (!last) add(run[k] + run[k + 1], *run_token);
        }
        run.clear();
    };
    for (const Token& token : tokens) {
        if (token.role == Token::Role::joined) continue;
        std::vector<std::string> characters;
        if (cjk_characters(token.term, characters)) {
            any = true;
            if (!run.empty() && token.start != run_end) flush(true);
            run.insert(run.end(), characters.begin(), characters.end());
            run_token = &token;
            run_end = token.end;
            continue;
        }
        if (!run.empty()) flush(true);
        ++position;
        add(token.term, token);
    }
    if (!run.empty()) flush(false);
    if (!any) out.clear();
    return out;
}

std::vector<Token> Analyser::tokenize(std::string_view text) const {
    std::vector<Token> tokens;
    if (text.empty()) return tokens;
    UErrorCode status = U_ZERO_ERROR;
    // UTF-8 UText: the iterator's indices are byte offsets into `text`.
    std::unique_ptr<UText, UTextCloser> utext(
        utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
    if (U_FAILURE(status)) return tokens;
    words_->setText(utext.get(), status);
    if (U_FAILURE(status)) return tokens;

    Xapian::termpos position = 0;
    size_t previous_end = std::string_view::npos;
    size_t compound_start = 0;       // index in `tokens` of the first part of the current compound
    bool in_compound = false;
    int32_t start = words_->first();
    for (int32_t end = words_->next(); end != icu::BreakIterator::DONE; start = end, end = words_->next()) {
        if (words_->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
        const auto b = static_cast<size_t>(start), e = static_cast<size_t>(end);
        if (e - b > kMaxTermBytes) {  // not a word: a hash, a URL, a run of glyphs
            previous_end = std::string_view::npos;
            in_compound = false;
            continue;
        }
        Token token;
        token.term = fold_word(text.substr(b, e - b));
        // An elided article is not a word of its own: the offsets still cover it.
        if (size_t cut = elided_prefix_length(token.term)) token.term.erase(0, cut);
        token.start = b;
        token.end = e;
        token.position = ++position;
        token.has_letters = words_->getRuleStatus() >= UBRK_WORD_LETTER;

        bool continues_compound = previous_end != std::string_view::npos && !tokens.empty() &&
                                  is_joining_hyphen(text.substr(previous_end, b - previous_end));
        previous_end = e;
        if (!continues_compound) {
            in_compound = false;
            tokens.push_back(std::move(token));
            continue;
        }
        // Hyphenated compound: the parts keep their own positions and a joined token is
        // added at the last part's position, so "nonpunishment" meets "non-punishment".
        if (!in_compound) {
            // The previous token becomes the first part.
            compound_start = tokens.size() - 1;
            tokens.back().role = Token::Role::part;
            in_compound = true;
        } else {
            tokens.pop_back();  // drop the previous joined token; a longer one replaces it
        }
        token.role = Token::Role::part;
        Token joined;
        joined.role = Token::Role::joined;
        joined.start = tokens[compound_start].start;
        joined.end = e;
        joined.position = token.position;
        for (size_t i = compound_start; i < tokens.size(); ++i) {
            joined.term += tokens[i].term;
            joined.has_letters = joined.has_letters || tokens[i].has_letters;
        }
        joined.term += token.term;
        joined.has_letters = joined.has_letters || token.has_letters;
        tokens.push_back(std::move(token));
        if (joined.has_letters && joined.term.size() <= kMaxTermBytes) tokens.push_back(std::move(joined));
        else tokens.push_back(Token{});  // placeholder keeps pop_back() above correct
    }
    // Remove placeholders left by compounds without letters.
    std::erase_if(tokens, [](const Token& t) { return t.term.empty(); });
    return tokens;
}

}  // namespace verbatim
