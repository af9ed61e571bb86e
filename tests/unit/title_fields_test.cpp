// The steps of read_document_meta (structure/title_block.cpp), each on its own: the
// fields of one front-matter line, the front matter read into a document's metadata, the
// title's choice, the masthead, the stated date, the type, the meeting mentioned.
#include <doctest/doctest.h>

#include "indexer/structure/meeting_mention.h"
#include "indexer/structure/title_fields.h"

using namespace verbatim;

namespace {

Unit unit_of(const std::string& text) {
    Unit u;
    u.text = text;
    return u;
}

}  // namespace

TEST_CASE("title fields: what one front-matter line says") {
    struct Row {
        const char* line;
        const char* symbol;
        const char* distribution;
        const char* original;
        const char* date;
        const char* place;
        const char* body;
        bool session_dates;
    };
    const Row rows[] = {
        {"CTOC/COP/WG.4/2020/4", "CTOC/COP/WG.4/2020/4", "", "", "", "", "", false},
        {"Distr.: General", "", "General", "", "", "", "", false},
        {"Distr. LIMITED", "", "LIMITED", "", "", "", "", false},
        {"Original: English", "", "", "English", "", "", "", false},
        {"Spanish only", "", "", "Spanish", "", "", "", false},
        {"12 March 2020", "", "", "", "2020-03-12", "", "", false},
        {"Vienna, 10 and 11 September", "", "", "", "", "Vienna", "", true},
        {"New York, 2 May", "", "", "", "", "New York", "", false},
        {"Working Group on Trafficking in Persons", "", "", "", "", "", "Working Group on Trafficking in Persons",
         false},
        {"Conference of the Parties to the United Nations Convention", "", "", "", "", "", 
         "Conference of the Parties to the United Nations Convention", false},
        {"Report on the meeting", "", "", "", "", "", "", false},
        // A long line is prose: its date and place are not the title page's.
        {"Vienna, 10 September 2020, was the place and date of the meeting that", "", "", "", "", "", "", false},
    };
    for (const Row& r : rows) {
        CAPTURE(r.line);
        const LineFields f = line_fields(r.line);
        CHECK(f.symbol == r.symbol);
        CHECK(f.distribution == r.distribution);
        CHECK(f.original_language == r.original);
        CHECK(f.date == r.date);
        CHECK(f.place == r.place);
        CHECK(f.body == r.body);
        CHECK(f.session_dates == r.session_dates);
        const bool any = *r.symbol || *r.distribution || *r.original || *r.date || *r.place || *r.body;
        CHECK(f.field == any);
    }
}

TEST_CASE("title fields: the front matter fills what the title block left, first come first") {
    TitleBlock block;
    block.symbols = {"CTOC/COP/WG.4/2020/4", "CTOC/COP/2020/1"};
    block.distribution = "General";
    DocumentMeta meta = title_block_fields(block);
    CHECK(meta.symbol == "CTOC/COP/WG.4/2020/4");
    CHECK(meta.other_symbols == std::vector<std::string>{"CTOC/COP/2020/1"});

    const std::vector<std::string> candidates = add_front_matter(
        {"United Nations", "CTOC/COP/WG.4/2020/4", "CTOC/COP/WG.4/2020/9", "Distr.: Limited", "2 March 2020",
         "3 March 2020", "Conference of the Parties to the Convention", "Working Group on Trafficking in Persons",
         "Vienna, 10 and 11 September", "Mr. President,", "Agenda", "Report on the meeting held in Vienna"},
        meta);
    CHECK(meta.other_symbols == std::vector<std::string>{"CTOC/COP/2020/1", "CTOC/COP/WG.4/2020/9"});
    CHECK(meta.distribution == "General");  // the title block's
    CHECK(meta.date == "2020-03-02");
    CHECK(meta.place == "Vienna");
    CHECK(meta.body == "Working Group on Trafficking in Persons");  // the working group over the conference
    // Not fields: a salutation and a one-word line are not titles, "United Nations" neither.
    CHECK(candidates == std::vector<std::string>{"Report on the meeting held in Vienna"});
    CHECK(meta.masthead == std::vector<std::string>{"United Nations", "Vienna, 10 and 11 September", "Mr. President,",
                                                    "Agenda", "Report on the meeting held in Vienna"});
    CHECK(masthead_without_title(meta.masthead, "Report on the meeting held in Vienna") ==
          std::vector<std::string>{"Vienna, 10 and 11 September", "Mr. President,", "Agenda"});
}

