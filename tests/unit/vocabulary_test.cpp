// The UN vocabulary (vocabulary/): one table per thing it knows.
#include <doctest/doctest.h>

#include <initializer_list>
#include <string>

#include "vocabulary/countries.h"
#include "vocabulary/ascii.h"
#include "vocabulary/data_files.h"
#include "vocabulary/dates.h"
#include "vocabulary/ordinals.h"
#include "vocabulary/page_marks.h"
#include "vocabulary/symbols.h"
#include "vocabulary/text.h"

using namespace verbatim::vocabulary;

TEST_CASE("UN document symbols: whole, in a word, and found in running text") {
    struct Case {
        const char* text;
        bool whole;           // is_un_symbol(text)
        const char* in_text;  // the first symbol find_un_symbol finds, "" for none
    };
    for (Case c : std::initializer_list<Case>{
             {"CTOC/COP/WG.4/2020/4", true, "CTOC/COP/WG.4/2020/4"},
             {"A/HRC/WG.6/34/ITA/3", true, "A/HRC/WG.6/34/ITA/3"},
             {"E/CN.15/2019/L.3/Rev.1", true, "E/CN.15/2019/L.3/Rev.1"},
             {"A/RES/74/176", true, "A/RES/74/176"},
             {"S/1", true, "S/1"},
             {"UN/DESA", false, ""},                    // no digit: an office
             {"Original: English", false, ""},
             {"a/74/176", false, ""},                   // the organ is in capitals
             {"ABCDEFGHI/1/2", false, ""},              // organ of nine letters
             {"A/74/L.1.", false, "A/74/L.1"},          // the sentence's full stop is not the symbol's
             {"see A/74/176, para. 3", false, "A/74/176"},
             {"xA/74/1 and E/2020/5", false, "E/2020/5"},  // a symbol starts a word
             {"HIV/AIDS and A/79/1", false, "A/79/1"},
             {"UNEP/OzL.Pro.ImpCom/62/2", true, "UNEP/OzL.Pro.ImpCom/62/2"},  // a part of 14
             {"A/74/1-", false, "A/74/1"},
             {"A//1", false, ""},
         }) {
        const std::string shown = c.text;
        CAPTURE(shown);
        CHECK(is_un_symbol(c.text) == c.whole);
        std::size_t start = 0, end = 0;
        const std::string_view text = c.text;
        const std::string found = find_un_symbol(text, 0, start, end) ? std::string(text.substr(start, end - start)) : "";
        CHECK(found == c.in_text);
    }
    // Linear time: a long run without a digit is passed over once, not once per slash.
    std::string office_runs;
    for (int i = 0; i < 100'000; ++i) office_runs += "UN/DESA/";
    office_runs += " A/79/1";
    std::size_t start = 0, end = 0;
    REQUIRE(find_un_symbol(office_runs, 0, start, end));
    CHECK(office_runs.substr(start, end - start) == "A/79/1");
    CHECK(un_symbol_in_word("A/74/176,") == "A/74/176");
    CHECK(un_symbol_in_word("E/ICEF/2025/23;") == "E/ICEF/2025/23");
    CHECK(un_symbol_in_word("2/7").empty());
}

TEST_CASE("dates in the six UN languages, and numeric dates of running headers") {
    struct Case {
        const char* text;
        const char* iso;  // "" for no date
    };
    for (Case c : std::initializer_list<Case>{
             {"Distr.: General 28 September 2020", "2020-09-28"},
             {"Tuesday, 13 October 2020", "2020-10-13"},
             {"4-15 November 2019", "2019-11-15"},
             {"2 MARCH 2024", "2024-03-02"},
             {"2 mars 2024", "2024-03-02"},
             {"1er février 2024", "2024-02-01"},
             {"12 DÉCEMBRE 2023", "2023-12-12"},
             {"2 de marzo de 2024", "2024-03-02"},
             {"30 de setiembre de 2021", "2021-09-30"},
             {"2 марта 2024 года", "2024-03-02"},
             {"2 Марта 2024 г.", "2024-03-02"},
             {"2 \xD8\xA2\xD8\xB0\xD8\xA7\xD8\xB1/\xD9\x85\xD8\xA7\xD8\xB1\xD8\xB3 2024", "2024-03-02"},  // آذار/مارس
             {"2 \xD9\x85\xD8\xA7\xD8\xB1\xD8\xB3 2024", "2024-03-02"},                                   // مارس
             // كانون الثاني/يناير: a two-word Syriac name
             {"15 \xD9\x83\xD8\xA7\xD9\x86\xD9\x88\xD9\x86 \xD8\xA7\xD9\x84\xD8\xAB\xD8\xA7\xD9\x86\xD9\x8A/"
              "\xD9\x8A\xD9\x86\xD8\xA7\xD9\x8A\xD8\xB1 2024",
              "2024-01-15"},
             {"\xD9\xA2 \xD9\x85\xD8\xA7\xD8\xB1\xD8\xB3 \xD9\xA2\xD9\xA0\xD9\xA2\xD9\xA4", "2024-03-02"},  // ٢ مارس ٢٠٢٤
             {"2024\xE5\xB9\xB4" "3\xE6\x9C\x88" "2\xE6\x97\xA5", "2024-03-02"},                          // 2024年3月2日
             {"2024 \xE5\xB9\xB4 12 \xE6\x9C\x88 31 \xE6\x97\xA5", "2024-12-31"},
             {"no date here", ""},
             {"32 March 2024", ""},
             {"2 March 20245", ""},
             {"on2 March 2024", ""},                                         // the day starts a word
             {"2 \xD8\xA2\xD8\xB0\xD8\xA7\xD8\xB1/\xD9\x8A\xD9\x86\xD8\xA7\xD9\x8A\xD8\xB1 2024", ""},  // March/January
         }) {
        const std::string shown = c.text;
        CAPTURE(shown);
        CHECK(iso_date_in(c.text) == c.iso);
    }
    CHECK(month_number("Septiembre") == 9);
    CHECK(month_number("word") == 0);
    CHECK(numeric_date("28/09/2015") == "2015-09-28");
    CHECK(numeric_date("28.09.2015") == "2015-09-28");
    CHECK(numeric_date("28/09.2015").empty());
    CHECK(numeric_date("31/13/2015").empty());
}

TEST_CASE("job numbers, language marks, page counters and page lines") {
    struct Job {
        const char* word;
        const char* job;  // "" when not a job number
    };
    for (Job c : std::initializer_list<Job>{
             {"V.20-05476", "V.20-05476"},
             {"GE.19-13879(E)", "GE.19-13879"},
             {"21-02065", "21-02065"},
             {"21-02065(E)", "21-02065"},
             {"25-11430X", "25-11430X"},  // a reissue
             {"2020-2024", ""},
             {"ABCD.20-05476", ""},
             {"21-0206", ""},
         }) {
        const std::string shown = c.word;
        CAPTURE(shown);
        CHECK(job_number_of(c.word) == c.job);
        CHECK(is_job_number(c.word) == (std::string(c.job) != ""));
    }
    CHECK(is_language_mark("(E)"));
    CHECK_FALSE(is_language_mark("(e)"));
    int page = 0, of = 0;
    CHECK((read_page_counter("2/7", page, of) && page == 2 && of == 7));
    CHECK_FALSE(read_page_counter("12345/2", page, of));
    CHECK_FALSE(read_page_counter("A/74", page, of));

    struct Phrase {
        std::vector<std::string_view> words;
        int page;
        std::size_t end;
    };
    for (const Phrase& c : std::initializer_list<Phrase>{
             {{"Page", "3"}, 3, 2},
             {{"page", "3", "of", "9"}, 3, 4},
             {{"Page", "2", "sur", "5"}, 2, 4},
             {{"Página", "2", "de", "5"}, 2, 4},
             {{"Страница", "4", "из", "7"}, 4, 4},
             {{"СТРАНИЦА", "4"}, 4, 2},
             {{"Page", "3", "of"}, 3, 2},
             {{"Page", "three"}, 0, 0},
             {{"Chapter", "3"}, 0, 0},
         }) {
        const std::string shown(c.words.front());
        CAPTURE(shown);
        std::size_t end = 0;
        CHECK(page_phrase(c.words, 0, end) == c.page);
        if (c.page > 0) CHECK(end == c.end);
    }
}

TEST_CASE("sentence ends, letter case, roman numerals and UTF-8 in any script") {
    struct Case {
        const char* text;
        bool ends;
    };
    for (Case c : std::initializer_list<Case>{
             {"trafficked\".", true},
             {"as follows:", true},
             {"the end.\xE2\x80\x9D", true},   // .”
             {"recommendations,", false},
             {"[add: Canada]", false},
             {"la fin.\xC2\xBB", true},          // .»
             {"and so on\xE2\x80\xA6", true},    // …
             {"\xE7\xBB\x93\xE6\x9D\x9F\xE3\x80\x82", true},  // 结束。
             {"\xD9\x84\xD9\x85\xD8\xA7\xD8\xB0\xD8\xA7\xD8\x9F", true},  // لماذا؟
             {"the end.\xEE\x80\x80" "12\xEE\x80\x81", true},  // a footnote marker after the full stop
             {"", false},
         }) {
        const std::string shown = c.text;
        CAPTURE(shown);
        CHECK(ends_sentence(c.text) == c.ends);
    }
    CHECK(char_count("\xD0\xBC\xD0\xB0\xD1\x80\xD1\x82") == 4);  // март
    CHECK(char_start("\xD0\xBC\xD0\xB0", 3) == 2);  // inside "а": back to its first byte
    CHECK(char_start("\xD0\xBC\xD0\xB0", 2) == 2);
    CHECK(char_start("\xD0\xBC\xD0\xB0", 9) == 9);  // past the text: as it is
    CHECK(char_start("ab", 0) == 0);
    CHECK(lowercase("\xD0\x9C\xD0\x90\xD0\xA0\xD0\xA2") == "\xD0\xBC\xD0\xB0\xD1\x80\xD1\x82");
    CHECK(is_upper_start("\xD0\xA1. Title"));           // Cyrillic С
    CHECK(is_upper_start("\xD9\x85\xD8\xA7\xD8\xB1\xD8\xB3"));  // Arabic has no case: counts as upper
    CHECK(is_lower_start("\xC3\xA9t\xC3\xA9"));
    CHECK(is_roman_numeral("XIV"));
    CHECK_FALSE(is_roman_numeral("C"));  // a letter of the A, B, C sequence
    CHECK_FALSE(is_roman_numeral("iv"));
    CHECK(is_lower_roman_numeral("iv"));
    CHECK(code_points("a\xFF").back() == 0xFFFD);
    CHECK(split_on_spaces("  12.  The Working Group ") ==
          std::vector<std::string_view>{"12.", "The", "Working", "Group"});
    CHECK(split_on_spaces("   ").empty());
}

TEST_CASE("ordinals of meetings and sessions: words from the data file, figures with a suffix") {
    struct Case {
        const char* word;
        int value;  // 0 when not an ordinal
    };
    for (Case c : std::initializer_list<Case>{
             {"first", 1},
             {"tenth", 10},
             {"Ninth", 9},
             {"TWENTIETH", 20},
             {"1st", 1},
             {"22nd", 22},
             {"3RD", 3},
             {"110th", 110},
             {"1000th", 0},  // four digits: no meeting is numbered so
             {"10", 0},
             {"th", 0},
             {"twenty-first", 0},
             {"meeting", 0},
             {"", 0},
         }) {
        const std::string shown = c.word;
        CAPTURE(shown);
        CHECK(ordinal_value(c.word) == c.value);
    }
}

TEST_CASE("ASCII digits, case and trimming of the vocabulary's machine words") {
    CHECK(all_digits("2019"));
    CHECK_FALSE(all_digits(""));
    CHECK_FALSE(all_digits("10th"));
    CHECK(all_digits("123", 1, 4));
    CHECK_FALSE(all_digits("12345", 1, 4));
    CHECK_FALSE(all_digits("\xD9\xA2"));  // an Arabic-Indic figure is not ASCII
    CHECK(ascii_lower("Modify AS Tracked") == "modify as tracked");
    CHECK(ascii_lower("\xC3\x89TAT") == "\xC3\x89tat");  // only A-Z: "ÉTAT" keeps its É
    CHECK(trim("  en 1 January\r") == "en 1 January");
    CHECK(trim(", Canada;. ", " ,;.") == "Canada");
    CHECK(trim(" \t ").empty());
}

TEST_CASE("delegations by every name they are written in, from the data file") {
    struct Case {
        const char* written;
        const char* canonical;  // "" when not a delegation
    };
    for (Case c : std::initializer_list<Case>{
             {"United Kingdom of Great Britain and Northern Ireland", "United Kingdom"},
             {"U.K.", "United Kingdom"},
             {"the Bahamas", "Bahamas"},
             {"Côte d\xE2\x80\x99Ivoire", "Côte d'Ivoire"},
             {"Türkiye", "Türkiye"},
             {"European Union", "European Union"},
             {"Atlantis", ""},
         }) {
        const std::string shown = c.written;
        CAPTURE(shown);
        CHECK(canonical_country(c.written) == c.canonical);
    }
}

TEST_CASE("the data files are compiled in and read as columns") {
    CHECK(data_file("months.txt").find("# Month names") == 0);
    CHECK(data_file("no-such-file.txt").empty());
    // Comments and blank lines are skipped; the last column keeps the rest of the line.
    bool two_words = false;
    for (const auto& row : data_rows("months.txt", 3)) {
        REQUIRE(row.size() == 3);
        two_words = two_words || row[2].find(' ') != std::string::npos;
    }
    CHECK(two_words);
    const auto countries = data_rows("countries.txt", 0, "|");
    CHECK(countries.size() >= 190);
    CHECK(countries.front().front() == "Afghanistan");
}
