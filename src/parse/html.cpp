#include "parse/html.h"

#include <gumbo.h>
#include <re2/re2.h>

#include "medlint/parse.h"
#include "parse/metadata_lines.h"
#include "parse/reader_problems.h"

namespace medlint {
namespace {

bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Length of the UTF-8 sequence that starts with `lead`.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  return 4;
}

// Length of the character reference at the start of `text` ("&amp;",
// "&#39;", "&nbsp" without its semicolon), or 0.
std::size_t reference_length(std::string_view text) {
  std::size_t end = 1;
  if (end < text.size() && text[end] == '#') ++end;
  while (end < text.size() && end < 40 && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
  if (end == 1) return 0;
  if (end < text.size() && text[end] == ';') ++end;
  return end;
}

bool skipped_element(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEAD:
      return true;
    default:
      return false;
  }
}

// An element browsers do not display: `hidden`, or a style saying so.
bool hidden_element(const GumboElement& element) {
  if (gumbo_get_attribute(&element.attributes, "hidden")) return true;
  const GumboAttribute* style = gumbo_get_attribute(&element.attributes, "style");
  return style && style_hides(style->value);
}

// Elements whose start and end separate blocks of text.
bool is_block_element(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_HR: case GUMBO_TAG_BODY: case GUMBO_TAG_HTML:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
      return true;
    default:
      return false;
  }
}

int heading_level(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1: return 1;
    case GUMBO_TAG_H2: return 2;
    case GUMBO_TAG_H3: return 3;
    case GUMBO_TAG_H4: return 4;
    case GUMBO_TAG_H5: return 5;
    case GUMBO_TAG_H6: return 6;
    default: return 0;
  }
}

class HtmlWalker {
 public:
  HtmlWalker(Document& document, DocumentBuilder& builder, const HtmlReading& reading)
      : document_(document), builder_(builder), text_(document.source().text()), reading_(reading),
        references_level_(reading.in_references ? kReferencesUntilAnyHeading : 0) {}

  void walk(const GumboNode* node) {
    switch (node->type) {
      case GUMBO_NODE_DOCUMENT:
        walk_children(node->v.document.children);
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        element(node);
        break;
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        text(node->v.text);
        break;
      case GUMBO_NODE_COMMENT:
        comment(node->v.text);
        break;
    }
  }

  void finish() { end_block(); }

 private:
  static constexpr int kReferencesUntilAnyHeading = 7;

  void walk_children(const GumboVector& children) {
    for (unsigned i = 0; i < children.length; ++i) walk(static_cast<const GumboNode*>(children.data[i]));
  }

  std::size_t offset_of(const char* pointer) const { return static_cast<std::size_t>(pointer - text_.data()); }

  // The element from its start tag to the end of its end tag, as written.
  std::optional<Span> element_span(const GumboElement& element) const {
    if (element.original_tag.length == 0) return std::nullopt;
    const std::size_t begin = offset_of(element.original_tag.data);
    std::size_t end = begin + element.original_tag.length;
    if (element.original_end_tag.length > 0) end = offset_of(element.original_end_tag.data) + element.original_end_tag.length;
    return Span{begin, end};
  }

  void element(const GumboNode* node) {
    const GumboElement& element = node->v.element;
    const GumboTag tag = element.tag;
    if (tag == GUMBO_TAG_TITLE) {
      read_page_title(element);
      return;
    }
    if (skipped_element(tag) || hidden_element(element)) {
      // The head holds the page title; the rest of it is not text.
      if (tag == GUMBO_TAG_HEAD) walk_children(element.children);
      if (tag != GUMBO_TAG_HEAD) {
        end_block();
        if (const auto span = element_span(element)) add_non_prose(BlockKind::Html, *span);
      }
      return;
    }
    if (tag == GUMBO_TAG_BR) {
      note_space(element_span(element));
      return;
    }
    const bool block = is_block_element(tag);
    if (block) end_block();
    const int level = heading_level(tag);
    if (level > 0) {
      if (level <= references_level_) references_level_ = 0;
      // A page's first <h1> names it better than its <title> ("... | Site").
      const bool title = level == 1 && !title_from_heading_ &&
                         (!document_.meta.title || document_.meta.title->origin == "<title>");
      title_from_heading_ = title_from_heading_ || level == 1;
      open(title ? BlockKind::Title : BlockKind::Heading, level);
    }
    const BlockKind saved_context = context_;
    const int saved_depth = list_depth_;
    switch (tag) {
      case GUMBO_TAG_UL: case GUMBO_TAG_OL: ++list_depth_; break;
      case GUMBO_TAG_LI: context_ = BlockKind::ListItem; break;
      case GUMBO_TAG_TD: case GUMBO_TAG_TH: context_ = BlockKind::TableCell; break;
      case GUMBO_TAG_BLOCKQUOTE: context_ = BlockKind::BlockQuote; break;
      case GUMBO_TAG_PRE: context_ = BlockKind::Code; break;
      default: break;
    }
    const bool link = tag == GUMBO_TAG_A;
    if (link) begin_link(element);
    walk_children(element.children);
    if (link) end_link();
    if (block) end_block();
    context_ = saved_context;
    list_depth_ = saved_depth;
  }

