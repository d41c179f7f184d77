/* test_date.c — date parsing and formatting (parley_date_parse,
 * parley_datetime_format, pl_date_find, pl_dateline_scan). */
#include "test.h"

#include "parley.h"
#include "reader/reader.h"

#include <string.h>

static const char *iso(const char *text)
{
    static char out[64];
    parley_datetime dt;
    if (!parley_date_parse(text, strlen(text), &dt)) return "(none)";
    parley_datetime_format(&dt, out, sizeof out);
    return out;
}

TEST(date_forms)
{
    CHECK_STR(iso("20 November 2012 19:12 (UTC+04:00)"), "2012-11-20T19:12:00+04:00");
    CHECK_STR(iso("Saturday May 18 2024"), "2024-05-18");
    CHECK_STR(iso("Nov. 20, 2012 7:12 PM EST"), "2012-11-20T19:12:00-05:00");
    CHECK_STR(iso("Nov 20, 2012"), "2012-11-20");
    CHECK_STR(iso("November 20th, 2012"), "2012-11-20");
    CHECK_STR(iso("Tue, 20 Nov 2012 19:12:05 +0400"), "2012-11-20T19:12:05+04:00");
    CHECK_STR(iso("Tuesday, 20 November 2012"), "2012-11-20");
    CHECK_STR(iso("2012-11-20T19:12Z"), "2012-11-20T19:12:00+00:00");
    CHECK_STR(iso("2012-11-20T19:12:00.123-05:00"), "2012-11-20T19:12:00-05:00");
    CHECK_STR(iso("2012-11-20 19:12 GMT"), "2012-11-20T19:12:00+00:00");
    CHECK_STR(iso("2012-11-20"), "2012-11-20");
    CHECK_STR(iso("2012/11/20"), "2012-11-20");
    CHECK_STR(iso("20.11.2012"), "2012-11-20");
    CHECK_STR(iso("11/20/2012"), "2012-11-20");      /* month first with "/" */
    CHECK_STR(iso("05/04/2013"), "2013-05-04");
    CHECK_STR(iso("20/11/2012"), "2012-11-20");      /* day > 12: day first */
    CHECK_STR(iso("20-Nov-2012"), "2012-11-20");
    CHECK_STR(iso("Sept. 3, 2013 at 9:05 a.m. EDT"), "2013-09-03T09:05:00-04:00");
    CHECK_STR(iso("4:52 p.m., Friday, March 1, 2013"), "2013-03-01T16:52:00");
    CHECK_STR(iso("19:12, 20 November 2012"), "2012-11-20T19:12:00");
    CHECK_STR(iso("20 Nov 2012 12:00 AM"), "2012-11-20T00:00:00");
    CHECK_STR(iso("20 Nov 2012 12:30 PM"), "2012-11-20T12:30:00");
    CHECK_STR(iso("20 Nov 2012 21:35 ICT"), "2012-11-20T21:35:00+07:00");
    CHECK_STR(iso("20 Nov 2012 08:00 (GMT+5:30)"), "2012-11-20T08:00:00+05:30");
    CHECK_STR(iso("29 February 2012"), "2012-02-29");
    CHECK_STR(iso("  20 November 2012  "), "2012-11-20");
}

TEST(date_rejects)
{
    CHECK_STR(iso("29 February 2013"), "(none)");
    CHECK_STR(iso("31 April 2012"), "(none)");
    CHECK_STR(iso("2012-13-01"), "(none)");
    CHECK_STR(iso("November 2012"), "(none)");
    CHECK_STR(iso("Nov. 20"), "(none)");             /* no year */
    CHECK_STR(iso("20 November 2012 and more"), "(none)");
    CHECK_STR(iso("yesterday"), "(none)");
    CHECK_STR(iso("20121120"), "(none)");
    CHECK_STR(iso("25:00 20 Nov 2012"), "(none)");
    CHECK_STR(iso(""), "(none)");
    CHECK_STR(iso("Mayday 20 2012"), "(none)");
}

TEST(date_format)
{
    char out[64];
    parley_datetime dt = {2012, 11, 20, 19, 12, 0, 1, 1, -270};
    parley_datetime_format(&dt, out, sizeof out);
    CHECK_STR(out, "2012-11-20T19:12:00-04:30");
    dt.has_zone = 0;
    parley_datetime_format(&dt, out, sizeof out);
    CHECK_STR(out, "2012-11-20T19:12:00");
    dt.has_time = 0;
    parley_datetime_format(&dt, out, sizeof out);
    CHECK_STR(out, "2012-11-20");
    dt.year = 0;
    CHECK_INT(parley_datetime_format(&dt, out, sizeof out), 0);
    CHECK_STR(out, "");
}

TEST(date_find_in_text)
{
    const char *line = "Posted by the desk on Nov. 20, 2012 7:12 PM EST | World";
    parley_datetime dt;
    size_t s, e;
    CHECK(pl_date_find(line, strlen(line), &dt, &s, &e));
    CHECK_INT(s, 22);
    CHECK_STR(line + e, " | World");
    CHECK_INT(dt.tz_minutes, -300);
    const char *none = "The May meeting of 20 ministers was held in 2012.";
    CHECK(!pl_date_find(none, strlen(none), &dt, &s, &e));
}

TEST(dateline_scan)
{
    pl_dateline d;
    const char *a = "WASHINGTON (Reuters) - The United States said";
    CHECK(pl_dateline_scan(a, strlen(a), &d));
    CHECK_STR(a + d.len, "The United States said");
    CHECK_INT(d.agency_len, 7);
    CHECK(!strncmp(d.agency, "Reuters", 7));
    const char *b = "PHNOM PENH, Cambodia, Nov. 19 (EAO) -- Leaders met";
    CHECK(pl_dateline_scan(b, strlen(b), &d));
    CHECK_STR(b + d.len, "Leaders met");
    CHECK_INT(d.date.month, 11);
    CHECK_INT(d.date.day, 19);
    CHECK_INT(d.date.year, 0);
    CHECK_INT(d.place_len, 20);
    const char *c = "UNITED NATIONS (AP) \xE2\x80\x94 Russia on Friday";
    CHECK(pl_dateline_scan(c, strlen(c), &d));
    CHECK_STR(c + d.len, "Russia on Friday");
    const char *e = "MOSCOW, 20 November 2012 - Talks";
    CHECK(pl_dateline_scan(e, strlen(e), &d));
    CHECK_INT(d.date.year, 2012);
    const char *no1 = "The UN - a body of states - met";
    CHECK(!pl_dateline_scan(no1, strlen(no1), &d));
    const char *no2 = "NATO said on Monday it would - if asked - help";
    CHECK(!pl_dateline_scan(no2, strlen(no2), &d));
    const char *no3 = "UN - The vote";
    CHECK(!pl_dateline_scan(no3, strlen(no3), &d));
}
