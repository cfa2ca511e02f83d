#include "rules/scopes.h"

#include <fmt/format.h>

namespace medlint {
namespace {

constexpr std::pair<std::string_view, Scope> kScopeNames[] = {
    {"sentence", Scope::Sentence}, {"title", Scope::Title},         {"summary", Scope::Summary},
    {"heading", Scope::Heading},   {"list-item", Scope::ListItem}, {"paragraph", Scope::Paragraph},
    {"section", Scope::Section},   {"document", Scope::Document}};

std::string_view scope_name(Scope scope) {
  for (const auto& [name, value] : kScopeNames) {
    if (value == scope) return name;
  }
  return "document";
}

}  // namespace

Scope read_scope(const Options& options, const std::string& key, Scope fallback,
                 std::initializer_list<std::string_view> allowed) {
  const std::string name = options.choice(key, std::string(scope_name(fallback)), allowed);
  for (const auto& [scope_text, value] : kScopeNames) {
    if (scope_text == name) return value;
  }
  return fallback;
}

std::vector<Span> scanned_ranges(const Document& document, Scope scope) {
  std::vector<Span> ranges;
  for (const Block& block : document.blocks) {
    if (block.text.empty()) continue;
    const bool wanted = [&] {
      switch (scope) {
        case Scope::Title: return block.kind == BlockKind::Title;
        case Scope::Summary: return block.kind == BlockKind::Summary;
        case Scope::Heading: return block.kind == BlockKind::Heading;
        case Scope::ListItem: return block.kind == BlockKind::ListItem;
        default: return true;
      }
    }();
    if (!wanted) continue;
    // Adjacent blocks are scanned together: the break between them keeps
    // phrases from matching across, and one scan is cheaper than many.
    if (!ranges.empty() && ranges.back().end + 2 == block.text.begin) {
      ranges.back().end = block.text.end;
    } else {
      ranges.push_back(block.text);
    }
  }
  return ranges;
}

Span sentence_range(const Document& document, std::size_t offset) {
  if (const auto sentence = document.sentence_at(offset)) return sentence->text;
  const int block = document.block_at(offset);
  if (block >= 0) return document.blocks[static_cast<std::size_t>(block)].text;
  return {offset, offset};
}

Span list_lead_in(const Document& document, std::size_t offset) {
  int block = document.block_at(offset);
  if (block < 0 || document.blocks[static_cast<std::size_t>(block)].kind != BlockKind::ListItem) return {};
  while (--block >= 0) {
    const Block& before = document.blocks[static_cast<std::size_t>(block)];
    if (before.kind == BlockKind::ListItem || before.text.empty()) continue;
    const bool leads = before.kind == BlockKind::Paragraph || before.kind == BlockKind::Heading;
    return leads ? Span(before.text) : Span{};
  }
  return {};
}

Span enclosing_range(const Document& document, Scope scope, std::size_t offset) {
  const Span whole{0, document.text().size()};
  const int block = document.block_at(offset);
  switch (scope) {
    case Scope::Sentence:
      return sentence_range(document, offset);
    case Scope::Section: {
      if (block < 0) return whole;
      const int section = document.blocks[static_cast<std::size_t>(block)].section;
      return section < 0 ? whole : Span(document.sections[static_cast<std::size_t>(section)].text);
    }
    case Scope::Document:
      return whole;
    default:
      return block < 0 ? whole : Span(document.blocks[static_cast<std::size_t>(block)].text);
  }
}

std::string fill_template(std::string_view text,
                          std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
  std::string result(text);
  for (const auto& [name, value] : values) {
    const std::string placeholder = fmt::format("{{{}}}", name);
    for (std::size_t at = result.find(placeholder); at != std::string::npos;
         at = result.find(placeholder, at + value.size())) {
      result.replace(at, placeholder.size(), value);
    }
  }
  return result;
}

}  // namespace medlint
