#include "medlint/date.h"

#include <gtest/gtest.h>

namespace medlint {
namespace {

using namespace std::chrono;

std::string iso(std::string_view text, DateOrder order = DateOrder::MonthDayYear) {
  const DateResult result = parse_date(text, order);
  return result.value ? to_iso(result.value->date) : "error: " + result.error;
}

TEST(DateTest, ReadsTheFormsArticlesUse) {
  EXPECT_EQ(iso("11/11/2021"), "2021-11-11");
  EXPECT_EQ(iso("2026-03-03"), "2026-03-03");
  EXPECT_EQ(iso("January 3, 2022"), "2022-01-03");
  EXPECT_EQ(iso("3 March 2026"), "2026-03-03");
  EXPECT_EQ(iso("Nov. 15, 2019"), "2019-11-15");
  EXPECT_EQ(iso("Sept. 4, 2020"), "2020-09-04");
  EXPECT_EQ(iso("March 3rd, 2026"), "2026-03-03");
  EXPECT_EQ(iso("15 March 2021"), "2021-03-15");
}

TEST(DateTest, DatetimesAreReadAsTheirDay) {
  for (const char* written : {"2026-06-01T10:00:00Z", "2026-06-01 10:00:00 +0100", "2026-06-01T10:00:00.250-08:00",
                              "2026-06-01t23:59"}) {
    const DateResult result = parse_date(written, DateOrder::DayMonthYear);
    ASSERT_TRUE(result.value) << written << ": " << result.error;
    EXPECT_EQ(to_iso(result.value->date), "2026-06-01") << written;
  }
  EXPECT_FALSE(parse_date("2026-06-01 is when", DateOrder::MonthDayYear).value);
}

TEST(DateTest, NumericOrderFollowsTheLocaleUnlessAPartSettlesIt) {
  EXPECT_EQ(iso("04/02/2021", DateOrder::MonthDayYear), "2021-04-02");
  EXPECT_EQ(iso("04/02/2021", DateOrder::DayMonthYear), "2021-02-04");
  EXPECT_EQ(iso("25/02/2021", DateOrder::MonthDayYear), "2021-02-25");
  EXPECT_EQ(iso("02/25/2021", DateOrder::DayMonthYear), "2021-02-25");
}

TEST(DateTest, MonthOnlyDatesCountFromTheLastDayOfTheMonth) {
  const DateResult result = parse_date("January 2024", DateOrder::MonthDayYear);
  ASSERT_TRUE(result.value);
  EXPECT_EQ(to_iso(result.value->date), "2024-01-31");
  EXPECT_EQ(result.value->precision, ParsedDate::Precision::Month);
  EXPECT_EQ(iso("February 2024"), "2024-02-29");
}

TEST(DateTest, ImpossibleAndUnreadableDatesExplainWhy) {
  EXPECT_EQ(iso("2021-02-30"), "error: \"2021-02-30\" cannot exist: 2021-02 has no day 30");
  EXPECT_EQ(iso("13/13/2021"), "error: \"13/13/2021\" is not a valid date");
  EXPECT_EQ(iso("last Tuesday"), "error: \"last Tuesday\" is not a date medlint can read");
}

TEST(DateTest, MonthsBetweenCountsCompletedMonths) {
  EXPECT_EQ(months_between(2021y / 11 / 11, 2026y / 11 / 23), 60);
  EXPECT_EQ(months_between(2021y / 11 / 24, 2026y / 11 / 23), 59);
  EXPECT_EQ(months_between(2026y / 12 / 1, 2026y / 11 / 23), 0);
  EXPECT_EQ(months_between(2027y / 1 / 23, 2026y / 11 / 23), -2);
}

}  // namespace
}  // namespace medlint
