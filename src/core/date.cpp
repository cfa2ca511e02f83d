#include "medlint/date.h"

#include <array>
#include <cctype>
#include <charconv>
#include <ctime>
#include <fmt/format.h>
#include <vector>

namespace medlint {
namespace {

using namespace std::chrono;

struct Token {
  std::string_view text;
  bool numeric = false;
  int value = 0;  // number, or month 1..12 for a month name
};

int month_from_name(std::string_view word) {
  static constexpr std::array<std::string_view, 12> names = {
      "january", "february", "march", "april", "may", "june",
      "july", "august", "september", "october", "november", "december"};
  std::string lower;
  for (char c : word) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower == "sept") return 9;
  for (std::size_t m = 0; m < names.size(); ++m) {
    // Full names, and abbreviations of at least three letters ("Nov", "Sept").
    if (lower.size() >= 3 && names[m].starts_with(lower)) return static_cast<int>(m) + 1;
  }
  return 0;
}

// Splits "Nov. 15, 2019" into Nov, 15, 2019; ordinal suffixes ("3rd") are
// dropped. Returns false on a word that is neither a number nor a month.
bool tokenize(std::string_view text, std::vector<Token>& tokens, std::vector<char>& separators) {
  std::size_t i = 0;
  char pending_separator = ' ';
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isdigit(c)) {
      std::size_t end = i;
      while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
      Token token{text.substr(i, end - i), true, 0};
      if (end - i > 4) return false;
      std::from_chars(text.data() + i, text.data() + end, token.value);
      std::size_t suffix = end;
      while (suffix < text.size() && std::isalpha(static_cast<unsigned char>(text[suffix]))) ++suffix;
      const std::string_view letters = text.substr(end, suffix - end);
      if (!letters.empty() && letters != "st" && letters != "nd" && letters != "rd" && letters != "th") return false;
      tokens.push_back(token);
      separators.push_back(pending_separator);
      pending_separator = ' ';
      i = suffix;
    } else if (std::isalpha(c)) {
      std::size_t end = i;
      while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
      const int month = month_from_name(text.substr(i, end - i));
      if (month == 0) return false;
      tokens.push_back({text.substr(i, end - i), false, month});
      separators.push_back(pending_separator);
      pending_separator = ' ';
      i = end;
    } else {
      if (c == '/' || c == '-' || c == '.') pending_separator = static_cast<char>(c);
      ++i;
    }
  }
  return !tokens.empty();
}

int full_year(const Token& token) {
  // Two-digit years appear in dated exports ("11/11/21"); read them as 20xx.
  return token.text.size() == 2 ? 2000 + token.value : token.value;
}

bool is_year(const Token& token) {
  return token.numeric && (token.text.size() == 4 || token.text.size() == 2);
}

DateResult make(int y, int m, int d, ParsedDate::Precision precision, std::string_view text) {
  year_month_day date{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (precision == ParsedDate::Precision::Month) {
    date = year_month_day{year_month_day_last{year{y}, month_day_last{month{static_cast<unsigned>(m)}}}};
  } else if (precision == ParsedDate::Precision::Year) {
    date = year{y} / December / 31;
  }
  if (m < 1 || m > 12 || y < 1900 || y > 2200) {
    return {std::nullopt, fmt::format("\"{}\" is not a valid date", text)};
  }
  if (!date.ok()) return {std::nullopt, fmt::format("\"{}\" cannot exist: {} has no day {}", text,
                                                     fmt::format("{:04}-{:02}", y, m), d)};
  return {ParsedDate{date, precision}, {}};
}

// "2026-06-01T10:00:00Z", "2026-06-01 10:00:00 +0100" (Jekyll), TOML's
// "2026-06-01T10:00:00-08:00": the date part, or the text unchanged. The
// day is taken as written, whatever the time zone.
std::string_view date_of_datetime(std::string_view text) {
  const auto digits = [&](std::size_t from, std::size_t count) {
    for (std::size_t i = from; i < from + count; ++i) {
      if (i >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    }
    return true;
  };
  const bool datetime = text.size() >= 16 && digits(0, 4) && text[4] == '-' && digits(5, 2) && text[7] == '-' &&
                        digits(8, 2) && (text[10] == 'T' || text[10] == 't' || text[10] == ' ') && digits(11, 2) &&
                        text[13] == ':' && digits(14, 2);
  return datetime ? text.substr(0, 10) : text;
}

}  // namespace

DateResult parse_date(std::string_view written, DateOrder order) {
  const std::string_view text = date_of_datetime(written);
  std::vector<Token> tokens;
  std::vector<char> separators;
  if (!tokenize(text, tokens, separators) || tokens.size() > 3) {
    return {std::nullopt, fmt::format("\"{}\" is not a date medlint can read", text)};
  }
  using P = ParsedDate::Precision;
  const auto n = tokens.size();
  if (n == 1 && tokens[0].numeric && tokens[0].text.size() == 4) return make(tokens[0].value, 12, 31, P::Year, text);
  if (n == 2) {
    const Token& a = tokens[0];
    const Token& b = tokens[1];
    if (!a.numeric && is_year(b)) return make(full_year(b), a.value, 1, P::Month, text);      // August 2023
    if (a.numeric && a.text.size() == 4 && b.numeric) return make(a.value, b.value, 1, P::Month, text);  // 2023-08
    if (a.numeric && b.numeric && b.text.size() == 4) return make(b.value, a.value, 1, P::Month, text);  // 08/2023
  }
  if (n == 3) {
    const Token& a = tokens[0];
    const Token& b = tokens[1];
    const Token& c = tokens[2];
    if (!a.numeric && b.numeric && is_year(c)) return make(full_year(c), a.value, b.value, P::Day, text);  // March 3, 2026
    if (a.numeric && !b.numeric && is_year(c)) return make(full_year(c), b.value, a.value, P::Day, text);  // 3 March 2026
    if (a.numeric && b.numeric && c.numeric) {
      if (a.text.size() == 4) return make(a.value, b.value, c.value, P::Day, text);  // 2026-03-03
      if (is_year(c)) {
        // A part above 12 can only be the day, whatever the locale says.
        bool day_first = order == DateOrder::DayMonthYear;
        if (a.value > 12) day_first = true;
        else if (b.value > 12) day_first = false;
        return day_first ? make(full_year(c), b.value, a.value, P::Day, text)
                         : make(full_year(c), a.value, b.value, P::Day, text);
      }
    }
  }
  return {std::nullopt, fmt::format("\"{}\" is not a date medlint can read", text)};
}

int months_between(year_month_day from, year_month_day to) {
  if (sys_days{to} < sys_days{from}) return -months_between(to, from);
  int months = (static_cast<int>(to.year()) - static_cast<int>(from.year())) * 12 +
               (static_cast<int>(static_cast<unsigned>(to.month())) - static_cast<int>(static_cast<unsigned>(from.month())));
  if (static_cast<unsigned>(to.day()) < static_cast<unsigned>(from.day())) --months;
  return months;
}

std::string to_iso(year_month_day date) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

year_month_day local_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return std::chrono::year{local.tm_year + 1900} / (local.tm_mon + 1) / local.tm_mday;
}

}  // namespace medlint
