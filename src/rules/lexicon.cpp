#include "rules/lexicon.h"

#include <fmt/format.h>

#include "core/varint.h"
#include "language/lemmatizer.h"
#include "rules/options.h"

namespace medlint {
namespace {

struct PendingEntry {
  PhraseSet::Entry entry;
  YAML::Node node;  // where it was written, for errors
  int group;
};

// A term's spelling with the apostrophes of contractions dropped, where
// it has any (a pattern's "n't" and "i'm" made optional: "can'?t"); empty
// otherwise.
std::string informal_spelling(const std::string& term, bool is_regex) {
  // Every contraction has one (most terms do not).
  if (term.find('\'') == std::string::npos) return {};
  std::string informal;
  bool changed = false;
  if (is_regex) {
    for (std::size_t at = 0; at < term.size(); ++at) {
      informal.push_back(term[at]);
      const bool contraction = term[at] == '\'' && at + 1 < term.size() &&
                               ((at > 0 && term[at - 1] == 'n' && term[at + 1] == 't') ||
                                (at > 0 && term[at - 1] == 'i' && term[at + 1] == 'm' &&
                                 (at < 2 || !std::isalpha(static_cast<unsigned char>(term[at - 2])))));
      if (contraction) {
        informal.push_back('?');
        changed = true;
      }
    }
    return changed ? informal : std::string();
  }
  std::size_t begin = 0;
  while (begin <= term.size()) {
    std::size_t end = term.find(' ', begin);
    if (end == std::string::npos) end = term.size();
    const std::string_view word = std::string_view(term).substr(begin, end - begin);
    const std::string bare = dropped_apostrophe(word);
    informal.append(bare.empty() ? std::string(word) : bare);
    changed = changed || !bare.empty();
    if (end < term.size()) informal.push_back(' ');
    begin = end + 1;
  }
  return changed ? informal : std::string();
}

void read_terms(const YAML::Node& group, const std::string& key, bool is_regex, int index,
                const std::string& path, const std::string& what, std::vector<PendingEntry>& out) {
  const YAML::Node list = group[key];
  if (!list) return;
  if (!list.IsSequence()) throw config_error(path, list, fmt::format("`{}` of {} must be a list of strings", key, what));
  for (const auto& item : list) {
    if (!item.IsScalar() || item.Scalar().empty()) {
      throw config_error(path, item, fmt::format("`{}` of {} must list non-empty strings", key, what));
    }
    // Text messages leave the apostrophe off: "cant breathe", "shes not
    // responding" read as "can't breathe", "she's not responding". A
    // pattern takes the optional apostrophe in place; a phrase gets a second
    // spelling.
    std::string informal = informal_spelling(item.Scalar(), is_regex);
    if (is_regex && !informal.empty()) {
      out.push_back({{std::move(informal), is_regex}, item, index});
      continue;
    }
    out.push_back({{item.Scalar(), is_regex}, item, index});
    if (!informal.empty()) out.push_back({{std::move(informal), is_regex}, item, index});
  }
}

}  // namespace

Lexicon Lexicon::read(const YAML::Node& node, const std::string& path, const Locale& locale,
                      const std::string& what) {
  Lexicon lexicon;
  if (!node || node.IsNull()) return lexicon;
  std::vector<YAML::Node> groups;
  if (node.IsMap()) {
    groups.push_back(node);
  } else if (node.IsSequence()) {
    for (const auto& group : node) groups.push_back(group);
  } else {
    throw config_error(path, node, fmt::format("{} must be a list of groups with phrases or patterns", what));
  }
  std::vector<PendingEntry> pending;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const YAML::Node& group = groups[i];
    if (!group.IsMap()) throw config_error(path, group, fmt::format("each group of {} must be a map", what));
    const int index = static_cast<int>(i);
    read_terms(group, "phrases", false, index, path, what, pending);
    read_terms(group, "patterns", true, index, path, what, pending);
    if (const YAML::Node locales = group["locales"]) {
      if (!locales.IsMap()) throw config_error(path, locales, fmt::format("`locales` of {} must be a map", what));
      if (const YAML::Node local = locales[locale.tag]) {
        read_terms(local, "phrases", false, index, path, what, pending);
        read_terms(local, "patterns", true, index, path, what, pending);
      }
    }
    lexicon.names_.push_back(group["name"] ? group["name"].as<std::string>("") : std::string());
    lexicon.nodes_.push_back(group);
  }
  std::vector<PhraseSet::Entry> entries;
  for (const PendingEntry& item : pending) {
    entries.push_back(item.entry);
    lexicon.group_of_entry_.push_back(item.group);
  }
  try {
    lexicon.set_ = PhraseSet::compile(entries);
  } catch (const PhraseSet::PatternError& error) {
    const PendingEntry& bad = pending[static_cast<std::size_t>(error.entry)];
    throw config_error(path, bad.node, fmt::format("invalid pattern \"{}\" in {}: {}", bad.entry.text, what, error.what()));
  }
  lexicon.entries_ = std::move(entries);
  return lexicon;
}

