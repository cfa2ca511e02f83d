#include "parse/metadata_lines.h"

#include <charconv>
#include <re2/re2.h>

namespace medlint {
namespace {

// Labels are anchored at the start of the line and the date runs to its end,
// so a sentence that merely mentions reviewing ("we reviewed 20 studies")
// is never read as a review line.
const RE2& reviewed_pattern() {
  static const RE2 pattern(
      R"((?i)^\s*[*_]*((?:page\s+)?(?:last\s+)?(?:medically\s+|clinically\s+)?reviewed|review\s+date|date\s+(?:of\s+)?(?:last\s+)?review(?:ed)?|last\s+review|content\s+last\s+reviewed))"
      R"((?:\s+by\s+(.+?))?(?:[,:]?\s+on)?\s*[:\-]?\s*((?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s)[^*_]*?)?[\s.*_]*$)");
  return pattern;
}

const RE2& updated_pattern() {
  static const RE2 pattern(
      R"((?i)^\s*[*_]*((?:page\s+)?(?:last\s+)?(?:updated|modified)(?:\s+on)?|last\s+modified|date\s+(?:last\s+)?updated))"
      R"(\s*[:\-]?\s*((?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s)[^*_]*?)[\s.*_]*$)");
  return pattern;
}

const RE2& next_review_pattern() {
  static const RE2 pattern(
      R"((?i)^\s*[*_]*(next\s+review(?:\s+(?:due|date))?(?:\s+on)?|review\s+due(?:\s+on)?|due\s+for\s+review(?:\s+on)?))"
      R"(\s*[:\-]?\s*(\S[^*_]*?)[\s.*_]*$)");
  return pattern;
}

std::optional<DateLine> match_line(std::string_view line, const RE2& pattern, DateMention::Kind kind,
                                   bool has_reviewer) {
  if (line.size() > 160) return std::nullopt;
  re2::StringPiece label, reviewer, date;
  const bool matched = has_reviewer ? RE2::FullMatch(line, pattern, &label, &reviewer, &date)
                                    : RE2::FullMatch(line, pattern, &label, &date);
  if (!matched) return std::nullopt;
  if (date.empty() && reviewer.empty()) return std::nullopt;
  DateLine result;
  result.kind = kind;
  result.label = std::string_view(label.data(), label.size());
  result.date = std::string_view(date.data(), date.size());
  result.reviewer = std::string_view(reviewer.data(), reviewer.size());
  while (!result.reviewer.empty() && (result.reviewer.back() == ',' || result.reviewer.back() == ' ')) {
    result.reviewer.remove_suffix(1);
  }
  return result;
}

}  // namespace

std::optional<DateLine> recognize_date_line(std::string_view line) {
  if (auto reviewed = match_line(line, reviewed_pattern(), DateMention::Kind::Reviewed, true)) return reviewed;
  if (auto next = match_line(line, next_review_pattern(), DateMention::Kind::NextReview, false)) return next;
  return match_line(line, updated_pattern(), DateMention::Kind::Updated, false);
}

void record_date_line(Document& document, const DateLine& line, std::string_view text, std::size_t offset) {
  const auto span_of = [&](std::string_view part) {
    const std::size_t begin = offset + static_cast<std::size_t>(part.data() - text.data());
    return Span{begin, begin + part.size()};
  };
  if (!line.date.empty()) {
    DateMention mention;
    mention.kind = line.kind;
    mention.raw = std::string(line.date);
    mention.label = std::string(line.label);
    mention.span = span_of(line.date);
    document.meta.dates.push_back(std::move(mention));
  }
  if (!line.reviewer.empty() && !document.meta.reviewer) {
    document.meta.reviewer = Field{std::string(line.reviewer), span_of(line.reviewer)};
  }
}

void read_reference_fields(Reference& reference) {
  static const RE2 url_pattern(R"((https?://[^\s<>"')\]]+[^\s<>"')\].,;]))");
  static const RE2 doi_pattern(R"((?i)\b(10\.\d{4,9}/[^\s"<>]+[^\s"<>.,;]))");
  static const RE2 pmid_pattern(R"((?i)\bPMID:?\s*(\d{1,9})\b)");
  static const RE2 year_pattern(R"(\b((?:19|20)\d\d)\b)");
  std::string value;
  if (reference.url.empty() && RE2::PartialMatch(reference.text, url_pattern, &value)) reference.url = value;
  if (reference.doi.empty() && RE2::PartialMatch(reference.text, doi_pattern, &value)) reference.doi = value;
  if (reference.pmid.empty() && RE2::PartialMatch(reference.text, pmid_pattern, &value)) reference.pmid = value;
  if (!reference.year) {
    // The first year outside the URL: citations put the publication year first.
    std::string text = reference.text;
    if (!reference.url.empty()) {
      if (auto at = text.find(reference.url); at != std::string::npos) text.erase(at, reference.url.size());
    }
    if (RE2::PartialMatch(text, year_pattern, &value)) reference.year = std::stoi(value);
  }
}

bool is_reference_heading(std::string_view heading) {
  static const RE2 pattern(
      R"((?i)^\s*(references?|sources?|bibliography|citations?|works\s+cited|further\s+reading|sources\s+and\s+references|references\s+and\s+sources)\s*:?\s*$)");
  return RE2::FullMatch(heading, pattern);
}

}  // namespace medlint
