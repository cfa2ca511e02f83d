// Plain-text article exports: structure is inferred line by line; each
// heuristic is described in docs/formats.md.
#include <algorithm>
#include <cctype>
#include <set>
#include <re2/re2.h>

#include "medlint/parse.h"
#include "parse/document_builder.h"
#include "parse/keyword_filter.h"
#include "parse/metadata_lines.h"
#include "parse/reader_problems.h"

namespace medlint {
namespace {

enum class LineKind {
  Prose,
  Bullet,
  DateLine,        // "Medically Reviewed on 03/01/2026"
  DateLabel,       // "Medically reviewed by", its value on the next line
  Byline,          // "By Jane Doe, MD"
  ReferenceLabel,  // "Sources", "References:", "Sources: CDC"
  RelatedLabel,    // "Related Articles", "See also"
  Credit,
  NonEditorial,
};

struct Line {
  Span span;  // trimmed
  int indent = 0;
  LineKind kind = LineKind::Prose;
};

using Paragraph = std::vector<Line>;

// A list marker ("-", "*", "+", a pasted bullet such as "•", "1.", "12)")
// followed by white space and text; sets the length of marker and space.
bool is_bullet(std::string_view text, std::size_t& marker_length) {
  if (const std::size_t pasted = pasted_bullet_length(text)) {
    marker_length = pasted;
    return true;
  }
  std::size_t marker = 0;
  for (std::string_view symbol : {"-", "*", "+"}) {
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
  if (!may_contain_keyword(text, {"image", "photo", "picture", "illustration"})) return false;
  static const RE2 pattern(R"((?i)^(image|photo|picture|illustration)s?\s*(source|credit)?s?\s*:)");
  return RE2::PartialMatch(text, pattern);
}

// Advertising and navigation that scrapers keep: slideshow teasers, sponsor
// blocks. They are not the article's prose.
bool is_non_editorial(std::string_view text) {
  if (text.size() > 200) return false;
  if (!may_contain_keyword(text, {"slideshow", "sponsor", "advertisement", "continue", "read", "quiz", "answer"})) return false;
  static const RE2 pattern(
      R"((?i)(see\s+slideshow\s*$|from\s+our\s+sponsors\s*$|^\s*(sponsored(\s+content)?|advertisement|continue\s+reading(\s+below)?|read\s+more|take\s+the\s+quiz)\s*:?\s*$|see\s+(the\s+)?(slideshow|quiz|answer)\s*$))");
  return RE2::PartialMatch(text, pattern);
}

// A label that introduces links to other pages ("Related Articles", "See
// also:"), not the article's sources.
bool is_related_label(std::string_view text) {
  if (text.size() > 60) return false;
  if (!may_contain_keyword(text, {"related", "see", "more", "you", "popular"})) return false;
  static const RE2 pattern(
      R"((?i)^\s*(related(\s+(articles?|pages?|topics?|content|stories|conditions|links))?|see\s+also|more\s+(on\s+this\s+topic|from\s+\S+(\s+\S+)?)|you\s+may\s+also\s+like|popular\s+articles?)\s*:?\s*$)");
  return RE2::FullMatch(text, pattern);
}

// The site's end matter: disclaimers and copyright lines. Asked only of
// lines near the end: most lines never need it.
bool is_disclaimer(std::string_view text) {
  if (!may_contain_keyword(text, {"disclaimer", "\u00A9", "copyright", "(c)", "rights", "substitute", "informational", "advice"})) {
    return false;
  }
  static const RE2 pattern(
      R"((?i)(^\s*(disclaimer|medical\s+disclaimer)\b|^\s*(\x{00A9}|copyright\b|\(c\)\s*(19|20)\d\d)|all\s+rights\s+reserved|not\s+(intended|meant)\s+(as|to\s+be)\s+a\s+substitute|is\s+not\s+a\s+substitute\s+for\s+professional|for\s+informational\s+purposes\s+only|does\s+not\s+provide\s+medical\s+advice))");
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

// Whether a line is article body rather than end matter: long, at least
// two sentences, and nothing of a citation about it (a link, a DOI or PMID,
// a year as citations write it). Reference entries are short or cite.
bool reads_as_body(std::string_view text) {
  if (text.size() < 120) return false;
  static const RE2 second_sentence(R"([.!?]["')\x{201D}]?\s+["\x{201C}]?[A-Z])");
  static const RE2 citation(
      R"((?i)(https?://|www\.|\bdoi\b|\bpmid\b|\b(19|20)\d\d\s*[;.):]|\((19|20)\d\d\)|\baccessed\b|\bretrieved\b|\bet\s+al\b))");
  return RE2::PartialMatch(text, second_sentence) && !RE2::PartialMatch(text, citation);
}

// Lines that can start the article's end matter.
bool starts_end_matter(LineKind kind) {
  return kind == LineKind::DateLine || kind == LineKind::DateLabel || kind == LineKind::ReferenceLabel ||
         kind == LineKind::RelatedLabel;
}

class PlainTextParser {
 public:
  explicit PlainTextParser(Document& document) : document_(document), text_(document.source().text()), builder_(document) {}

  void run() {
    read_paragraphs();
    end_matter_start_ = find_end_matter();
    std::size_t next = 0;
    if (!paragraphs_.empty()) next = read_title_and_summary();
    for (; next < paragraphs_.size(); ++next) {
      if (next == end_matter_start_) in_end_matter_ = true;
      read_paragraph(next);
    }
    builder_.finish();
  }

 private:
  // What the lines of the end matter are, set by the label above them.
  enum class EndMatterList { None, References, Related };

  void read_paragraphs() {
    const SourceFile& source = document_.source();
    Paragraph current;
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

  // The article's end matter (review line, sources, related links,
  // disclaimer, copyright) starts at the first paragraph that opens with
  // such a line and after which no body text follows: a byline or date
  // line above the body does not end it.
  std::size_t find_end_matter() const {
    std::size_t start = paragraphs_.size();
    for (std::size_t index = paragraphs_.size(); index-- > 1;) {
      const Paragraph& lines = paragraphs_[index];
      const bool body = std::any_of(lines.begin(), lines.end(), [&](const Line& line) {
        return (line.kind == LineKind::Prose || line.kind == LineKind::Bullet) && reads_as_body(view(line.span)) &&
               !is_disclaimer(view(line.span));
      });
      if (body) break;
      const Line& first = lines.front();
      if (starts_end_matter(first.kind) || (first.kind == LineKind::Prose && is_disclaimer(view(first.span)))) {
        start = index;
      }
    }
    return start;
  }

  std::string_view view(Span span) const { return text_.substr(span.begin, span.size()); }

  // The first line is the title; the rest of its paragraph, or else the
  // next paragraph (past lines of metadata), is the summary.
  std::size_t read_title_and_summary() {
    const Paragraph& first = paragraphs_[0];
    add_prose_block(BlockKind::Title, {first[0]}, 0);
    document_.meta.title = Field{std::string(view(first[0].span)), first[0].span, "first line"};
    Paragraph rest(first.begin() + 1, first.end());
    const auto prose_end = std::find_if(rest.begin(), rest.end(), [](const Line& line) { return line.kind != LineKind::Prose; });
    if (prose_end != rest.begin()) {
      add_summary(Paragraph(rest.begin(), prose_end));
      read_lines(Paragraph(prose_end, rest.end()), 0);
      return 1;
    }
    read_lines(rest, 0);
    std::size_t next = 1;
    while (next < paragraphs_.size() && next < end_matter_start_ && is_metadata(paragraphs_[next])) {
      read_lines(paragraphs_[next], next);
      ++next;
    }
    if (next < paragraphs_.size() && next < end_matter_start_ && paragraphs_[next][0].kind == LineKind::Prose &&
        !(paragraphs_[next].size() == 1 && looks_like_heading(view(paragraphs_[next][0].span)))) {
      add_summary(paragraphs_[next]);
      ++next;
    }
    return next;
  }

  static bool is_metadata(const Paragraph& lines) {
    return std::all_of(lines.begin(), lines.end(), [](const Line& line) {
      return line.kind == LineKind::DateLine || line.kind == LineKind::DateLabel || line.kind == LineKind::Byline ||
             line.kind == LineKind::Credit;
    });
  }

  void add_summary(const Paragraph& summary) {
    add_prose_block(BlockKind::Summary, summary, 0);
    const Span span{summary.front().span.begin, summary.back().span.end};
    document_.meta.summary = Field{std::string(view(span)), span, "paragraph after the title"};
  }

  LineKind classify(Span span) const {
    const std::string_view text = view(span);
    std::size_t marker = 0;
    if (!recognize_date_lines(text).empty()) return LineKind::DateLine;
    if (recognize_date_label(text)) return LineKind::DateLabel;
    if (reference_label_length(text) > 0) return LineKind::ReferenceLabel;
    if (recognize_byline(text)) return LineKind::Byline;
    if (is_credit(text)) return LineKind::Credit;
    if (is_related_label(text)) return LineKind::RelatedLabel;
    if (is_non_editorial(text)) return LineKind::NonEditorial;
    if (is_bullet(text, marker)) return LineKind::Bullet;
    return LineKind::Prose;
  }

  void read_paragraph(std::size_t index) {
    const Paragraph& lines = paragraphs_[index];
    const std::string_view first = view(lines[0].span);
    // Inside a reference list, short standalone lines are entries, not headings.
    const bool standalone_heading = lines.size() == 1 && !in_list_of_references() && lines[0].kind == LineKind::Prose &&
                                    looks_like_heading(first) && index + 1 < paragraphs_.size() && !in_end_matter_;
    if (standalone_heading) {
      add_prose_block(BlockKind::Heading, lines, first.back() == '?' ? 2 : 3);
      in_references_ = false;
      return;
    }
    read_lines(lines, index);
  }

  bool in_list_of_references() const {
    return in_references_ || (in_end_matter_ && end_matter_list_ == EndMatterList::References);
  }

  // The lines of one paragraph (or part of one), line kind by line kind.
  void read_lines(const Paragraph& lines, std::size_t paragraph) {
    Paragraph prose;
    auto flush_prose = [&] {
      if (prose.empty()) return;
      if (in_list_of_references()) {
        // A disclaimer or copyright line below the sources is not one of them.
        for (const Line& line : prose) {
          if (in_end_matter_ && is_disclaimer(view(line.span))) {
            add_non_prose(BlockKind::NonEditorial, line.span);
          } else {
            add_reference(line.span);
          }
        }
      } else if (in_end_matter_) {
        for (const Line& line : prose) add_non_prose(BlockKind::NonEditorial, line.span);
      } else {
        add_prose_block(BlockKind::Paragraph, prose, 0);
      }
      prose.clear();
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const Line& line = lines[i];
      if (consumed_.count(line.span.begin)) continue;
      if (line.kind != LineKind::Prose) flush_prose();
      switch (line.kind) {
        case LineKind::Prose:
          prose.push_back(line);
          break;
        case LineKind::Bullet: {
          // Indented lines that follow without a marker continue the item.
          Paragraph item{line};
          while (i + 1 < lines.size() && lines[i + 1].indent > line.indent && lines[i + 1].kind == LineKind::Prose) {
            item.push_back(lines[++i]);
          }
          add_list_item(item);
          break;
        }
        case LineKind::DateLine:
          add_date_line(line.span);
          break;
        case LineKind::DateLabel:
          add_date_label(line, i + 1 < lines.size() ? &lines[i + 1] : next_paragraph_line(paragraph));
          break;
        case LineKind::Byline:
          add_byline(line.span);
          break;
        case LineKind::ReferenceLabel:
          add_reference_label(line.span, lines.size() == 1);
          break;
        case LineKind::RelatedLabel:
          add_non_prose(BlockKind::NonEditorial, line.span);
          in_references_ = false;
          end_matter_list_ = EndMatterList::Related;
          break;
        case LineKind::NonEditorial:
          add_non_prose(BlockKind::NonEditorial, line.span);
          break;
        case LineKind::Credit:
          add_non_prose(BlockKind::Credit, line.span);
          break;
      }
    }
    flush_prose();
  }

  const Line* next_paragraph_line(std::size_t paragraph) const {
    return paragraph + 1 < paragraphs_.size() ? &paragraphs_[paragraph + 1][0] : nullptr;
  }

  void add_non_prose(BlockKind kind, Span span) {
    builder_.begin_block(kind, span);
    builder_.end_block();
  }

  void add_prose_block(BlockKind kind, const Paragraph& lines, int level) {
    builder_.begin_block(kind, {lines.front().span.begin, lines.back().span.end}, level);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) builder_.add_synthetic(" ", {lines[i - 1].span.end, lines[i].span.begin});
      builder_.add_text(lines[i].span);
    }
    builder_.end_block();
  }

  void add_list_item(Paragraph lines) {
    std::size_t marker = 0;
    is_bullet(view(lines[0].span), marker);
    const Span whole{lines.front().span.begin, lines.back().span.end};
    if (in_list_of_references()) {
      add_reference({lines[0].span.begin + marker, whole.end});
      return;
    }
    if (in_end_matter_) {
      add_non_prose(BlockKind::NonEditorial, whole);
      return;
    }
    lines[0].span.begin += marker;
    add_prose_block(BlockKind::ListItem, lines, 1 + lines[0].indent / 4);
    document_.blocks.back().span = whole;
  }

  // A review line opens the reference list in the end matter, as exports
  // put the sources right after it.
  void add_date_line(Span span) {
    const std::string_view text = view(span);
    add_non_prose(BlockKind::ReviewLine, span);
    for (const DateLine& line : recognize_date_lines(text)) record_date_line(document_, line, text, span.begin);
    if (in_end_matter_) end_matter_list_ = EndMatterList::References;
  }

  // "Medically reviewed by" with the name on the next line; "Updated:" with the date.
  void add_date_label(const Line& label_line, const Line* value_line) {
    const std::string_view text = view(label_line.span);
    const DateLabel label = *recognize_date_label(text);
    add_non_prose(BlockKind::ReviewLine, label_line.span);
    if (in_end_matter_) end_matter_list_ = EndMatterList::References;
    if (!value_line || value_line->kind != LineKind::Prose || value_line->span.size() > 100) return;
    consumed_.insert(value_line->span.begin);
    add_non_prose(BlockKind::ReviewLine, value_line->span);
    const std::string_view value = view(value_line->span);
    if (label.names_person) {
      if (!document_.meta.reviewer) document_.meta.reviewer = Field{std::string(value), value_line->span, std::string(label.label)};
      return;
    }
    DateMention mention;
    mention.kind = label.kind;
    mention.raw = std::string(value);
    mention.label = std::string(label.label);
    mention.span = value_line->span;
    document_.meta.dates.push_back(std::move(mention));
  }

  void add_byline(Span span) {
    add_non_prose(BlockKind::Byline, span);
    const std::string_view text = view(span);
    const std::string_view name = *recognize_byline(text);
    const std::size_t begin = span.begin + static_cast<std::size_t>(name.data() - text.data());
    if (!document_.meta.author) document_.meta.author = Field{std::string(name), {begin, begin + name.size()}, "byline"};
  }

  // "Sources" alone heads the list below it; "Sources: CDC; NIH" also
  // carries an entry of its own.
  void add_reference_label(Span span, bool alone) {
    const std::size_t label = reference_label_length(view(span));
    in_references_ = true;
    end_matter_list_ = EndMatterList::References;
    if (label < span.size()) {
      add_reference({span.begin + label, span.end});
    } else if (alone) {
      add_prose_block(BlockKind::Heading, {Line{span, 0, LineKind::ReferenceLabel}}, 2);
    } else {
      add_non_prose(BlockKind::NonEditorial, span);
    }
  }

  void add_reference(Span span) {
    add_non_prose(BlockKind::Reference, span);
    Reference reference;
    reference.text = std::string(view(span));
    reference.span = span;
    read_reference_fields(reference);
    document_.meta.references.push_back(std::move(reference));
  }

  Document& document_;
  std::string_view text_;
  DocumentBuilder builder_;
  std::vector<Paragraph> paragraphs_;
  std::size_t end_matter_start_ = 0;
  bool in_end_matter_ = false;
  EndMatterList end_matter_list_ = EndMatterList::None;
  bool in_references_ = false;  // under a "References" heading in the body
  std::set<std::size_t> consumed_;  // lines read as a label's value
};

}  // namespace

Document parse_plain_text(std::shared_ptr<const SourceFile> source) {
  Document document(std::move(source), Format::PlainText);
  PlainTextParser(document).run();
  add_reader_problems(document);
  return document;
}

}  // namespace medlint
