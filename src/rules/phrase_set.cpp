#include "rules/phrase_set.h"

#include <algorithm>
#include <re2/re2.h>
#include <re2/set.h>

namespace medlint {

struct PhraseSet::Impl {
  std::unique_ptr<RE2::Set> set;
  std::vector<std::unique_ptr<RE2>> patterns;
};

namespace {

RE2::Options pattern_options() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_longest_match(true);
  // Large phrase sets need room for their DFA; RE2::Set has no slower
  // fallback and reports running out of memory as "no match".
  options.set_max_mem(int64_t{256} << 20);
  return options;
}

// A phrase matches whole words, case folded, with any white space between
// its words; an apostrophe may be typed either way ("don't", "dont").
std::string phrase_to_regex(std::string_view phrase) {
  std::string regex;
  bool pending_space = false;
  for (char c : phrase) {
    if (c == ' ' || c == '\t' || c == '\n') {
      pending_space = !regex.empty();
      continue;
    }
    if (pending_space) regex += R"(\s+)";
    pending_space = false;
    if (c == '\'') {
      regex += "'?";
    } else if (c >= 'A' && c <= 'Z') {
      regex += static_cast<char>(c + 32);
    } else {
      const std::string_view one(&c, 1);
      regex += RE2::QuoteMeta(re2::StringPiece(one.data(), one.size()));
    }
  }
  const auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  const std::string_view trimmed = phrase.substr(phrase.find_first_not_of(" \t"));
  const bool word_start = !trimmed.empty() && is_word(trimmed.front());
  const bool word_end = !trimmed.empty() && is_word(phrase[phrase.find_last_not_of(" \t")]);
  return std::string(word_start ? R"(\b)" : "") + regex + (word_end ? R"(\b)" : "");
}

}  // namespace

PhraseSet::PhraseSet() = default;
PhraseSet::~PhraseSet() = default;
PhraseSet::PhraseSet(PhraseSet&&) noexcept = default;
PhraseSet& PhraseSet::operator=(PhraseSet&&) noexcept = default;

PhraseSet PhraseSet::compile(const std::vector<Entry>& entries) {
  PhraseSet result;
  if (entries.empty()) return result;
  result.impl_ = std::make_unique<Impl>();
  result.impl_->set = std::make_unique<RE2::Set>(pattern_options(), RE2::UNANCHORED);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::string regex = entries[i].is_regex ? entries[i].text : phrase_to_regex(entries[i].text);
    auto pattern = std::make_unique<RE2>(regex, pattern_options());
    if (!pattern->ok()) throw PatternError(static_cast<int>(i), pattern->error());
    std::string error;
    if (result.impl_->set->Add(regex, &error) < 0) throw PatternError(static_cast<int>(i), error);
    result.impl_->patterns.push_back(std::move(pattern));
  }
  if (!result.impl_->set->Compile()) throw PatternError(0, "the phrase list is too large to compile");
  return result;
}

bool PhraseSet::empty() const { return !impl_; }

bool PhraseSet::matches_any(std::string_view text, Span range) const {
  if (!impl_ || range.begin > range.end || range.end > text.size()) return false;
  return impl_->set->Match(re2::StringPiece(text.data() + range.begin, range.size()), nullptr);
}

std::vector<PhraseSet::Match> PhraseSet::find_all(std::string_view text, Span range) const {
  std::vector<Match> matches;
  if (!impl_ || range.begin > range.end || range.end > text.size()) return matches;
  // One pass over the text tells which entries occur; only those are located.
  std::vector<int> hits;
  const re2::StringPiece whole(text.data(), text.size());
  RE2::Set::ErrorInfo error{};
  if (!impl_->set->Match(re2::StringPiece(text.data() + range.begin, range.size()), &hits, &error)) {
    if (error.kind != RE2::Set::kOutOfMemory) return matches;
    // The set's DFA ran out of memory on this text: try every entry.
    hits.resize(impl_->patterns.size());
    for (std::size_t i = 0; i < hits.size(); ++i) hits[i] = static_cast<int>(i);
  }
  for (int entry : hits) {
    const RE2& pattern = *impl_->patterns[static_cast<std::size_t>(entry)];
    std::size_t position = range.begin;
    re2::StringPiece found;
    // Matching inside `whole` with bounds keeps \b honest at the range edges.
    while (position <= range.end &&
           pattern.Match(whole, position, range.end, RE2::UNANCHORED, &found, 1)) {
      const auto begin = static_cast<std::size_t>(found.data() - text.data());
      const std::size_t end = begin + found.size();
      matches.push_back({{begin, end}, entry});
      position = end > begin ? end : begin + 1;
    }
  }
  // Leftmost first, longest first; then drop matches overlapping a kept one.
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    if (a.text.begin != b.text.begin) return a.text.begin < b.text.begin;
    if (a.text.end != b.text.end) return a.text.end > b.text.end;
    return a.entry < b.entry;
  });
  std::vector<Match> kept;
  for (const Match& match : matches) {
    if (kept.empty() || match.text.begin >= kept.back().text.end) kept.push_back(match);
  }
  return kept;
}

}  // namespace medlint
