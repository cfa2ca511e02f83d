// Reading the dates articles state about themselves.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace medlint {

// How an all-numeric date with two parts <= 12 is read.
enum class DateOrder { MonthDayYear, DayMonthYear, YearMonthDay };

struct ParsedDate {
  enum class Precision { Day, Month, Year };
  // For Month and Year precision, the last day of that month or year: a
  // review dated "January 2024" is counted from 2024-01-31.
  std::chrono::year_month_day date;
  Precision precision = Precision::Day;
};

struct DateResult {
  std::optional<ParsedDate> value;
  std::string error;  // why the text is not a date (unreadable, or cannot exist: 2021-02-30)
};

// Reads "2021-11-11", "11/11/2021", "11.11.2021", "January 3, 2022",
// "3 March 2026", "Nov. 15, 2019", "August 2023", "2023"... A part above
// 12 settles a numeric date whatever `order` says.
DateResult parse_date(std::string_view text, DateOrder order);

// Whole months from `from` to `to` (negative when `to` is earlier); a month
// counts once its day of month is reached.
int months_between(std::chrono::year_month_day from, std::chrono::year_month_day to);

std::string to_iso(std::chrono::year_month_day date);

// Today's date in the local time zone: what review ages are judged against
// by default.
std::chrono::year_month_day local_today();

}  // namespace medlint
