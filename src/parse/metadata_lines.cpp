#include "parse/metadata_lines.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fmt/format.h>
#include <re2/re2.h>

#include "parse/keyword_filter.h"

namespace medlint {
namespace {

// Labels are anchored at the start of the line and the date runs to its end,
// so a sentence that merely mentions reviewing ("we reviewed 20 studies")
// is never read as a review line.
const RE2& reviewed_pattern() {
  static const RE2 pattern(
      R"((?i)^\s*[*_]*((?:page\s+)?(?:last\s+)?(?:medically\s+|clinically\s+)?reviewed|review\s+date|date\s+(?:of\s+)?(?:last\s+)?review(?:ed)?|last\s+review|content\s+last\s+reviewed))"
      R"((?:\s+by\s+(.+?))?(?:[,:]?\s+(?:on|at))?\s*[:\-]?\s*((?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s)[^*_]*?)?[\s.*_]*$)");
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

const RE2& published_pattern() {
  static const RE2 pattern(
      R"((?i)^\s*[*_]*((?:first\s+|originally\s+)?published(?:\s+(?:on|at))?|date\s+published|publication\s+date))"
      R"(\s*[:\-]?\s*((?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s)[^*_]*?)[\s.*_]*$)");
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

// Whether a line names a review, update, publication or due date at all: a
// quick look before the patterns that capture, which most lines never need.
bool names_a_date(std::string_view line) { return may_contain_keyword(line, {"review", "updat", "modif", "publi", "due"}); }

// Each pattern is tried only on a line with its keyword.
std::optional<DateLine> recognize_one(std::string_view line) {
  if (may_contain_keyword(line, {"review"})) {
    if (auto reviewed = match_line(line, reviewed_pattern(), DateMention::Kind::Reviewed, true)) return reviewed;
  }
  if (may_contain_keyword(line, {"review", "due"})) {
    if (auto next = match_line(line, next_review_pattern(), DateMention::Kind::NextReview, false)) return next;
  }
  if (may_contain_keyword(line, {"publi"})) {
    if (auto published = match_line(line, published_pattern(), DateMention::Kind::Published, false)) return published;
  }
  if (!may_contain_keyword(line, {"updat", "modif"})) return std::nullopt;
  return match_line(line, updated_pattern(), DateMention::Kind::Updated, false);
}

// The first letter of a line, past white space and emphasis, lower-cased.
char first_letter(std::string_view line) {
  const std::size_t at = line.find_first_not_of(" \t*_");
  return at == std::string_view::npos ? '\0' : static_cast<char>(std::tolower(static_cast<unsigned char>(line[at])));
}

}  // namespace

std::vector<DateLine> recognize_date_lines(std::string_view line) {
  if (line.size() > 160 || !names_a_date(line)) return {};
  // A second label inside the line ("... 15 March 2026 Next review due: ...",
  // "Updated May 2, 2024 | Reviewed by ..."): split before it when both
  // halves are date lines.
  static const RE2 later_label(
      R"((?i)[\s|\x{00B7}\x{2022},;]((?:next\s+review|review\s+due|(?:last\s+)?updated|(?:first\s+)?published|(?:medically\s+)?reviewed)\b))");
  re2::StringPiece rest(line.data() + 1, line.size() - 1);
  re2::StringPiece label;
  while (RE2::FindAndConsume(&rest, later_label, &label)) {
    std::string_view head = line.substr(0, static_cast<std::size_t>(label.data() - line.data()));
    while (!head.empty() && std::string_view(" \t|,;").find(head.back()) != std::string_view::npos) head.remove_suffix(1);
    for (std::string_view bullet : {"\u00B7", "\u2022"}) {
      if (head.ends_with(bullet)) head.remove_suffix(bullet.size());
    }
    const auto first = recognize_one(head);
    if (!first) continue;
    std::vector<DateLine> tail = recognize_date_lines(line.substr(static_cast<std::size_t>(label.data() - line.data())));
    if (tail.empty()) continue;
    tail.insert(tail.begin(), *first);
    return tail;
  }
  if (auto whole = recognize_one(line)) return {*whole};
  return {};
}

std::optional<DateLabel> recognize_date_label(std::string_view line) {
  if (line.size() > 60 || !names_a_date(line)) return std::nullopt;
  static const RE2 pattern(
      R"((?i)^\s*[*_]*(?:((?:medically\s+|clinically\s+)?reviewed\s+by)|((?:page\s+)?(?:last\s+)?(?:medically\s+)?reviewed(?:\s+on)?|review\s+date)|((?:last\s+)?updated(?:\s+on)?|last\s+modified)|((?:first\s+)?published(?:\s+on)?)|(next\s+review(?:\s+due)?))\s*:?[\s*_]*$)");
  re2::StringPiece by, reviewed, updated, published, next;
  if (!RE2::FullMatch(line, pattern, &by, &reviewed, &updated, &published, &next)) return std::nullopt;
  const auto view = [](re2::StringPiece piece) { return std::string_view(piece.data(), piece.size()); };
  if (!by.empty()) return DateLabel{DateMention::Kind::Reviewed, view(by), true};
  if (!reviewed.empty()) return DateLabel{DateMention::Kind::Reviewed, view(reviewed), false};
  if (!updated.empty()) return DateLabel{DateMention::Kind::Updated, view(updated), false};
  if (!published.empty()) return DateLabel{DateMention::Kind::Published, view(published), false};
  return DateLabel{DateMention::Kind::NextReview, view(next), false};
}

std::optional<std::string_view> recognize_byline(std::string_view line) {
  if (line.size() > 100) return std::nullopt;
  if (const char first = first_letter(line); first != 'b' && first != 'w' && first != 'a') return std::nullopt;
  if (!may_contain_keyword(line, {"by", "author"})) return std::nullopt;
  // Every word of the name capitalized (credentials too), so "By eating
  // well..." and "By 2030, ..." are prose.
  static const RE2 pattern(
      R"((?i:^\s*[*_]*(?:written\s+by|by|author:))\s+([A-Z][\w.'\-]*(?:(?:,?\s+|,\s*)(?:and\s+|&\s+)?[A-Z][\w.'\-]*){0,9})[\s*_]*$)");
  re2::StringPiece name;
  if (!RE2::FullMatch(line, pattern, &name)) return std::nullopt;
  return std::string_view(name.data(), name.size());
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
    document.meta.reviewer = Field{std::string(line.reviewer), span_of(line.reviewer), std::string(line.label)};
  }
}

void read_reference_fields(Reference& reference) {
  static const RE2 url_pattern(R"((https?://[^\s<>"')\]]+[^\s<>"')\].,;]))");
  static const RE2 doi_pattern(R"((?i)\b(10\.\d{4,9}/[^\s"<>]+[^\s"<>.,;]))");
  static const RE2 pmid_pattern(R"((?i)\bPMID:?\s*(\d{1,9})\b)");
  static const RE2 year_pattern(R"(\b((?:19|20)\d\d)\b)");
  std::string value;
  const auto finds = [&](const std::string& text, std::initializer_list<std::string_view> keywords, const RE2& pattern) {
    return may_contain_keyword(text, keywords) && RE2::PartialMatch(text, pattern, &value);
  };
  if (reference.url.empty() && finds(reference.text, {"http"}, url_pattern)) reference.url = value;
  if (reference.doi.empty() && (finds(reference.text, {"10."}, doi_pattern) || finds(reference.url, {"10."}, doi_pattern))) {
    reference.doi = value;
  }
  if (reference.pmid.empty() && finds(reference.text, {"pmid"}, pmid_pattern)) reference.pmid = value;
  if (!reference.year) {
    // The first year outside the URL: citations put the publication year first.
    std::string text = reference.text;
    if (!reference.url.empty()) {
      if (auto at = text.find(reference.url); at != std::string::npos) text.erase(at, reference.url.size());
    }
    if (finds(text, {"19", "20"}, year_pattern)) reference.year = std::stoi(value);
  }
}

