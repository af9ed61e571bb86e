// What the PDF reader decides before it reads a page with OCR: whether the page's text
// layer is text at all, in which language(s) to read it, and whether that language data
// is installed. Pure functions (no Tesseract, no Poppler), so tests call them directly.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "indexer/extract/page_layout.h"

namespace verbatim {

// How much of a text layer reads as words: of the tokens holding a letter, the share that
// are letters of one script (with a vowel, for Latin and Cyrillic), optionally closed by
// punctuation; private-use and replacement characters count against it. 1 when the layer
// holds fewer than kMinTokensToJudge such tokens (too little to judge).
double word_like_share(const std::vector<PositionedWord>& words);
inline constexpr int kMinTokensToJudge = 12;
// Below this share a text layer is garbage (old scans carry a layer of misread glyphs or
// of a font without a usable encoding); running text in any language scores above 0.8.
inline constexpr double kMinWordLikeShare = 0.5;

// The page must be read with OCR: it has no words, or its words are not text.
bool page_needs_ocr(const PageWords& page);

// Tesseract's language names ("eng", "rus", "chi_sim") for an ISO 639-1 code or a
// Tesseract name; empty when verbatim does not know it.
std::string tesseract_language(const std::string& code);

// The language the file name gives: "report.ru.pdf", "A_HRC_1_ru.pdf", "x-FR.pdf"
// -> "rus", "rus", "fra"; empty when it gives none.
std::string language_from_file_name(const std::filesystem::path& file);

// The language of the text the other pages carry (script, then the commonest short words
// of English, French and Spanish); empty when there is too little text.
std::string language_from_text(const std::vector<PageWords>& pages);

// The language Tesseract's script detection implies ("Cyrillic" -> "rus"); empty if none.
std::string language_for_script(const std::string& script);

// Where Tesseract's language data is: `prefix` when not empty (a program passes
// $TESSDATA_PREFIX), else Debian's folder.
std::filesystem::path tessdata_folder(std::string_view prefix);

// Of `languages` ("rus+eng"), those whose .traineddata is not in `tessdata`.
std::vector<std::string> missing_languages(const std::string& languages, const std::filesystem::path& tessdata);

// "The OCR language data for rus is not installed: install the Debian package
// tesseract-ocr-rus" (and so on for each).
std::string missing_language_message(const std::vector<std::string>& missing);

}  // namespace verbatim
