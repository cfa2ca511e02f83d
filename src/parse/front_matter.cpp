#include "parse/front_matter.h"

#include <algorithm>
#include <fmt/format.h>

#include "medlint/parse.h"
#include "parse/meta_tree.h"
#include "parse/metadata_lines.h"

namespace medlint {
namespace {

// A value of the wrong kind under a key medlint reads.
struct FrontMatterError {
  Span where;
  std::string message;
};

// The built-in keys of each field, after the configured ones.
const std::vector<std::string> kTitleKeys{"title"};
const std::vector<std::string> kSummaryKeys{"summary", "description"};
const std::vector<std::string> kReviewDateKeys{
    "reviewed", "reviewed_on", "last_reviewed", "review_date", "lastReviewed", "last_medical_review", "date_reviewed",
    "medically_reviewed", "medically_reviewed.date", "medically_reviewed.on", "review.date", "medicalReview.date",
    "medical_review.date"};
const std::vector<std::string> kReviewerKeys{
    "reviewer", "reviewed_by", "medical_reviewer", "medically_reviewed.by", "medically_reviewed.reviewer", "review.by",
    "review.reviewer", "medicalReview.by", "medicalReview.reviewer", "medical_review.by"};
const std::vector<std::string> kUpdatedKeys{
    "updated", "last_updated", "lastUpdated", "dateModified", "modified", "lastupdate", "lastmod", "last_modified_at",
    "last_update", "last_update.date"};
const std::vector<std::string> kPublishedKeys{"date", "published", "publishDate", "datePublished", "pubDate"};
const std::vector<std::string> kNextReviewKeys{"next_review", "next_review_date", "review_due", "nextReview"};
const std::vector<std::string> kAuthorKeys{"author", "authors", "last_update.author"};
const std::vector<std::string> kReferenceKeys{"references", "sources", "citations", "bibliography"};

class FieldReader {
 public:
  FieldReader(Document& document, DocumentBuilder& builder, const FrontMatterKeys& keys)
      : document_(document), builder_(builder), keys_(keys) {}

  void read(const MetaValue& root) {
    Metadata& meta = document_.meta;
    meta.title = single(root, {}, kTitleKeys);
    // Pages and search results show either of the summary keys, so each is
    // read as prose; the first is the summary.
    const std::vector<Field> summaries = every(root, kSummaryKeys);
    if (!summaries.empty()) meta.summary = summaries.front();
    add_text_blocks(summaries, custom_prose(root));
    read_dates(root, DateMention::Kind::Reviewed, keys_.review_date, kReviewDateKeys);
    read_dates(root, DateMention::Kind::Updated, keys_.updated, kUpdatedKeys);
    read_dates(root, DateMention::Kind::Published, {}, kPublishedKeys);
    read_dates(root, DateMention::Kind::NextReview, {}, kNextReviewKeys);
    meta.reviewer = person(root, keys_.reviewer, kReviewerKeys);
    meta.author = person(root, {}, kAuthorKeys);
    read_references(root);
    read_medlint(root);
  }

 private:
  // Configured keys first; a configured key holding the wrong kind of value
  // is an error, a built-in one is passed over (sites use the same names
  // for other things).
  template <typename Visit>
  void each_key(const MetaValue& root, const std::vector<std::string>& configured,
                const std::vector<std::string>& built_in, Visit visit) {
    for (const auto* keys : {&configured, &built_in}) {
      for (const std::string& key : *keys) {
        // A configured key is read once, first.
        if (keys == &built_in && std::find(configured.begin(), configured.end(), key) != configured.end()) continue;
        for (const MetaValue* value : root.all_at(key)) {
          // An empty value ("description:") says nothing; CMS templates leave many.
          if (value->type == MetaValue::Type::Null || (value->type == MetaValue::Type::Scalar && value->scalar.empty())) continue;
          if (!visit(key, *value) && keys == &configured) {
            throw FrontMatterError{value->span, fmt::format("`{}` (set in the configuration's `fields`) does not hold a "
                                                            "value of that kind here",
                                                            key)};
          }
        }
      }
    }
  }

