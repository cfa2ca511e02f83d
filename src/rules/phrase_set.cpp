#include "rules/phrase_set.h"

#include <algorithm>
#include <mutex>
#include <re2/re2.h>
#include <re2/set.h>

namespace medlint {

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

}  // namespace

struct PhraseSet::Impl {
  // Entries are parsed (and their syntax checked) by compile(); the set's
  // program is built on first use, since many cue lists are only consulted
  // around a match and a one-file run should not pay for all of them.
  std::unique_ptr<RE2::Set> set;
  std::once_flag set_built;
  bool set_ok = true;
  std::vector<std::string> regexes;
  // Each entry's own RE2 locates its matches. Built on first use: most
  // entries never occur in a run, and compiling them all would dominate a
  // one-file run (a pre-commit hook). RE2::Set::Add has already checked
  // every entry's syntax.
  std::unique_ptr<std::once_flag[]> built;
  std::unique_ptr<std::unique_ptr<RE2>[]> patterns;

  const RE2::Set* ready_set() {
    std::call_once(set_built, [&] { set_ok = set->Compile(); });
    return set_ok ? set.get() : nullptr;
  }

  const RE2& pattern(std::size_t entry) {
    std::call_once(built[entry], [&] {
      RE2::Options options = pattern_options();
      // Locating a known hit needs no longest-match semantics (the overlap
      // rule of find_all picks among entries); leftmost-first is faster.
      options.set_longest_match(false);
      patterns[entry] = std::make_unique<RE2>(regexes[entry], options);
    });
    return *patterns[entry];
  }
};

namespace {

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
    std::string regex = entries[i].is_regex ? entries[i].text : phrase_to_regex(entries[i].text);
    std::string error;
    if (result.impl_->set->Add(regex, &error) < 0) throw PatternError(static_cast<int>(i), error);
    result.impl_->regexes.push_back(std::move(regex));
  }
  result.impl_->built = std::make_unique<std::once_flag[]>(entries.size());
  result.impl_->patterns = std::make_unique<std::unique_ptr<RE2>[]>(entries.size());
  return result;
}

bool PhraseSet::empty() const { return !impl_; }

std::vector<PhraseSet::Match> PhraseSet::find_all(std::string_view text, Span range) const {
  std::vector<Match> matches;
  if (!impl_ || range.begin > range.end || range.end > text.size()) return matches;
  // One pass over the text tells which entries occur; only those are located.
  std::vector<int> hits;
  const re2::StringPiece whole(text.data(), text.size());
  RE2::Set::ErrorInfo error{};
  const RE2::Set* set = impl_->ready_set();
  if (!set || !set->Match(re2::StringPiece(text.data() + range.begin, range.size()), &hits, &error)) {
    if (set && error.kind != RE2::Set::kOutOfMemory) return matches;
    // The set could not be built or its DFA ran out of memory: try every entry.
    hits.resize(impl_->regexes.size());
    for (std::size_t i = 0; i < hits.size(); ++i) hits[i] = static_cast<int>(i);
  }
  for (int entry : hits) {
    const RE2& pattern = impl_->pattern(static_cast<std::size_t>(entry));
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
