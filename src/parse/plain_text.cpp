// Plain-text article exports: structure is inferred line by line; each
// heuristic is described in docs/formats.md.
#include <cctype>
#include <re2/re2.h>

#include "medlint/parse.h"
#include "parse/document_builder.h"
#include "parse/metadata_lines.h"
#include "parse/reader_problems.h"

namespace medlint {
namespace {

enum class LineKind { Prose, Bullet, DateLine, Credit, NonEditorial };

struct Line {
  Span span;  // trimmed
  int indent = 0;
  LineKind kind = LineKind::Prose;
};

// A list marker ("-", "*", "+", "•", "▪", "◦", "‣", "·", "1.", "12)")
// followed by white space and text; sets the length of marker and space.
bool is_bullet(std::string_view text, std::size_t& marker_length) {
  std::size_t marker = 0;
  for (std::string_view symbol : {"-", "*", "+", "\u2022", "\u25AA", "\u25E6", "\u2023", "\u00B7"}) {
    if (text.starts_with(symbol)) marker = symbol.size();
  }
  if (marker == 0) {
    while (marker < text.size() && marker < 3 && std::isdigit(static_cast<unsigned char>(text[marker]))) ++marker;
    if (marker == 0 || marker >= text.size() || (text[marker] != '.' && text[marker] != ')')) return false;
    ++marker;
  }
  std::size_t end = marker;
  while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
  if (end == marker || end == text.size()) return false;
  marker_length = end;
  return true;
}

bool is_credit(std::string_view text) {
  if (text.size() > 200 || text.find(':') == std::string_view::npos) return false;
  static const RE2 pattern(R"((?i)^(image|photo|picture|illustration)s?\s*(source|credit)?s?\s*:)");
  return RE2::PartialMatch(text, pattern);
}

// Advertising and navigation that scrapers keep: slideshow teasers, sponsor
// blocks. They are not the article's prose.
bool is_non_editorial(std::string_view text) {
  if (text.size() > 200) return false;
  static const RE2 pattern(
      R"((?i)(see\s+slideshow\s*$|from\s+our\s+sponsors\s*$|^\s*(sponsored(\s+content)?|advertisement|continue\s+reading(\s+below)?|related\s+articles?|read\s+more|take\s+the\s+quiz)\s*:?\s*$|see\s+(the\s+)?(slideshow|quiz|answer)\s*$))");
  return RE2::PartialMatch(text, pattern);
}

// A short standalone line without final punctuation (or ending in "?")
// reads as a heading when body text follows it.
bool looks_like_heading(std::string_view text) {
  if (text.size() > 100 || text.empty()) return false;
  int words = 1;
  for (char c : text) words += c == ' ' ? 1 : 0;
  if (words > 14) return false;
  const char last = text.back();
  return last == '?' || !(last == '.' || last == '!' || last == ':' || last == ';' || last == ',');
}

class PlainTextParser {
 public:
  explicit PlainTextParser(Document& document) : document_(document), text_(document.source().text()), builder_(document) {}

  void run() {
    read_paragraphs();
    std::size_t next = 0;
    if (!paragraphs_.empty()) next = read_title_and_summary();
    for (; next < paragraphs_.size(); ++next) read_paragraph(next);
    builder_.finish();
  }

 private:
  void read_paragraphs() {
    const SourceFile& source = document_.source();
    std::vector<Line> current;
    for (int number = 1; number <= source.line_count(); ++number) {
      const Span raw = source.line_span(number);
      const Span trimmed = trim(text_, raw);
      if (trimmed.empty()) {
        if (!current.empty()) paragraphs_.push_back(std::move(current));
        current.clear();
        continue;
      }
      int indent = 0;
      for (std::size_t i = raw.begin; i < trimmed.begin; ++i) indent += text_[i] == '\t' ? 4 : 1;
      current.push_back({trimmed, indent, classify(trimmed)});
    }
    if (!current.empty()) paragraphs_.push_back(std::move(current));
  }

  std::string_view view(Span span) const { return text_.substr(span.begin, span.size()); }

  // The first line is the title; the rest of its paragraph, or else the
  // next paragraph, is the summary.
  std::size_t read_title_and_summary() {
    const std::vector<Line>& first = paragraphs_[0];
    add_prose_block(BlockKind::Title, {first[0]}, 0);
    document_.meta.title = Field{std::string(view(first[0].span)), first[0].span};
    std::vector<Line> summary(first.begin() + 1, first.end());
    std::size_t next = 1;
    if (summary.empty() && paragraphs_.size() > 1 && paragraphs_[1][0].kind == LineKind::Prose &&
        paragraphs_[1].size() >= 1 && !(paragraphs_[1].size() == 1 && looks_like_heading(view(paragraphs_[1][0].span)))) {
      summary = paragraphs_[1];
      next = 2;
    }
    if (!summary.empty()) {
      add_prose_block(BlockKind::Summary, summary, 0);
      const Span span{summary.front().span.begin, summary.back().span.end};
      document_.meta.summary = Field{std::string(view(span)), span};
    }
    return next;
  }