TEST_CASE("title fields: the title is the line that names a document, else the longest") {
    CHECK(choose_title({}).empty());
    CHECK(choose_title({"Trafficking in persons in the context of migration", "Note by the Secretariat"}) ==
          "Note by the Secretariat");
    CHECK(choose_title({"Item 3", "Trafficking in persons in the context of migration"}) ==
          "Trafficking in persons in the context of migration");
    CHECK(choose_title({"DRAFT REPORT of the meeting", "Report"}) == "DRAFT REPORT of the meeting");

    CHECK(is_salutation("Mr. President,"));
    CHECK(is_salutation("Excellencies; *"));
    CHECK(is_salutation("Distinguished delegates:"));
    CHECK_FALSE(is_salutation("Statement by the delegation of Spain"));
    CHECK_FALSE(is_salutation(""));
}

TEST_CASE("title fields: a date stated in a line of its own at the start or the end") {
    CHECK(stated_date({unit_of("Delivered on 23 September 2020"), unit_of("Mr. President, we meet again.")}) ==
          "2020-09-23");
    CHECK(stated_date({unit_of("We recall that on 23 September 2020 the Assembly decided to act."),
                       unit_of("Thank you.")})
              .empty());  // inside a sentence: about something else
    std::vector<Unit> long_speech(10, unit_of("Words."));
    long_speech.back() = unit_of("New York, 1 October 2021");
    CHECK(stated_date(long_speech) == "2021-10-01");
    long_speech.back() = unit_of("Words.");
    long_speech[5] = unit_of("New York, 1 October 2021");  // the middle of the text
    CHECK(stated_date(long_speech).empty());
}

TEST_CASE("title fields: the type from the title, the symbol and the distribution") {
    struct Row {
        const char* title;
        const char* symbol;
        const char* distribution;
        const char* type;
    };
    const Row rows[] = {
        {"Conference room paper on good practices", "", "", "crp"},
        {"Non-punishment", "CTOC/COP/WG.4/2020/CRP.1", "", "crp"},
        {"Speaking notes of the Chair", "", "", "statement"},
        {"Statement by Canada", "", "", "statement"},
        {"Resolution 10/3", "", "", "resolution"},
        {"Trafficking", "A/RES/75/1", "", "resolution"},
        {"Draft report", "CTOC/COP/WG.4/2020/L.1", "", "draft"},
        {"Report on the meeting", "", "", "report"},
        {"Recommendations", "", "Limited", "draft"},
        {"Recommendations", "", "General", ""},
    };
    for (const Row& r : rows) {
        CAPTURE(r.title);
        DocumentMeta meta;
        meta.title = r.title;
        meta.symbol = r.symbol;
        meta.distribution = r.distribution;
        CHECK(document_type(meta) == r.type);
    }
}

TEST_CASE("meeting mention: the first ordinal meeting of a body held in a place") {
    const auto m = find_meeting("Report on the meeting",
                                {unit_of("Introduction"),
                                 unit_of("1. The tenth meeting of the Working Group on Trafficking in Persons was held "
                                         "in Vienna on 2 and 3 July 2020.")});
    REQUIRE(m);
    CHECK(m->number == 10);
    CHECK(m->meeting == "tenth meeting of the Working Group on Trafficking in Persons");
    CHECK(m->body == "Working Group on Trafficking in Persons");
    CHECK(m->place == "Vienna");

    const auto session = find_meeting("Report of the Conference of the Parties on its 9th session of the Conference "
                                      "held in Vienna", {});
    REQUIRE(session);
    CHECK(session->number == 9);

    CHECK_FALSE(find_meeting("Report", {unit_of("A meeting of the Working Group was held in Vienna.")}));  // no ordinal
    CHECK_FALSE(find_meeting("Report", {unit_of("The tenth meeting of the Working Group took place online.")}));

    const auto h = held_in("Report on the meeting of the Working Group on Trafficking in Persons held in Vienna");
    REQUIRE(h);
    CHECK(h->body == "Working Group on Trafficking in Persons");
    CHECK(h->place == "Vienna");
    CHECK_FALSE(held_in("Report on the meeting"));
}
