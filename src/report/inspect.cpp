#include "medlint/inspect.h"

#include <fmt/format.h>
#include <sstream>

#include "report/json_writer.h"

namespace medlint {
namespace {

// The first line of a piece of text, shortened for one line of output.
std::string excerpt(std::string_view text) {
  constexpr std::size_t kWidth = 72;
  std::string line(text.substr(0, text.find('\n')));
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
  if (line.size() > kWidth) {
    std::size_t cut = kWidth;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    line = line.substr(0, cut) + "...";
  }
  return line;
}

std::string json_string(std::string_view text) {
  std::ostringstream out;
  write_json_string(out, text);
  return out.str();
}

// One item of the inspection: a value, its source position and its origin.
struct Item {
  std::string label;   // "title", "reviewed", "h2"...
  std::string value;
  Span span;
  std::string origin;  // front matter key or body label; may be empty
  int level = 0;
};

struct Inspection {
  std::vector<Item> metadata;
  std::vector<Item> dates;
  std::optional<Item> review_date;
  std::string review_line;  // the source line the review date is on
  std::vector<Item> sections;
  std::vector<Item> list_items;
  std::vector<Item> references;
  std::vector<Item> citation_links;
  std::vector<Item> skipped;
};

Inspection inspect(const Document& document) {
  Inspection result;
  const auto field = [&](const char* label, const std::optional<Field>& value) {
    if (value) result.metadata.push_back({label, value->value, value->span, value->origin});
  };
  field("title", document.meta.title);
  field("summary", document.meta.summary);
  field("author", document.meta.author);
  field("reviewer", document.meta.reviewer);
  for (const DateMention& date : document.meta.dates) {
    Item item{std::string(to_string(date.kind)), date.raw, date.span, date.label};
    result.dates.push_back(item);
    // The review rule reads every review date; the last one stated is shown.
    if (date.kind == DateMention::Kind::Reviewed) {
      result.review_date = item;
      result.review_line = excerpt(document.source().line_text(document.position(date.span.begin).line));
    }
  }
  for (const Block& block : document.blocks) {
    const std::string text = excerpt(document.text().cased().substr(block.text.begin, block.text.size()));
    if (block.kind == BlockKind::Heading) {
      result.sections.push_back({fmt::format("h{}", block.level), text, block.span, {}, block.level});
    } else if (block.kind == BlockKind::ListItem) {
      result.list_items.push_back({"item", text, block.span, {}, block.level});
    } else if (!is_prose(block.kind) && block.kind != BlockKind::Reference) {
      result.skipped.push_back({std::string(to_string(block.kind)), excerpt(document.source().slice(block.span)), block.span, {}});
    }
  }
  for (const Reference& reference : document.meta.references) {
    result.references.push_back({"reference", excerpt(reference.text), reference.span, reference.url});
  }
  for (const Reference& link : document.meta.cited_links) {
    result.citation_links.push_back({"link", excerpt(link.text), link.span, link.url});
  }
  return result;
}

void write_text(const Document& document, const Inspection& inspection, std::ostream& out) {
  const auto where = [&](Span span) {
    const Position at = document.position(span.begin);
    return fmt::format("{}:{}", at.line, at.column);
  };
  const auto line = [&](const Item& item, int indent) {
    out << fmt::format("{:{}}{}: {}", "", indent, item.label, json_string(item.value));
    out << fmt::format(" at {}", where(item.span));
    if (!item.origin.empty()) out << fmt::format(" ({})", item.origin);
    out << '\n';
  };
  const auto list = [&](const char* heading, const std::vector<Item>& items) {
    out << fmt::format("{} ({}):\n", heading, items.size());
    for (const Item& item : items) line(item, 2);
  };
  out << fmt::format("file: {}\nformat: {}\n", document.source().path(), to_string(document.format()));
  for (const Item& item : inspection.metadata) line(item, 0);
  list("dates", inspection.dates);
  if (inspection.review_date) {
    out << fmt::format("review date: {} at {}, line: {}\n", json_string(inspection.review_date->value),
                       where(inspection.review_date->span), json_string(inspection.review_line));
  } else {
    out << "review date: none\n";
  }
  out << fmt::format("sections ({}):\n", inspection.sections.size());
  for (const Item& item : inspection.sections) line(item, 2 * item.level);
  out << fmt::format("list items ({}):\n", inspection.list_items.size());
  for (const Item& item : inspection.list_items) line(item, 2 * item.level);
  list("references", inspection.references);
  list("citation links", inspection.citation_links);
  list("not prose", inspection.skipped);
  out << fmt::format("problems ({}):\n", document.problems.size());
  for (const Diagnostic& problem : document.problems) {
    out << fmt::format("  {}:{}: {} [{}]\n", problem.start.line, problem.start.column, problem.message, problem.rule);
  }
}

void write_json(const Document& document, const Inspection& inspection, std::ostream& out) {
  const auto item_json = [&](const Item& item) {
    const Position begin = document.position(item.span.begin);
    const Position end = document.position(item.span.end);
    std::string text = fmt::format("{{\"kind\": {}, \"value\": {}, \"line\": {}, \"column\": {}, \"end_line\": {}, "
                                   "\"end_column\": {}",
                                   json_string(item.label), json_string(item.value), begin.line, begin.column, end.line,
                                   end.column);
    if (!item.origin.empty()) text += fmt::format(", \"from\": {}", json_string(item.origin));
    if (item.level > 0) text += fmt::format(", \"level\": {}", item.level);
    return text + "}";
  };
  const auto array = [&](const char* key, const std::vector<Item>& items, bool last = false) {
    out << fmt::format("  \"{}\": [", key);
    for (std::size_t i = 0; i < items.size(); ++i) out << (i ? ",\n    " : "\n    ") << item_json(items[i]);
    out << (items.empty() ? "]" : "\n  ]") << (last ? "\n" : ",\n");
  };
  out << "{\n";
  out << fmt::format("  \"file\": {},\n  \"format\": {},\n", json_string(document.source().path()),
                     json_string(to_string(document.format())));
  array("metadata", inspection.metadata);
  array("dates", inspection.dates);
  out << "  \"review_date\": ";
  if (inspection.review_date) {
    out << item_json(*inspection.review_date) << ",\n";
    out << fmt::format("  \"review_line\": {},\n", json_string(inspection.review_line));
  } else {
    out << "null,\n";
  }
  array("sections", inspection.sections);
  array("list_items", inspection.list_items);
  array("references", inspection.references);
  array("citation_links", inspection.citation_links);
  array("not_prose", inspection.skipped);
  std::vector<Item> problems;
  for (const Diagnostic& problem : document.problems) problems.push_back({problem.rule, problem.message, problem.span, {}});
  array("problems", problems, true);
  out << "}\n";
}

}  // namespace

void write_inspection(const Document& document, InspectFormat format, std::ostream& out) {
  const Inspection inspection = inspect(document);
  if (format == InspectFormat::Json) {
    write_json(document, inspection, out);
  } else {
    write_text(document, inspection, out);
  }
}

}  // namespace medlint
