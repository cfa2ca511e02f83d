#include "parse/front_matter.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "medlint/parse.h"
#include "parse/metadata_lines.h"

namespace medlint {
namespace {

struct FrontMatterError {
  YAML::Mark mark;
  std::string message;
};

class FrontMatterReader {
 public:
  FrontMatterReader(Document& document, DocumentBuilder& builder, Span content)
      : document_(document), source_(document.source()), builder_(builder), content_(content) {}

  void read() {
    const std::string yaml(source_.slice(content_));
    YAML::Node root;
    try {
      root = YAML::Load(yaml);
    } catch (const YAML::ParserException& error) {
      report(error.mark, fmt::format("malformed front matter: {}", error.msg));
      return;
    }
    if (root.IsNull()) return;
    if (!root.IsMap()) {
      report(root.Mark(), "front matter must be a mapping of keys to values");
      return;
    }
    try {
      read_map(root);
    } catch (const FrontMatterError& error) {
      report(error.mark, error.message);
    }
  }

 private:
  void read_map(const YAML::Node& root) {
    for (const auto& entry : root) {
      const std::string key = entry.first.as<std::string>("");
      const YAML::Node& value = entry.second;
      // An empty value ("description:") says nothing; CMS templates leave many.
      if (value.IsNull()) continue;
      if (key == "title") {
        document_.meta.title = field(value, key);
        add_block(BlockKind::Title, *document_.meta.title);
      } else if (key == "summary" || key == "description") {
        if (document_.meta.summary) continue;
        document_.meta.summary = field(value, key);
        add_block(BlockKind::Summary, *document_.meta.summary);
      } else if (key == "reviewed" || key == "last_reviewed" || key == "review_date" || key == "lastReviewed" ||
                 key == "medically_reviewed" || key == "last_medical_review" || key == "date_reviewed") {
        read_review(key, value);
      } else if (key == "updated" || key == "last_updated" || key == "lastUpdated" || key == "dateModified" ||
                 key == "modified" || key == "lastupdate" || key == "last_update") {
        add_date(DateMention::Kind::Updated, key, value);
      } else if (key == "next_review" || key == "next_review_date" || key == "review_due" || key == "nextReview") {
        add_date(DateMention::Kind::NextReview, key, value);
      } else if (key == "reviewer" || key == "reviewed_by" || key == "medical_reviewer") {
        document_.meta.reviewer = person(value, key);
      } else if (key == "author") {
        document_.meta.author = person(value, key);
      } else if (key == "references" || key == "sources" || key == "citations") {
        read_references(key, value);
      } else if (key == "medlint") {
        read_medlint(value);
      }
    }
  }

  // `medically_reviewed` may be a date or a map {date, by}.
  void read_review(const std::string& key, const YAML::Node& value) {
    if (value.IsMap()) {
      for (const char* date_key : {"date", "on"}) {
        if (value[date_key]) add_date(DateMention::Kind::Reviewed, key, value[date_key]);
      }
      for (const char* person_key : {"by", "reviewer"}) {
        if (value[person_key]) document_.meta.reviewer = person(value[person_key], key);
      }
      return;
    }
    add_date(DateMention::Kind::Reviewed, key, value);
  }

  void add_date(DateMention::Kind kind, const std::string& key, const YAML::Node& value) {
    const Field date = field(value, key);
    DateMention mention;
    mention.kind = kind;
    mention.raw = date.value;
    mention.label = key;
    mention.span = date.span;
    mention.from_front_matter = true;
    document_.meta.dates.push_back(std::move(mention));
  }

  Field person(const YAML::Node& value, const std::string& key) {
    if (value.IsMap() && value["name"]) return field(value["name"], key + ".name");
    if (value.IsSequence() && value.size() > 0) return person(value[0], key);
    return field(value, key);
  }

  void read_references(const std::string& key, const YAML::Node& value) {
    if (value.IsNull()) return;
    if (!value.IsSequence()) {
      throw FrontMatterError{value.Mark(), fmt::format("`{}` must be a list of strings or of maps with title, url, "
                                                       "doi, pmid, year", key)};
    }
    for (const auto& item : value) {
      Reference reference;
      if (item.IsMap()) {
        for (const char* text_key : {"title", "text", "citation", "name"}) {
          if (item[text_key]) {
            reference.text = field(item[text_key], text_key).value;
            break;
          }
        }
        if (item["url"]) reference.url = field(item["url"], "url").value;
        if (item["doi"]) reference.doi = field(item["doi"], "doi").value;
        if (item["pmid"]) reference.pmid = field(item["pmid"], "pmid").value;
        if (item["year"]) {
          const Field year = field(item["year"], "year");
          try {
            reference.year = std::stoi(year.value);
          } catch (const std::exception&) {
            throw FrontMatterError{item["year"].Mark(), fmt::format("`year` must be a number, not \"{}\"", year.value)};
          }
        }
      } else {
        reference.text = field(item, key).value;
      }
      reference.span = span_of(item);
      read_reference_fields(reference);
      document_.meta.references.push_back(std::move(reference));
    }
  }