  void read_page_title(const GumboElement& element) {
    if (document_.meta.title || element.children.length != 1) return;
    const auto* child = static_cast<const GumboNode*>(element.children.data[0]);
    if (child->type != GUMBO_NODE_TEXT) return;
    const GumboText& text = child->v.text;
    const std::size_t begin = offset_of(text.original_text.data);
    document_.meta.title = Field{text.text, trim(text_, {begin, begin + text.original_text.length}), "<title>"};
  }

  void begin_link(const GumboElement& element) {
    const GumboAttribute* href = gumbo_get_attribute(&element.attributes, "href");
    if (!href) return;
    open_link_ = document_.links.size();
    document_.links.push_back({{kUnstarted, kUnstarted}, href->value});
    if (block_url_.empty()) block_url_ = href->value;
  }

  void end_link() {
    if (!open_link_) return;
    Link& link = document_.links[*open_link_];
    open_link_.reset();
    if (link.span.begin == kUnstarted) link.span = {last_end_, last_end_};
    if (builder_.block_open() && is_prose(builder_.current().kind)) record_citation_link(document_, link);
  }

  void comment(const GumboText& text) {
    if (!reading_.keep_comments) return;
    const std::size_t begin = offset_of(text.original_text.data);
    std::string inner = text.text;
    const Span trimmed = trim(inner, {0, inner.size()});
    document_.comments.push_back({inner.substr(trimmed.begin, trimmed.size()), {begin, begin + text.original_text.length}});
  }

  // The kind of block loose text opens here.
  BlockKind prose_kind() const {
    if (references_level_ > 0 && context_ != BlockKind::Code) return BlockKind::Reference;
    return context_;
  }

  void open(BlockKind kind, int level) {
    end_block();
    builder_.begin_block(kind, {kUnstarted, kUnstarted}, level);
    block_text_.clear();
    block_url_.clear();
    pending_space_.reset();
  }

  void note_space(std::optional<Span> where) {
    if (builder_.block_open() && !pending_space_) pending_space_ = where.value_or(Span{last_end_, last_end_});
  }

  // A text node: literal runs keep their source bytes; each character
  // reference and each run of white space stands for the bytes it replaces.
  void text(const GumboText& node) {
    const std::string_view original(node.original_text.data, node.original_text.length);
    const std::string_view decoded(node.text);
    const std::size_t base = offset_of(original.data());
    if (decoded.find_first_not_of(" \t\n\r\f") == std::string_view::npos) {
      note_space(Span{base, base + original.size()});
      return;
    }
    if (!builder_.block_open()) open(prose_kind(), context_ == BlockKind::ListItem ? list_depth_ : 0);
    std::size_t i = 0;
    std::size_t j = 0;
    std::size_t literal = 0;  // start of the literal run in `original`
    const auto flush_literal = [&] {
      if (i > literal) add_source({base + literal, base + i}, original.substr(literal, i - literal));
    };
    while (i < original.size() && j < decoded.size()) {
      if (is_html_space(original[i]) && is_html_space(decoded[j])) {
        flush_literal();
        const std::size_t begin = i;
        while (i < original.size() && is_html_space(original[i])) ++i;
        while (j < decoded.size() && is_html_space(decoded[j])) ++j;
        note_space(Span{base + begin, base + i});
        literal = i;
      } else if (original[i] == '&' && (decoded[j] != '&' || reference_length(original.substr(i)) > 1)) {
        flush_literal();
        const std::size_t length = reference_length(original.substr(i));
        const std::size_t decoded_length = std::min(sequence_length(static_cast<unsigned char>(decoded[j])), decoded.size() - j);
        if (length == 0) break;
        add_decoded(decoded.substr(j, decoded_length), {base + i, base + i + length});
        i += length;
        j += decoded_length;
        literal = i;
      } else if (original[i] == decoded[j]) {
        ++i;
        ++j;
      } else {
        break;
      }
    }
    flush_literal();
    // What could not be lined up (a reference decoding to two characters)
    // stands for the rest of the node's bytes.
    if (j < decoded.size()) add_decoded(decoded.substr(j), {base + i, base + original.size()});
  }

