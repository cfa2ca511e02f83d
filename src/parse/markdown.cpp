// Markdown and MDX articles: YAML or TOML front matter, then a CommonMark
// body parsed by md4c.
#include <md4c.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <re2/re2.h>

#include "medlint/parse.h"
#include "parse/document_builder.h"
#include "parse/front_matter.h"
#include "parse/html.h"
#include "parse/markdown_set_aside.h"
#include "parse/metadata_lines.h"
#include "parse/reader_problems.h"

namespace medlint {
namespace {

// The text of a character reference: numeric ones as their code point,
// named ones from the few that prose uses; an unknown name reads as a space.
std::string decode_entity(std::string_view entity) {
  static constexpr std::pair<std::string_view, std::string_view> entities[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"},
      {"&nbsp;", " "}, {"&rsquo;", "'"}, {"&lsquo;", "'"}, {"&ldquo;", "\""}, {"&rdquo;", "\""},
      {"&ndash;", "-"}, {"&mdash;", "-"}, {"&hellip;", "..."}, {"&shy;", "\xC2\xAD"},
      {"&zwj;", "\xE2\x80\x8D"}, {"&zwnj;", "\xE2\x80\x8C"}, {"&lrm;", "\xE2\x80\x8E"}, {"&rlm;", "\xE2\x80\x8F"}};
  for (const auto& [name, text] : entities) {
    if (entity == name) return std::string(text);
  }
  if (entity.starts_with("&#") && entity.size() > 3) {
    const bool hex = entity[2] == 'x' || entity[2] == 'X';
    const std::string digits(entity.substr(hex ? 3 : 2, entity.size() - (hex ? 4 : 3)));
    char* end = nullptr;
    const unsigned long code = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    // md4c hands over only well-formed references; out-of-range ones are U+FFFD.
    const UChar32 c = code > 0 && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF) ? static_cast<UChar32>(code) : 0xFFFD;
    char buffer[U8_MAX_LENGTH];
    int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, c);
    return std::string(buffer, static_cast<std::size_t>(length));
  }
  return " ";
}

bool is_ascii_alphanumeric(std::string_view text) {
  return text.size() == 1 && std::isalnum(static_cast<unsigned char>(text[0]));
}

// Whether a tag ends a line where it stands, so words on either side stay apart.
bool breaks_line(std::string_view html) {
  static const RE2 pattern(R"(^</?(?i:br|p|div|li|ul|ol|tr|td|th|table|h[1-6]|hr|blockquote|section|article|header|footer)\b)");
  return RE2::PartialMatch(re2::StringPiece(html.data(), html.size()), pattern);
}

// Follows HTML elements across a document's inline and block HTML to tell
// whether text is inside one that browsers do not display (`hidden`,
// `display: none`, `visibility: hidden`, <template>). Text there is not
// something a reader sees.
class HiddenElements {
 public:
  void read(std::string_view html) {
    static const RE2 tag(R"((?s)<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>)");
    static const RE2 hidden_attribute(R"((?i)(?:^|\s)hidden(?:\s|=|/|$))");
    static const RE2 style_attribute(R"re((?i)(?:^|\s)style\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))re");
    re2::StringPiece input(html.data(), html.size());
    re2::StringPiece closing, name, attributes;
    while (RE2::FindAndConsume(&input, tag, &closing, &name, &attributes)) {
      if (name.empty()) continue;  // a comment
      std::string element(name.data(), name.size());
      for (char& c : element) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!closing.empty()) {
        close(element);
      } else if (!is_void(element) && !(attributes.size() > 0 && attributes.data()[attributes.size() - 1] == '/')) {
        std::string double_quoted, single_quoted, unquoted;
        const bool styled = RE2::PartialMatch(attributes, style_attribute, &double_quoted, &single_quoted, &unquoted);
        const bool hides = element == "template" || RE2::PartialMatch(attributes, hidden_attribute) ||
                           (styled && style_hides(double_quoted + single_quoted + unquoted));
        open(std::move(element), hides);
      }
    }
  }
  bool hidden() const { return hidden_depth_ > 0; }

 private:
  static bool is_void(std::string_view element) {
    static constexpr std::string_view kVoid[] = {"area", "base", "br", "col", "embed", "hr", "img", "input",
                                                 "link", "meta", "source", "track", "wbr"};
    return std::find(std::begin(kVoid), std::end(kVoid), element) != std::end(kVoid);
  }
  void open(std::string element, bool hides) {
    // Elements never closed (<p>, <li>) pile up; past a bound only hiding
    // ones are kept, so memory stays bounded on hostile input.
    if (open_.size() >= kMaxOpen && !hides) return;
    open_.push_back({std::move(element), hides});
    hidden_depth_ += hides;
  }
  void close(const std::string& element) {
    const auto match = std::find_if(open_.rbegin(), open_.rend(), [&](const Open& o) { return o.element == element; });
    if (match == open_.rend()) return;
    const auto first = match.base() - 1;
    for (auto it = first; it != open_.end(); ++it) hidden_depth_ -= it->hides;
    open_.erase(first, open_.end());
  }
  static constexpr std::size_t kMaxOpen = 1024;
  struct Open {
    std::string element;
    bool hides;
  };
  std::vector<Open> open_;
  int hidden_depth_ = 0;
};