void Lexicon::append_image(std::string& out) const {
  append_varint(entries_.size(), out);
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    out += entries_[i].is_regex ? '1' : '0';
    append_varint(entries_[i].text.size(), out);
    out += entries_[i].text;
    append_varint(static_cast<std::uint64_t>(group_of_entry_[i]), out);
  }
  append_varint(names_.size(), out);
  for (const std::string& name : names_) {
    append_varint(name.size(), out);
    out += name;
  }
}

std::optional<Lexicon> Lexicon::read_image(std::string_view& image) {
  const auto read_text = [&](std::string& text) {
    std::uint64_t size = 0;
    if (!read_varint(image, size) || size > image.size()) return false;
    text.assign(image.substr(0, size));
    image.remove_prefix(size);
    return true;
  };
  Lexicon lexicon;
  std::uint64_t entries = 0, names = 0;
  if (!read_varint(image, entries) || entries > image.size()) return std::nullopt;
  lexicon.entries_.resize(entries);
  lexicon.group_of_entry_.resize(entries);
  for (std::size_t i = 0; i < entries; ++i) {
    std::uint64_t group = 0;
    if (image.empty()) return std::nullopt;
    lexicon.entries_[i].is_regex = image.front() == '1';
    image.remove_prefix(1);
    if (!read_text(lexicon.entries_[i].text) || !read_varint(image, group)) return std::nullopt;
    lexicon.group_of_entry_[i] = static_cast<int>(group);
  }
  if (!read_varint(image, names) || names > image.size()) return std::nullopt;
  lexicon.names_.resize(names);
  for (std::string& name : lexicon.names_) {
    if (!read_text(name)) return std::nullopt;
  }
  for (const int group : lexicon.group_of_entry_) {
    if (static_cast<std::uint64_t>(group) >= names) return std::nullopt;
  }
  lexicon.nodes_.resize(names);
  lexicon.set_ = PhraseSet::compile(lexicon.entries_);
  return lexicon;
}

Lexicon Lexicon::of_phrases(const std::vector<std::string>& phrases) {
  return of_phrase_set(PhraseSet::of_phrases(phrases), phrases.size());
}

Lexicon Lexicon::of_phrase_set(PhraseSet set, std::size_t phrases) {
  Lexicon lexicon;
  lexicon.set_ = std::move(set);
  lexicon.group_of_entry_.assign(phrases, 0);
  lexicon.names_.emplace_back();
  lexicon.nodes_.emplace_back();
  return lexicon;
}

std::vector<Lexicon::Match> Lexicon::find_all(std::string_view text, Span range, const PatternHits* hits) const {
  const std::vector<PhraseSet::Match> found = set_.find_all(text, range, hits);
  std::vector<Match> result;
  result.reserve(found.size());
  for (const PhraseSet::Match& match : found) {
    result.push_back({match.text, group_of_entry_[static_cast<std::size_t>(match.entry)]});
  }
  return result;
}

}  // namespace medlint