  void add_source(Span span, std::string_view text) {
    start_text(span);
    builder_.add_text(span);
    block_text_.append(text);
  }

  void add_decoded(std::string_view text, Span span) {
    start_text(span);
    builder_.add_synthetic(text, span);
    block_text_.append(text);
  }

  void start_text(Span span) {
    Block& block = builder_.current();
    if (block.span.begin == kUnstarted) block.span = {span.begin, span.begin};
    builder_.extend_block(span);
    if (pending_space_ && !block_text_.empty()) {
      builder_.add_synthetic(" ", {pending_space_->begin, std::max(pending_space_->begin, span.begin)});
      block_text_.push_back(' ');
    }
    pending_space_.reset();
    if (open_link_ && document_.links[*open_link_].span.begin == kUnstarted) document_.links[*open_link_].span = {span.begin, span.begin};
    if (open_link_) document_.links[*open_link_].span.end = span.end;
    last_end_ = span.end;
  }

  void end_block() {
    if (!builder_.block_open()) return;
    Block& block = builder_.current();
    if (block.span.begin == kUnstarted) block.span = {last_end_, last_end_};
    if (block.kind == BlockKind::Title) {
      document_.meta.title = Field{block_text_, block.span, "<h1>"};
    } else if (block.kind == BlockKind::Heading && is_reference_heading(block_text_)) {
      references_level_ = block.level;
    } else if (block.kind == BlockKind::Reference) {
      Reference reference;
      reference.text = block_text_;
      reference.url = block_url_;
      reference.span = block.span;
      read_reference_fields(reference);
      document_.meta.references.push_back(std::move(reference));
    } else if (block.kind == BlockKind::Paragraph) {
      read_metadata_paragraph(block);
    }
    builder_.end_block();
  }

  // "Page last reviewed: ...", "By Jane Doe": metadata, not prose. The
  // source bytes are read when the paragraph is written plainly, else its
  // decoded text (positions then fall inside the paragraph).
  void read_metadata_paragraph(Block& block) {
    const std::string_view source = text_.substr(block.span.begin, block.span.size());
    const std::string_view text = source == block_text_ ? source : std::string_view(block_text_);
    const std::vector<DateLine> lines = recognize_date_lines(text);
    for (const DateLine& line : lines) record_date_line(document_, line, text, block.span.begin);
    if (!lines.empty()) {
      block.kind = BlockKind::ReviewLine;
      return;
    }
    if (const auto name = recognize_byline(text)) {
      block.kind = BlockKind::Byline;
      const std::size_t begin = block.span.begin + static_cast<std::size_t>(name->data() - text.data());
      if (!document_.meta.author) document_.meta.author = Field{std::string(*name), {begin, begin + name->size()}, "byline"};
    }
  }

  void add_non_prose(BlockKind kind, Span span) {
    builder_.begin_block(kind, span);
    builder_.end_block();
  }

  static constexpr std::size_t kUnstarted = static_cast<std::size_t>(-1);

  Document& document_;
  DocumentBuilder& builder_;
  std::string_view text_;
  const HtmlReading& reading_;
  int references_level_ = 0;
  BlockKind context_ = BlockKind::Paragraph;
  int list_depth_ = 0;
  bool title_from_heading_ = false;
  std::size_t last_end_ = 0;
  std::string block_text_;
  std::string block_url_;
  std::optional<Span> pending_space_;
  std::optional<std::size_t> open_link_;  // index into Document::links
};

}  // namespace

bool style_hides(std::string_view style) {
  static const RE2 hiding(R"((?i)display\s*:\s*none|visibility\s*:\s*hidden)");
  return RE2::PartialMatch(re2::StringPiece(style.data(), style.size()), hiding);
}

void read_html(Document& document, DocumentBuilder& builder, Span region, const HtmlReading& reading) {
  const std::string_view text = document.source().text();
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, text.data() + region.begin, region.size());
  HtmlWalker walker(document, builder, reading);
  walker.walk(output->document);
  walker.finish();
  gumbo_destroy_output(&kGumboDefaultOptions, output);
}

Document parse_html(std::shared_ptr<const SourceFile> source) {
  Document document(std::move(source), Format::Html);
  DocumentBuilder builder(document);
  read_html(document, builder, {document.source().content_start(), document.source().text().size()},
            HtmlReading{false, true});
  builder.finish();
  add_reader_problems(document);
  return document;
}

}  // namespace medlint