// md4c 0.4.8 takes time quadratic in the lines of a paragraph full of links
// (md4c issue 280: a million one-link lines take minutes). No article has
// a paragraph of thousands of lines, so such a run is parsed as several
// paragraphs: a blank line is inserted every kMaxParagraphLines lines.
// Offsets in the parsed copy map back to the source by the insertions.
class ParsedBody {
 public:
  static constexpr std::size_t kMaxParagraphLines = 1000;

  ParsedBody(std::string_view source, std::size_t body) : source_(source), body_(body) {
    std::size_t run = 0;  // consecutive non-blank lines
    for (std::size_t line = body; line < source.size();) {
      const std::size_t newline = source.find('\n', line);
      const std::size_t end = newline == std::string_view::npos ? source.size() : newline + 1;
      const bool blank = source.substr(line, end - line).find_first_not_of(" \t\r\n") == std::string_view::npos;
      run = blank ? 0 : run + 1;
      if (run == kMaxParagraphLines && newline != std::string_view::npos) {
        if (copy_.empty()) copy_.reserve(source.size() - body + source.size() / kMaxParagraphLines);
        copy_.append(source.substr(body + copied_, end - body - copied_));
        inserted_.push_back(copy_.size());
        copy_.push_back('\n');
        copied_ = end - body;
        run = 0;
      }
      line = end;
    }
    if (!copy_.empty()) copy_.append(source.substr(body + copied_));
    // md4c keeps a mark for every NUL byte (a file of them took 360 MB); read
    // as spaces they cost nothing, and the text is read from the source
    // bytes, where they are removed as invisible.
    if (source.find('\0', body) != std::string_view::npos) {
      if (copy_.empty()) copy_ = source.substr(body);
      std::replace(copy_.begin(), copy_.end(), '\0', ' ');
    }
  }

  // What md4c parses.
  std::string_view text() const { return copy_.empty() ? source_.substr(body_) : std::string_view(copy_); }

  // The source offset of a pointer into text(), or nullopt when it points
  // elsewhere (md4c's own line-break strings).
  std::optional<std::size_t> source_offset(const char* at, std::size_t size) const {
    const std::string_view parsed = text();
    if (at < parsed.data() || at + size > parsed.data() + parsed.size()) return std::nullopt;
    const auto offset = static_cast<std::size_t>(at - parsed.data());
    const auto before = std::lower_bound(inserted_.begin(), inserted_.end(), offset) - inserted_.begin();
    return body_ + offset - static_cast<std::size_t>(before);
  }

 private:
  std::string_view source_;
  std::size_t body_;
  std::string copy_;  // empty when the source is parsed as it is
  std::size_t copied_ = 0;  // body bytes copied so far
  std::vector<std::size_t> inserted_;  // offsets in copy_ of inserted line breaks
};

// Span begin of a link whose text has not been seen yet.
constexpr std::size_t kUnstarted = static_cast<std::size_t>(-1);