namespace {
constexpr std::string_view kReferenceLabels =
    R"((?:references?|sources?|bibliography|citations?|works\s+cited|further\s+reading|sources\s+and\s+references|references\s+and\s+sources))";
}  // namespace

bool is_reference_heading(std::string_view heading) {
  static const RE2 pattern(fmt::format(R"((?i)^\s*{}\s*:?\s*$)", kReferenceLabels));
  return RE2::FullMatch(heading, pattern);
}

std::size_t reference_label_length(std::string_view line) {
  // Most paragraphs start with another word: a look at the first one spares them the pattern.
  const std::size_t begin = line.find_first_not_of(" \t*_");
  if (begin == std::string_view::npos) return 0;
  std::string first_word;
  for (std::size_t i = begin; i < line.size() && i < begin + 13 && std::isalpha(static_cast<unsigned char>(line[i])); ++i) {
    first_word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(line[i]))));
  }
  static constexpr std::string_view kFirstWords[] = {"reference", "references", "source", "sources", "bibliography",
                                                     "citation", "citations", "works", "further"};
  if (std::find(std::begin(kFirstWords), std::end(kFirstWords), first_word) == std::end(kFirstWords)) return 0;
  // "Sources:", "**Sources**", "**Sources:**", "Sources" alone; a colon is
  // required when text follows, so "Sources say..." is prose.
  static const RE2 pattern(fmt::format(R"((?i)^(\s*[*_]{{0,2}}{}(?:[*_]{{0,2}}\s*:[*_]{{0,2}}|[*_]{{0,2}}\s*$)\s*))", kReferenceLabels));
  re2::StringPiece label;
  if (!RE2::PartialMatch(line, pattern, &label)) return 0;
  return label.size();
}

void record_citation_link(Document& document, const Link& link) {
  static const RE2 citable(
      R"((?i)^https?://(?:www\.)?(?:(?:pubmed\.)?ncbi\.nlm\.nih\.gov/(?:pubmed|pmc)|pubmed\.ncbi\.nlm\.nih\.gov|pmc\.ncbi\.nlm\.nih\.gov|europepmc\.org/(?:abstract|article)|(?:dx\.)?doi\.org/10\.))");
  if (!RE2::PartialMatch(link.url, citable)) return;
  Reference cited;
  cited.text = std::string(document.source().slice(link.span));
  cited.url = link.url;
  cited.span = link.span;
  read_reference_fields(cited);
  document.meta.cited_links.push_back(std::move(cited));
}

}  // namespace medlint