  // The one-value fields under any of `keys`, in key order.
  std::vector<Field> every(const MetaValue& root, const std::vector<std::string>& keys) {
    std::vector<Field> found;
    each_key(root, {}, keys, [&](const std::string& key, const MetaValue& value) {
      if (value.type != MetaValue::Type::Scalar) return false;
      found.push_back(Field{value.scalar, value.span, key});
      return true;
    });
    return found;
  }

  std::optional<Field> single(const MetaValue& root, const std::vector<std::string>& configured,
                              const std::vector<std::string>& built_in) {
    std::optional<Field> found;
    each_key(root, configured, built_in, [&](const std::string& key, const MetaValue& value) {
      if (value.type != MetaValue::Type::Scalar) return false;
      if (!found) found = Field{value.scalar, value.span, key};
      return true;
    });
    return found;
  }

  // A name, {name: ...}, or a list of those (the first is kept).
  std::optional<Field> person(const MetaValue& root, const std::vector<std::string>& configured,
                              const std::vector<std::string>& built_in) {
    std::optional<Field> found;
    each_key(root, configured, built_in, [&](const std::string& key, const MetaValue& value) {
      const MetaValue* name = &value;
      if (name->type == MetaValue::Type::List && !name->items.empty()) name = &name->items.front();
      if (name->type == MetaValue::Type::Map) name = name->find("name");
      if (!name || name->type != MetaValue::Type::Scalar) return false;
      if (!found) found = Field{name->scalar, name->span, key};
      return true;
    });
    return found;
  }

  void read_dates(const MetaValue& root, DateMention::Kind kind, const std::vector<std::string>& configured,
                  const std::vector<std::string>& built_in) {
    each_key(root, configured, built_in, [&](const std::string& key, const MetaValue& value) {
      if (value.type != MetaValue::Type::Scalar) return false;
      // A key mapped to the review date is not also an update date.
      if (kind != DateMention::Kind::Reviewed && claimed(key)) return true;
      DateMention mention;
      mention.kind = kind;
      mention.raw = value.scalar;
      mention.label = key;
      mention.span = value.span;
      mention.from_front_matter = true;
      document_.meta.dates.push_back(std::move(mention));
      return true;
    });
  }

  bool claimed(const std::string& key) const {
    return std::find(keys_.review_date.begin(), keys_.review_date.end(), key) != keys_.review_date.end();
  }

  void read_references(const MetaValue& root) {
    each_key(root, keys_.references, kReferenceKeys, [&](const std::string& key, const MetaValue& value) {
      // One string where a list belongs is a mistake, not another use of the name.
      if (value.type == MetaValue::Type::Scalar) {
        throw FrontMatterError{value.span, fmt::format("`{}` must be a list of strings or of maps with title, url, "
                                                       "doi, pmid, year", key)};
      }
      if (value.type != MetaValue::Type::List) return false;
      for (const MetaValue& item : value.items) document_.meta.references.push_back(reference(item, key));
      return true;
    });
  }

  // A string, or a map {title, url, doi, pmid, year}.
  Reference reference(const MetaValue& item, const std::string& key) {
    Reference reference;
    reference.span = item.span;
    if (item.type == MetaValue::Type::Map) {
      for (const char* text_key : {"title", "text", "citation", "name"}) {
        if (const MetaValue* text = item.find(text_key); text && reference.text.empty()) reference.text = scalar(*text, text_key);
      }
      if (const MetaValue* url = item.find("url")) reference.url = scalar(*url, "url");
      if (const MetaValue* doi = item.find("doi")) reference.doi = scalar(*doi, "doi");
      if (const MetaValue* pmid = item.find("pmid")) reference.pmid = scalar(*pmid, "pmid");
      if (const MetaValue* year = item.find("year")) {
        const std::string text = scalar(*year, "year");
        try {
          reference.year = std::stoi(text);
        } catch (const std::exception&) {
          throw FrontMatterError{year->span, fmt::format("`year` must be a number, not \"{}\"", text)};
        }
      }
    } else {
      reference.text = scalar(item, key);
    }
    read_reference_fields(reference);
    return reference;
  }