// Where a reference entry starts in a paragraph of several: "[1] ...",
// "1. ...", "^1 ...".
bool starts_numbered_entry(std::string_view line) {
  static const RE2 pattern(R"(^\s*(?:\[\d{1,3}\]|\d{1,3}[.)]\s|\^\d{1,3}\s))");
  return RE2::PartialMatch(line, pattern);
}

class MarkdownParser {
 public:
  MarkdownParser(Document& document, const ReaderOptions& options)
      : document_(document), text_(document.source().text()), builder_(document), options_(options) {}

  void run() {
    const std::size_t body = read_front_matter(document_, builder_, options_.front_matter_keys);
    const bool mdx = document_.format() == Format::Mdx;
    // md4c reads a copy in which the set-aside parts are spaces, so every
    // offset it reports is still an offset in the file.
    const std::vector<SetAside> set_aside = find_set_aside(text_, body, mdx);
    std::string blanked;
    if (!set_aside.empty()) {
      blanked = std::string(text_);
      for (const SetAside& part : set_aside) {
        for (std::size_t i = part.span.begin; i < part.span.end; ++i) {
          if (blanked[i] != '\n' && blanked[i] != '\r') blanked[i] = ' ';
        }
      }
    }
    const std::string_view input = set_aside.empty() ? text_ : std::string_view(blanked);
    MD_PARSER parser{};
    // MDX has no indented code: a JSX tag set aside leaves its text indented.
    parser.flags = MD_DIALECT_GITHUB | (mdx ? MD_FLAG_NOINDENTEDCODEBLOCKS : 0);
    parser.enter_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
      return static_cast<MarkdownParser*>(self)->enter_block(type, detail);
    };
    parser.leave_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
      return static_cast<MarkdownParser*>(self)->leave_block(type, detail);
    };
    parser.enter_span = [](MD_SPANTYPE type, void* detail, void* self) {
      return static_cast<MarkdownParser*>(self)->enter_span(type, detail);
    };
    parser.leave_span = [](MD_SPANTYPE type, void*, void* self) {
      return static_cast<MarkdownParser*>(self)->leave_span(type);
    };
    parser.text = [](MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
      return static_cast<MarkdownParser*>(self)->on_text(type, text, size);
    };
    parsed_.emplace(input, body);
    // Found before parsing, while the bytes are read anyway: a large
    // article's are let go as the parser passes them (see DocumentBuilder).
    const std::vector<Span> comments = find_comments();
    md_parse(parsed_->text().data(), static_cast<MD_SIZE>(parsed_->text().size()), &parser, this);
    end_block();
    for (const SetAside& part : set_aside) {
      builder_.add_block_in_source_order(part.kind, part.span);
      if (part.kind != BlockKind::Reference) continue;
      // The entry is what follows "[^1]:".
      const std::size_t label_end = text_.find("]:", part.span.begin) + 2;
      const Span entry = trim(text_, {label_end, part.span.end});
      add_reference(std::string(text_.substr(entry.begin, entry.size())), entry, {});
    }
    builder_.finish();
    read_comments(comments);
  }

 private:
  int enter_block(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_QUOTE: ++quote_depth_; break;
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        end_block();
        ++list_depth_;
        break;
      case MD_BLOCK_LI:
        end_block();
        item_has_block_ = false;
        break;
      case MD_BLOCK_H: {
        const int level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
        const bool title = level == 1 && !document_.meta.title && !title_seen_;
        title_seen_ = title_seen_ || level == 1;
        if (level <= references_level_) references_level_ = 0;
        begin(title ? BlockKind::Title : BlockKind::Heading, level);
        break;
      }
      case MD_BLOCK_CODE: begin(BlockKind::Code, 0); break;
      case MD_BLOCK_HTML:
        end_block();
        html_block_ = Span{kUnstarted, kUnstarted};
        break;
      case MD_BLOCK_P: begin(prose_kind(), list_depth_); break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD: begin(BlockKind::TableCell, 0); break;
      default: break;
    }
    return 0;
  }

  int leave_block(MD_BLOCKTYPE type, void*) {
    switch (type) {
      case MD_BLOCK_QUOTE: --quote_depth_; break;
      case MD_BLOCK_UL:
      case MD_BLOCK_OL: --list_depth_; break;
      case MD_BLOCK_HTML:
        // HTML blocks are read as HTML: their text is prose too.
        if (html_block_ && html_block_->begin != kUnstarted) {
          // An element opened here and closed in a later block hides the
          // Markdown between them (read_html hides what it holds itself).
          const bool hidden = hidden_elements_.hidden();
          hidden_elements_.read(text_.substr(html_block_->begin, html_block_->size()));
          if (!hidden) read_html(document_, builder_, *html_block_, HtmlReading{references_level_ > 0, false});
        }
        html_block_.reset();
        break;
      case MD_BLOCK_H:
      case MD_BLOCK_CODE:
      case MD_BLOCK_P:
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
      case MD_BLOCK_LI: end_block(); break;
      default: break;
    }
    return 0;
  }

  // A tight list item's content arrives without a paragraph around it.
  void open_list_item_block() {
    if (!builder_.block_open() && list_depth_ > 0) begin(prose_kind(), list_depth_);
  }

  int enter_span(MD_SPANTYPE type, void* detail) {
    open_list_item_block();
    at_line_start_ = false;
    if (type == MD_SPAN_IMG) ++image_depth_;
    if (type == MD_SPAN_A) {
      // A link's title shows as its tooltip: text a reader sees.
      const MD_ATTRIBUTE& title = static_cast<MD_SPAN_A_DETAIL*>(detail)->title;
      if (title.size > 0 && builder_.block_open() && is_prose(builder_.current().kind)) {
        link_titles_.push_back({std::string(title.text, title.size), parsed_->source_offset(title.text, title.size)});
      }
      const MD_ATTRIBUTE& href = static_cast<MD_SPAN_A_DETAIL*>(detail)->href;
      std::string url(href.text, href.size);
      if (builder_.block_open() && link_url_.empty()) link_url_ = url;
      open_links_.push_back(document_.links.size());
      document_.links.push_back({{kUnstarted, kUnstarted}, std::move(url)});
    }
    return 0;
  }

  int leave_span(MD_SPANTYPE type) {
    if (type == MD_SPAN_IMG) --image_depth_;
    if (type == MD_SPAN_A && !open_links_.empty()) {
      Link& link = document_.links[open_links_.back()];
      open_links_.pop_back();
      if (link.span.begin == kUnstarted) link.span.begin = last_end_;  // a link without text
      link.span.end = std::max(link.span.begin, last_end_);
      if (builder_.block_open() && is_prose(builder_.current().kind)) record_citation_link(document_, link);
    }
    return 0;
  }

  int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
    // Line breaks come as pointers into md4c's own "\n"; they stand for the
    // bytes between the previous piece and the next.
    const std::optional<std::size_t> offset = parsed_->source_offset(text, size);
    const bool in_source = offset.has_value();
    if (html_block_) {
      if (!in_source) return 0;
      const std::size_t begin = *offset;
      if (html_block_->begin == kUnstarted) html_block_->begin = begin;
      html_block_->end = begin + size;
      return 0;
    }
    if (type != MD_TEXT_BR && type != MD_TEXT_SOFTBR) open_list_item_block();
    if (!builder_.block_open()) return 0;
    const std::size_t bullet = at_line_start_ && in_source && type == MD_TEXT_NORMAL && image_depth_ == 0
                                   ? read_pasted_bullet(*offset, size)
                                   : 0;
    // After the reading above, which may begin a block.
    at_line_start_ = type == MD_TEXT_BR || type == MD_TEXT_SOFTBR;
    const Span span = in_source ? Span{*offset + bullet, *offset + size} : Span{last_end_, last_end_};
    text += bullet;
    size -= static_cast<MD_SIZE>(bullet);
    if (in_source) builder_.extend_block(span);
    // A link's text starts at its first piece.
    for (std::size_t index : open_links_) {
      Link& link = document_.links[index];
      if (in_source && link.span.begin == kUnstarted) link.span = {span.begin, span.begin};
    }
    // Alt text and hidden elements are not what a reader sees.
    const bool unseen = image_depth_ > 0 || (hidden_elements_.hidden() && type != MD_TEXT_HTML);
    switch (unseen ? MD_TEXT_NULLCHAR : type) {
      case MD_TEXT_NORMAL:
        add_pending_space(span);
        builder_.add_text(span);
        block_text_.append(text, size);
        break;
      case MD_TEXT_ENTITY: {
        const std::string decoded = decode_entity(std::string_view(text, size));
        add_pending_space(span);
        builder_.add_synthetic(decoded, span);
        // "&#99;rack" spells "crack" in a way no reader notices.
        if (is_ascii_alphanumeric(decoded)) builder_.note_hidden(HiddenMark::Kind::Entity, span, decoded.size());
        block_text_.append(decoded);
        break;
      }
      case MD_TEXT_HTML:
        hidden_elements_.read(std::string_view(text, size));
        // A tag or comment inside a word ("cr<b></b>ack") is invisible to
        // readers, so it joins; a line-breaking tag separates words.
        if (breaks_line(std::string_view(text, size))) {
          if (!pending_space_) pending_space_ = span;
        } else if (!pending_space_) {
          builder_.note_hidden(HiddenMark::Kind::Markup, span);
        }
        break;
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR:
      case MD_TEXT_CODE:
        // Code spans are not prose; a space keeps the words around them and
        // around line breaks apart (added only if more text follows).
        if (!pending_space_) pending_space_ = span;
        break;
      default:
        break;
    }
    if (in_source) last_end_ = span.end;
    return 0;
  }

  // A paragraph line starting with a pasted bullet ("• Chest pain") is a
  // list item, as "- Chest pain" would be, and the lines above it stay the
  // lead-in paragraph; a later line not indented under the item starts a
  // paragraph again, as in plain text. Returns the bullet's bytes, which
  // are no text.
  std::size_t read_pasted_bullet(std::size_t offset, std::size_t size) {
    Block& block = builder_.current();
    const bool first_line = block_text_.empty();
    const bool reads_items = block.kind == BlockKind::Paragraph || block.kind == BlockKind::BlockQuote ||
                             (block.kind == BlockKind::ListItem && !first_line);
    if (!reads_items) return 0;
    const std::size_t bullet = pasted_bullet_length(text_.substr(offset));
    const int indent = line_indent(offset);
    if (bullet == 0 || bullet > size) {
      if (pasted_item_indent_ && indent <= *pasted_item_indent_) begin(prose_kind(), list_depth_);
      return 0;
    }
    if (first_line) {
      block.kind = BlockKind::ListItem;
      block.level = list_depth_ + 1;
    } else {
      begin(BlockKind::ListItem, list_depth_ + 1);
    }
    pasted_item_indent_ = indent;
    return bullet;
  }

  // Columns of white space before `offset` on its line (a tab is four, as
  // the plain-text reader counts).
  int line_indent(std::size_t offset) const {
    int indent = 0;
    for (; offset > 0 && (text_[offset - 1] == ' ' || text_[offset - 1] == '\t'); --offset) {
      indent += text_[offset - 1] == '\t' ? 4 : 1;
    }
    return indent;
  }

  void add_pending_space(Span next) {
    if (!pending_space_) return;
    builder_.add_synthetic(" ", {pending_space_->begin, std::max(pending_space_->begin, next.begin)});
    block_text_.push_back(' ');
    pending_space_.reset();
  }

  BlockKind prose_kind() {
    if (list_depth_ > 0 && !item_has_block_) return BlockKind::ListItem;
    if (quote_depth_ > 0) return BlockKind::BlockQuote;
    return BlockKind::Paragraph;
  }

  void begin(BlockKind kind, int level) {
    end_block();
    if (hidden_elements_.hidden() && is_prose(kind)) kind = BlockKind::NonEditorial;
    if (kind == BlockKind::ListItem) item_has_block_ = true;
    builder_.begin_block(kind, {last_end_, last_end_}, level);
    at_line_start_ = true;
    pasted_item_indent_.reset();
    in_references_ = references_level_ > 0 && (kind == BlockKind::Paragraph || kind == BlockKind::ListItem);
    block_text_.clear();
    link_url_.clear();
    pending_space_.reset();
  }

  void end_block() {
    if (!builder_.block_open()) return;
    Block& block = builder_.current();
    if (block.kind == BlockKind::Title && !document_.meta.title) {
      document_.meta.title = Field{trimmed(block_text_), block.span};
    } else if (block.kind == BlockKind::Heading && is_reference_heading(block_text_)) {
      references_level_ = block.level;
    } else if (in_references_) {
      read_reference_entry(block);
    } else if (block.kind == BlockKind::Paragraph) {
      read_date_paragraph(block);
      read_reference_label(block);
    }
    const Span block_span = block.span;
    builder_.end_block();
    read_link_titles(block_span);
  }

  // Under a References heading, a block citing a source (a link, URL, DOI,
  // PMID or year) is a reference entry and not prose. A list item citing
  // none still counts as an entry but is read as prose too, and so is a
  // paragraph citing none: text a reader sees is scanned wherever it is.
  void read_reference_entry(Block& block) {
    Reference reference;
    reference.text = trimmed(block_text_);
    reference.url = link_url_;
    read_reference_fields(reference);
    const bool cites = !reference.url.empty() || !reference.doi.empty() || !reference.pmid.empty() || reference.year;
    if (cites) {
      block.kind = BlockKind::Reference;
      builder_.discard_text();
    }
    if (cites || block.kind == BlockKind::ListItem) add_references(block.span, 0);
  }

  // Each link title of the block just read becomes a paragraph of its own,
  // at its source bytes (or the block's, for a title md4c had to unescape).
  void read_link_titles(Span block_span) {
    for (const auto& [title, offset] : link_titles_) {
      const Span span = offset ? Span{*offset, *offset + title.size()} : block_span;
      builder_.begin_block(BlockKind::Paragraph, span);
      if (offset) {
        builder_.add_text(span);
      } else {
        builder_.add_synthetic(title, span);
      }
      builder_.end_block();
    }
    link_titles_.clear();
  }

  // A paragraph "**Sources**" or "Sources:" heads the list below it (until
  // the next heading); "Sources: CDC; NIH" is an entry itself.
  void read_reference_label(Block& block) {
    const std::string_view source_text = text_.substr(block.span.begin, block.span.size());
    const std::size_t label = reference_label_length(source_text);
    if (label == 0) return;
    references_level_ = kReferencesUntilAnyHeading;
    if (label < source_text.size()) {
      block.kind = BlockKind::Reference;
      add_references(block.span, label);
    }
  }

  // The entries of a reference block: one, or one per numbered line
  // ("[1] ...", "1. ...") when its lines are numbered. `skip` bytes of
  // label come first.
  void add_references(Span span, std::size_t skip) {
    const std::string_view whole = text_.substr(span.begin + skip, span.size() - skip);
    std::vector<Span> entries;
    std::size_t line_begin = 0;
    while (line_begin < whole.size()) {
      std::size_t line_end = whole.find('\n', line_begin);
      if (line_end == std::string_view::npos) line_end = whole.size();
      const Span line = trim(text_, {span.begin + skip + line_begin, span.begin + skip + line_end});
      if (!line.empty()) {
        if (entries.empty() || starts_numbered_entry(text_.substr(line.begin, line.size()))) {
          entries.push_back(line);
        } else {
          entries.back().end = line.end;
        }
      }
      line_begin = line_end + 1;
    }
    // One entry is read as displayed, with its link's destination; numbered
    // lines as written.
    if (entries.size() == 1) {
      const std::string shown = trimmed(block_text_);
      add_reference(shown.substr(skip > 0 ? reference_label_length(shown) : 0), entries[0], link_url_);
      return;
    }
    for (const Span& entry : entries) add_reference(std::string(text_.substr(entry.begin, entry.size())), entry, {});
  }

  void add_reference(std::string text, Span span, std::string url) {
    Reference reference;
    reference.text = std::move(text);
    reference.url = std::move(url);
    reference.span = span;
    read_reference_fields(reference);
    if (!reference.text.empty()) document_.meta.references.push_back(std::move(reference));
  }

  // A short paragraph such as "*Medically reviewed on March 3, 2026*".
  void read_date_paragraph(Block& block) {
    const std::string_view source_text = text_.substr(block.span.begin, block.span.size());
    const auto lines = recognize_date_lines(source_text);
    // Read only when its visible text says so (not an image's alt text).
    if (lines.empty() || recognize_date_lines(block_text_).empty()) return;
    for (const DateLine& line : lines) record_date_line(document_, line, source_text, block.span.begin);
    block.kind = BlockKind::ReviewLine;
  }

  static std::string trimmed(const std::string& text) {
    const auto begin = text.find_first_not_of(" \t\n");
    if (begin == std::string::npos) return {};
    return text.substr(begin, text.find_last_not_of(" \t\n") - begin + 1);
  }

  // HTML comments carry suppression directives; those inside code are text.
  // Comments and code blocks both come in source order, so one pass over
  // each keeps this linear however many there are.
  // Every "<!-- ... -->" in the file, code blocks included.
  std::vector<Span> find_comments() const {
    std::vector<Span> comments;
    for (std::size_t open = text_.find("<!--"); open != std::string_view::npos; open = text_.find("<!--", open)) {
      const std::size_t close = text_.find("-->", open + 4);
      if (close == std::string_view::npos) break;
      comments.push_back({open, close + 3});
      open = close + 3;
    }
    return comments;
  }

  // The comments outside code blocks.
  void read_comments(const std::vector<Span>& comments) {
    std::vector<Span> code;
    for (const Block& block : document_.blocks) {
      if (block.kind == BlockKind::Code) code.push_back(block.span);
    }
    auto next_code = code.begin();
    for (const Span& span : comments) {
      while (next_code != code.end() && next_code->end <= span.begin) ++next_code;
      if (next_code != code.end() && next_code->contains(span.begin)) continue;
      const std::string_view inner = text_.substr(span.begin + 4, span.size() - 7);
      document_.comments.push_back({trimmed(std::string(inner)), span});
    }
  }

  Document& document_;
  std::string_view text_;
  DocumentBuilder builder_;
  std::optional<ParsedBody> parsed_;
  // Titles of the open block's links, with their source offset when md4c
  // hands them over as source bytes.
  std::vector<std::pair<std::string, std::optional<std::size_t>>> link_titles_;
  bool in_references_ = false;  // the open block is a paragraph or item under a References heading
  int image_depth_ = 0;  // inside an image's alt text when positive
  HiddenElements hidden_elements_;
  std::size_t last_end_ = 0;
  int quote_depth_ = 0;
  int list_depth_ = 0;
  bool item_has_block_ = false;
  bool at_line_start_ = false;  // the next text starts a line of the open block
  std::optional<int> pasted_item_indent_;  // the open block is a pasted-bullet item indented this much
  bool title_seen_ = false;
  // Level of the open "References" heading, 0 when none; a label paragraph
  // ("**Sources**") opens a list that any heading ends.
  static constexpr int kReferencesUntilAnyHeading = 7;
  int references_level_ = 0;
  const ReaderOptions& options_;
  std::string block_text_;
  std::string link_url_;
  std::optional<Span> pending_space_;  // a break or code span waiting to become a space
  std::optional<Span> html_block_;     // the HTML block being read, while one is
  std::vector<std::size_t> open_links_;  // indices into Document::links of links being read
};

}  // namespace

Document parse_markdown(std::shared_ptr<const SourceFile> source, const ReaderOptions& options) {
  Document document(std::move(source), Format::Markdown);
  MarkdownParser(document, options).run();
  add_reader_problems(document);
  return document;
}

Document parse_mdx(std::shared_ptr<const SourceFile> source, const ReaderOptions& options) {
  Document document(std::move(source), Format::Mdx);
  MarkdownParser(document, options).run();
  add_reader_problems(document);
  return document;
}

}  // namespace medlint