  void read_medlint(const YAML::Node& value) {
    if (!value.IsMap()) throw FrontMatterError{value.Mark(), "`medlint` must be a map such as {disable: [RULE]}"};
    const YAML::Node disable = value["disable"];
    if (!disable) return;
    if (disable.IsScalar()) {
      document_.meta.disabled_rules.push_back(field(disable, "disable"));
      return;
    }
    if (!disable.IsSequence()) throw FrontMatterError{disable.Mark(), "`medlint.disable` must be a list of rule ids"};
    for (const auto& rule : disable) document_.meta.disabled_rules.push_back(field(rule, "disable"));
  }

  Field field(const YAML::Node& value, const std::string& key) {
    if (!value.IsScalar()) {
      throw FrontMatterError{value.Mark(), fmt::format("`{}` must be a single value", key)};
    }
    return Field{value.Scalar(), span_of(value)};
  }

  // The source bytes of a node: exact for plain and quoted one-line scalars,
  // else from the node's start to the end of its line.
  Span span_of(const YAML::Node& node) const {
    const std::size_t begin = offset_of(node.Mark());
    if (node.IsScalar()) {
      const std::string& value = node.Scalar();
      const std::string_view rest = source_.text().substr(begin);
      if (rest.starts_with(value)) return {begin, begin + value.size()};
      if (!rest.empty() && (rest[0] == '"' || rest[0] == '\'') && rest.substr(1).starts_with(value)) {
        return {begin + 1, begin + 1 + value.size()};
      }
    }
    const int line = source_.position(begin).line;
    return {begin, std::max(begin, source_.line_span(line).end)};
  }

  // yaml-cpp marks count lines and columns from the start of the YAML text.
  std::size_t offset_of(const YAML::Mark& mark) const {
    const int first_line = source_.position(content_.begin).line;
    const Span line = source_.line_span(first_line + std::max(mark.line, 0));
    const std::string_view text = source_.text();
    std::size_t offset = line.begin;
    for (int column = 0; column < mark.column && offset < line.end; ++column) {
      ++offset;
      while (offset < line.end && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) ++offset;
    }
    return std::min(offset, content_.end);
  }

  void add_block(BlockKind kind, const Field& value) {
    builder_.begin_block(kind, value.span);
    if (source_.slice(value.span) == value.value) {
      builder_.add_text(value.span);
    } else {
      builder_.add_synthetic(value.value, value.span);
    }
    builder_.end_block();
  }

  void report(const YAML::Mark& mark, std::string message) {
    const std::size_t offset = mark.is_null() ? content_.begin : offset_of(mark);
    document_.problems.push_back(make_diagnostic(source_, "front-matter", Severity::Error, {offset, offset},
                                                 std::move(message), "fix the YAML between the --- lines"));
  }

  Document& document_;
  const SourceFile& source_;
  DocumentBuilder& builder_;
  Span content_;
};

// Whether line `number` is a front matter fence: "---" (or "..." to close).
bool is_fence(const SourceFile& source, int number, bool closing) {
  std::string_view line = source.line_text(number);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
}

}  // namespace

std::optional<FrontMatterBounds> find_front_matter(const SourceFile& source) {
  if (source.line_count() < 1 || !is_fence(source, 1, false)) return std::nullopt;
  for (int number = 2; number <= source.line_count(); ++number) {
    if (!is_fence(source, number, true)) continue;
    return FrontMatterBounds{{source.line_span(2).begin, source.line_span(number).begin}, source.line_span(number)};
  }
  return std::nullopt;
}

std::size_t read_front_matter(Document& document, DocumentBuilder& builder) {
  const SourceFile& source = document.source();
  if (source.line_count() < 1 || !is_fence(source, 1, false)) return source.content_start();
  if (const auto bounds = find_front_matter(source)) {
    FrontMatterReader(document, builder, bounds->content).read();
    const int fence_line = source.position(bounds->closing_fence.begin).line;
    return fence_line < source.line_count() ? source.line_span(fence_line + 1).begin : bounds->closing_fence.end;
  }
  document.problems.push_back(make_diagnostic(
      source, "front-matter", Severity::Error, source.line_span(1),
      "front matter is not closed: no \"---\" line ends it", "add a line \"---\" after the last metadata key"));
  return source.content_start();
}

}  // namespace medlint