  void read_medlint(const MetaValue& root) {
    const MetaValue* settings = root.find("medlint");
    if (!settings || settings->type == MetaValue::Type::Null) return;
    if (settings->type != MetaValue::Type::Map) {
      throw FrontMatterError{settings->span, "`medlint` must be a map such as {disable: [RULE]}"};
    }
    const MetaValue* disable = settings->find("disable");
    if (!disable) return;
    if (disable->type == MetaValue::Type::Scalar) {
      document_.meta.disabled_rules.push_back(Field{disable->scalar, disable->span, "medlint.disable"});
      return;
    }
    if (disable->type != MetaValue::Type::List) throw FrontMatterError{disable->span, "`medlint.disable` must be a list of rule ids"};
    for (const MetaValue& rule : disable->items) {
      document_.meta.disabled_rules.push_back(Field{scalar(rule, "disable"), rule.span, "medlint.disable"});
    }
  }

  static std::string scalar(const MetaValue& value, const std::string& key) {
    if (value.type != MetaValue::Type::Scalar) throw FrontMatterError{value.span, fmt::format("`{}` must be a single value", key)};
    return value.scalar;
  }

  // Text a site's templates may show under keys medlint does not know
  // (`callout:`, `faq: [{answer: ...}]`): any value with a space in it
  // that is not a link. Alt text is left out, as in the body.
  std::vector<Field> custom_prose(const MetaValue& root) const {
    std::vector<Field> found;
    for (const auto& [key, value] : root.entries) {
      if (!known_key(key)) collect_prose(key, value, found);
    }
    return found;
  }

  bool known_key(const std::string& key) const {
    const auto names = [&](const std::vector<std::string>& keys) {
      return std::any_of(keys.begin(), keys.end(), [&](const std::string& path) {
        return path == key || (path.starts_with(key) && path[key.size()] == '.');
      });
    };
    return key == "medlint" || names(kTitleKeys) || names(kSummaryKeys) || names(kReviewDateKeys) ||
           names(kReviewerKeys) || names(kUpdatedKeys) || names(kPublishedKeys) || names(kNextReviewKeys) ||
           names(kAuthorKeys) || names(kReferenceKeys) || names(keys_.review_date) || names(keys_.reviewer) ||
           names(keys_.references) || names(keys_.updated);
  }

  static void collect_prose(const std::string& key, const MetaValue& value, std::vector<Field>& found) {
    if (key == "alt" || key.ends_with("_alt") || key.starts_with("alt_")) return;
    switch (value.type) {
      case MetaValue::Type::Scalar:
        if (value.scalar.find(' ') != std::string::npos && !value.scalar.starts_with("http://") &&
            !value.scalar.starts_with("https://")) {
          found.push_back(Field{value.scalar, value.span, key});
        }
        break;
      case MetaValue::Type::Map:
        for (const auto& [child_key, child] : value.entries) collect_prose(child_key, child, found);
        break;
      case MetaValue::Type::List:
        for (const MetaValue& item : value.items) collect_prose(key, item, found);
        break;
      case MetaValue::Type::Null:
        break;
    }
  }

  // Title, summaries and other text are prose too, in the order they are written.
  void add_text_blocks(const std::vector<Field>& summaries, const std::vector<Field>& custom) {
    std::vector<std::pair<BlockKind, const Field*>> blocks;
    if (document_.meta.title) blocks.emplace_back(BlockKind::Title, &*document_.meta.title);
    for (const Field& summary : summaries) blocks.emplace_back(BlockKind::Summary, &summary);
    for (const Field& text : custom) blocks.emplace_back(BlockKind::FrontMatterText, &text);
    std::sort(blocks.begin(), blocks.end(), [](const auto& a, const auto& b) { return a.second->span.begin < b.second->span.begin; });
    for (const auto& [kind, field] : blocks) {
      builder_.begin_block(kind, field->span);
      if (document_.source().slice(field->span) == field->value) {
        builder_.add_text(field->span);
      } else {
        builder_.add_synthetic(field->value, field->span);
      }
      builder_.end_block();
    }
  }

