// Markdown and MDX articles: YAML or TOML front matter, then a CommonMark
// body parsed by md4c.
#include <md4c.h>
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

std::string_view decode_entity(std::string_view entity) {
  static constexpr std::pair<std::string_view, std::string_view> entities[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&#39;", "'"},
      {"&nbsp;", " "}, {"&rsquo;", "'"}, {"&lsquo;", "'"}, {"&ldquo;", "\""}, {"&rdquo;", "\""},
      {"&ndash;", "-"}, {"&mdash;", "-"}, {"&hellip;", "..."}};
  for (const auto& [name, text] : entities) {
    if (entity == name) return text;
  }
  return " ";
}

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
    body_base_ = input.data();
    md_parse(input.data() + body, static_cast<MD_SIZE>(input.size() - body), &parser, this);
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
    read_comments();
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
          read_html(document_, builder_, *html_block_, HtmlReading{references_level_ > 0, false});
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
    if (type == MD_SPAN_A) {
      const MD_ATTRIBUTE& href = static_cast<MD_SPAN_A_DETAIL*>(detail)->href;
      std::string url(href.text, href.size);
      if (builder_.block_open() && link_url_.empty()) link_url_ = url;
      open_links_.push_back(document_.links.size());
      document_.links.push_back({{kUnstarted, kUnstarted}, std::move(url)});
    }
    return 0;
  }

  int leave_span(MD_SPANTYPE type) {
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
    const bool in_source = text >= body_base_ && text + size <= body_base_ + text_.size();
    if (html_block_) {
      if (!in_source) return 0;
      const auto begin = static_cast<std::size_t>(text - body_base_);
      if (html_block_->begin == kUnstarted) html_block_->begin = begin;
      html_block_->end = begin + size;
      return 0;
    }
    if (type != MD_TEXT_BR && type != MD_TEXT_SOFTBR) open_list_item_block();
    if (!builder_.block_open()) return 0;
    const Span span = in_source ? Span{static_cast<std::size_t>(text - body_base_),
                                       static_cast<std::size_t>(text - body_base_) + size}
                                : Span{last_end_, last_end_};
    if (in_source) builder_.extend_block(span);
    // A link's text starts at its first piece.
    for (std::size_t index : open_links_) {
      Link& link = document_.links[index];
      if (in_source && link.span.begin == kUnstarted) link.span = {span.begin, span.begin};
    }
    switch (type) {
      case MD_TEXT_NORMAL:
        add_pending_space(span);
        builder_.add_text(span);
        block_text_.append(text, size);
        break;
      case MD_TEXT_ENTITY: {
        const std::string_view decoded = decode_entity(std::string_view(text, size));
        add_pending_space(span);
        builder_.add_synthetic(decoded, span);
        block_text_.append(decoded);
        break;
      }
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR:
      case MD_TEXT_CODE:
      case MD_TEXT_HTML:
        // Code spans and inline HTML are not prose; a space keeps the words
        // around them apart (added only if more text follows).
        if (!pending_space_) pending_space_ = span;
        break;
      default:
        break;
    }
    if (in_source) last_end_ = span.end;
    return 0;
  }

  void add_pending_space(Span next) {
    if (!pending_space_) return;
    builder_.add_synthetic(" ", {pending_space_->begin, std::max(pending_space_->begin, next.begin)});
    block_text_.push_back(' ');
    pending_space_.reset();
  }

  BlockKind prose_kind() {
    if (references_level_ > 0) return BlockKind::Reference;
    if (list_depth_ > 0 && !item_has_block_) return BlockKind::ListItem;
    if (quote_depth_ > 0) return BlockKind::BlockQuote;
    return BlockKind::Paragraph;
  }

  void begin(BlockKind kind, int level) {
    end_block();
    if (kind == BlockKind::ListItem) item_has_block_ = true;
    builder_.begin_block(kind, {last_end_, last_end_}, level);
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
    } else if (block.kind == BlockKind::Reference) {
      add_references(block.span, 0);
    } else if (block.kind == BlockKind::Paragraph) {
      read_date_paragraph(block);
      read_reference_label(block);
    }
    builder_.end_block();
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
    if (lines.empty()) return;
    for (const DateLine& line : lines) record_date_line(document_, line, source_text, block.span.begin);
    block.kind = BlockKind::ReviewLine;
  }

  static std::string trimmed(const std::string& text) {
    const auto begin = text.find_first_not_of(" \t\n");
    if (begin == std::string::npos) return {};
    return text.substr(begin, text.find_last_not_of(" \t\n") - begin + 1);
  }

  // HTML comments carry suppression directives; those inside code are text.
  void read_comments() {
    re2::StringPiece input(text_.data(), text_.size());
    re2::StringPiece whole, inner;
    static const RE2 capture(R"((?s)(<!--(.*?)-->))");
    while (RE2::FindAndConsume(&input, capture, &whole, &inner)) {
      const auto begin = static_cast<std::size_t>(whole.data() - text_.data());
      const Span span{begin, begin + whole.size()};
      bool in_code = false;
      for (const Block& block : document_.blocks) {
        in_code = in_code || (block.kind == BlockKind::Code && block.span.contains(span.begin));
      }
      if (in_code) continue;
      document_.comments.push_back({trimmed(std::string(inner.data(), inner.size())), span});
    }
  }

  Document& document_;
  std::string_view text_;
  DocumentBuilder builder_;
  const char* body_base_ = nullptr;
  std::size_t last_end_ = 0;
  int quote_depth_ = 0;
  int list_depth_ = 0;
  bool item_has_block_ = false;
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