  LineKind classify(Span span) const {
    const std::string_view text = view(span);
    std::size_t marker = 0;
    if (recognize_date_line(text)) return LineKind::DateLine;
    if (is_credit(text)) return LineKind::Credit;
    if (is_non_editorial(text)) return LineKind::NonEditorial;
    if (is_bullet(text, marker)) return LineKind::Bullet;
    return LineKind::Prose;
  }

  void read_paragraph(std::size_t index) {
    const std::vector<Line>& lines = paragraphs_[index];
    const bool standalone = lines.size() == 1;
    const std::string_view first = view(lines[0].span);
    // Inside the reference list, short standalone lines are entries, not headings.
    const bool in_reference_list = in_references_ || after_review_;
    if (standalone && !in_reference_list && lines[0].kind == LineKind::Prose &&
        looks_like_heading(first) && index + 1 < paragraphs_.size()) {
      const bool references = is_reference_heading(first);
      add_prose_block(BlockKind::Heading, lines, first.back() == '?' || references ? 2 : 3);
      in_references_ = references;
      return;
    }
    std::vector<Line> prose;
    auto flush_prose = [&] {
      if (prose.empty()) return;
      if (in_reference_list) {
        for (const Line& line : prose) add_reference(line.span);
      } else {
        add_prose_block(BlockKind::Paragraph, prose, 0);
      }
      prose.clear();
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const Line& line = lines[i];
      switch (line.kind) {
        case LineKind::Prose:
          prose.push_back(line);
          break;
        case LineKind::Bullet: {
          flush_prose();
          // Indented lines that follow without a marker continue the item.
          std::vector<Line> item{line};
          while (i + 1 < lines.size() && lines[i + 1].indent > line.indent &&
                 lines[i + 1].kind == LineKind::Prose) {
            item.push_back(lines[++i]);
          }
          add_list_item(item);
          break;
        }
        case LineKind::DateLine:
          flush_prose();
          add_date_line(line.span);
          break;
        case LineKind::Credit:
          flush_prose();
          builder_.begin_block(BlockKind::Credit, line.span);
          builder_.end_block();
          break;
        case LineKind::NonEditorial:
          flush_prose();
          builder_.begin_block(BlockKind::NonEditorial, line.span);
          builder_.end_block();
          break;
      }
    }
    flush_prose();
  }

  void add_prose_block(BlockKind kind, const std::vector<Line>& lines, int level) {
    builder_.begin_block(kind, {lines.front().span.begin, lines.back().span.end}, level);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) builder_.add_synthetic(" ", {lines[i - 1].span.end, lines[i].span.begin});
      builder_.add_text(lines[i].span);
    }
    builder_.end_block();
  }

  void add_list_item(std::vector<Line> lines) {
    std::size_t marker = 0;
    is_bullet(view(lines[0].span), marker);
    const Span whole{lines.front().span.begin, lines.back().span.end};
    if (in_references_ || after_review_) {
      add_reference({lines[0].span.begin + marker, whole.end});
      return;
    }
    lines[0].span.begin += marker;
    const int level = 1 + lines[0].indent / 4;
    builder_.begin_block(BlockKind::ListItem, whole, level);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) builder_.add_synthetic(" ", {lines[i - 1].span.end, lines[i].span.begin});
      builder_.add_text(lines[i].span);
    }
    builder_.end_block();
  }

  void add_date_line(Span span) {
    const std::string_view text = view(span);
    const DateLine line = *recognize_date_line(text);
    builder_.begin_block(BlockKind::ReviewLine, span);
    builder_.end_block();
    record_date_line(document_, line, text, span.begin);
    if (line.kind == DateMention::Kind::Reviewed) after_review_ = true;
  }

  void add_reference(Span span) {
    builder_.begin_block(BlockKind::Reference, span);
    builder_.end_block();
    Reference reference;
    reference.text = std::string(view(span));
    reference.span = span;
    read_reference_fields(reference);
    document_.meta.references.push_back(std::move(reference));
  }

  Document& document_;
  std::string_view text_;
  DocumentBuilder builder_;
  std::vector<std::vector<Line>> paragraphs_;
  bool in_references_ = false;
  bool after_review_ = false;
};

}  // namespace

Document parse_plain_text(std::shared_ptr<const SourceFile> source) {
  Document document(std::move(source), Format::PlainText);
  PlainTextParser(document).run();
  add_reader_problems(document);
  return document;
}

}  // namespace medlint