  Document& document_;
  DocumentBuilder& builder_;
  const FrontMatterKeys& keys_;
};

void report(Document& document, std::size_t offset, std::string message, FrontMatterLanguage language) {
  document.problems.push_back(make_diagnostic(
      document.source(), "front-matter", Severity::Error, {offset, offset}, std::move(message),
      language == FrontMatterLanguage::Yaml ? "fix the YAML between the --- lines" : "fix the TOML between the +++ lines"));
}

// Parses the front matter into a tree; nullopt (with a problem recorded)
// when it is malformed. Flat YAML is read without yaml-cpp.
std::optional<MetaValue> parse_tree(Document& document, Span content, FrontMatterLanguage language) {
  const Positions positions(document.source(), content);
  try {
    if (language == FrontMatterLanguage::Toml) return toml_tree(positions);
    if (std::optional<MetaValue> flat = flat_yaml_tree(positions)) return flat;
    return yaml_tree(positions);
  } catch (const MetaTreeError& error) {
    report(document, error.offset, error.message, language);
    return std::nullopt;
  }
}

// Whether line `number` is a front matter fence: "---" (or "..." to close
// YAML), or "+++" for TOML.
bool is_fence(const SourceFile& source, int number, FrontMatterLanguage language, bool closing) {
  std::string_view line = source.line_text(number);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  if (language == FrontMatterLanguage::Toml) return line == "+++";
  return line == "---" || (closing && line == "...");
}

// The language of the front matter the first line opens, if it opens one.
std::optional<FrontMatterLanguage> opening_fence(const SourceFile& source) {
  if (source.line_count() < 1) return std::nullopt;
  if (is_fence(source, 1, FrontMatterLanguage::Toml, false)) return FrontMatterLanguage::Toml;
  if (is_fence(source, 1, FrontMatterLanguage::Yaml, false)) return FrontMatterLanguage::Yaml;
  return std::nullopt;
}

}  // namespace

std::optional<FrontMatterBounds> find_front_matter(const SourceFile& source) {
  const std::optional<FrontMatterLanguage> language = opening_fence(source);
  if (!language) return std::nullopt;
  for (int number = 2; number <= source.line_count(); ++number) {
    if (!is_fence(source, number, *language, true)) continue;
    return FrontMatterBounds{{source.line_span(2).begin, source.line_span(number).begin}, source.line_span(number), *language};
  }
  return std::nullopt;
}

bool front_matter_has_key(const SourceFile& source, const FrontMatterBounds& bounds, std::string_view key) {
  std::string_view content = source.slice(bounds.content);
  while (!content.empty()) {
    const std::size_t end = content.find('\n');
    std::string_view line = content.substr(0, end);
    content = end == std::string_view::npos ? std::string_view() : content.substr(end + 1);
    if (bounds.language == FrontMatterLanguage::Yaml) {
      if (line.starts_with(key) && line.substr(key.size()).starts_with(':')) return true;
      continue;
    }
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.starts_with("[[")) {
      line.remove_prefix(2);
    } else if (line.starts_with('[')) {
      line.remove_prefix(1);
    } else if (line.starts_with(key)) {
      std::string_view rest = line.substr(key.size());
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
      if (rest.starts_with('=')) return true;
      continue;
    } else {
      continue;
    }
    // A table header: [key] or [[key]] (or a subtable of key).
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.starts_with(key) && line.size() > key.size() && (line[key.size()] == ']' || line[key.size()] == '.' ||
                                                               line[key.size()] == ' ')) {
      return true;
    }
  }
  return false;
}

std::size_t read_front_matter(Document& document, DocumentBuilder& builder, const FrontMatterKeys& keys) {
  const SourceFile& source = document.source();
  const std::optional<FrontMatterLanguage> language = opening_fence(source);
  if (!language) return source.content_start();
  if (const auto bounds = find_front_matter(source)) {
    if (const auto tree = parse_tree(document, bounds->content, *language)) {
      try {
        FieldReader(document, builder, keys).read(*tree);
      } catch (const FrontMatterError& error) {
        document.problems.push_back(make_diagnostic(source, "front-matter", Severity::Error, error.where, error.message,
                                                    "fix the value, or the `fields` mapping in .medlint.yaml"));
      }
    }
    const int fence_line = source.position(bounds->closing_fence.begin).line;
    return fence_line < source.line_count() ? source.line_span(fence_line + 1).begin : bounds->closing_fence.end;
  }
  const std::string_view fence = *language == FrontMatterLanguage::Toml ? "+++" : "---";
  document.problems.push_back(make_diagnostic(
      source, "front-matter", Severity::Error, source.line_span(1),
      fmt::format("front matter is not closed: no \"{}\" line ends it", fence),
      fmt::format("add a line \"{}\" after the last metadata key", fence)));
  return source.content_start();
}

}  // namespace medlint
