// Markdown articles: YAML front matter, then a CommonMark body parsed by md4c.
#include <md4c.h>
#include <re2/re2.h>

#include "medlint/parse.h"
#include "parse/document_builder.h"
#include "parse/front_matter.h"
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

class MarkdownParser {
 public:
  explicit MarkdownParser(Document& document)
      : document_(document), text_(document.source().text()), builder_(document) {}

  void run() {
    const std::size_t body = read_front_matter(document_, builder_);
    MD_PARSER parser{};
    parser.flags = MD_DIALECT_GITHUB;
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
    body_base_ = text_.data();
    md_parse(text_.data() + body, static_cast<MD_SIZE>(text_.size() - body), &parser, this);
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
      case MD_BLOCK_HTML: begin(BlockKind::Html, 0); break;
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
      case MD_BLOCK_H:
      case MD_BLOCK_CODE:
      case MD_BLOCK_HTML:
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
    }
    return 0;
  }

  int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
    if (type != MD_TEXT_BR && type != MD_TEXT_SOFTBR) open_list_item_block();
    if (!builder_.block_open()) return 0;
    // Line breaks come as pointers into md4c's own "\n"; they stand for the
    // bytes between the previous piece and the next.
    const bool in_source = text >= body_base_ && text + size <= body_base_ + text_.size();
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
      Reference reference;
      reference.text = trimmed(block_text_);
      reference.url = link_url_;
      reference.span = block.span;
      read_reference_fields(reference);
      if (!reference.text.empty()) document_.meta.references.push_back(std::move(reference));
    } else if (block.kind == BlockKind::Paragraph) {
      read_date_paragraph(block);
    }
    builder_.end_block();
  }

  // A short paragraph such as "*Medically reviewed on March 3, 2026*".
  void read_date_paragraph(Block& block) {
    const std::string_view source_text = text_.substr(block.span.begin, block.span.size());
    const auto line = recognize_date_line(source_text);
    if (!line) return;
    record_date_line(document_, *line, source_text, block.span.begin);
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
  int references_level_ = 0;  // level of the open "References" heading, 0 when none
  std::string block_text_;
  std::string link_url_;
  std::optional<Span> pending_space_;  // a break or code span waiting to become a space
  std::vector<std::size_t> open_links_;  // indices into Document::links of links being read
};

}  // namespace

Document parse_markdown(std::shared_ptr<const SourceFile> source) {
  Document document(std::move(source), Format::Markdown);
  MarkdownParser(document).run();
  add_reader_problems(document);
  return document;
}

}  // namespace medlint
