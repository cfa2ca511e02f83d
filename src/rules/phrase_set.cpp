#include "rules/phrase_set.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <re2/re2.h>
#include <re2/set.h>
#include <unordered_map>

#include "core/fnv1a.h"
#include "core/keyed_images.h"
#include "core/kept_for_build.h"
#include "core/scratch.h"
#include "medlint/normalized_text.h"
#include "rules/pattern_scan.h"
#include "rules/phrase_trie.h"

namespace medlint {

namespace {

RE2::Options pattern_options() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_longest_match(true);
  // Large pattern sets need room for their DFA; RE2::Set has no slower
  // fallback and reports running out of memory as "no match".
  options.set_max_mem(int64_t{256} << 20);
  return options;
}

// Whether `pattern` has a counted repetition ("(?:\W+\w+){0,5}"): the
// program holds a copy of the repeated part per count, and a DFA state
// must say which copy each of the pattern's threads is in. Such states,
// multiplied by the states of every other such pattern of one set, are
// what a DFA on varied real text keeps building. Telling a literal "{"
// for one costs speed only: both sets are scanned.
bool has_counted_repetition(std::string_view pattern) {
  for (std::size_t at = 0; at < pattern.size(); ++at) {
    if (pattern[at] == '\\') {
      ++at;
      continue;
    }
    if (pattern[at] == '{' && at + 1 < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[at + 1]))) {
      return true;
    }
  }
  return false;
}

// The tries the build step keeps (keep_phrase_trie_images), by the hash of
// their phrases.
KeptForBuild<std::map<std::uint64_t, std::string>>& kept_tries() {
  static KeptForBuild<std::map<std::uint64_t, std::string>> kept;
  return kept;
}

// What a set's trie is built from: its phrases, each with its entry number.
std::uint64_t phrases_hash(const std::vector<PhraseSet::Entry>& entries) {
  std::uint64_t hash = kFnv1aBasis;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].is_regex) continue;
    const auto entry = static_cast<std::uint32_t>(i);
    hash = fnv1a({reinterpret_cast<const char*>(&entry), sizeof entry}, hash);
    hash = fnv1a({entries[i].text.data(), entries[i].text.size() + 1}, hash);
  }
  return hash;
}

// The shipped trie of the phrases that hash to `hash`, read in place.
std::optional<PhraseTrie> shipped_trie(std::uint64_t hash) {
  const std::optional<std::string_view> image = find_keyed_image(shipped_phrase_trie_images(), hash);
  return image ? PhraseTrie::in_image(*image) : std::nullopt;
}

}  // namespace

// Phrases go to a trie; patterns to a shipped database or RE2::Sets that
// tell which of them occur, and to each pattern's own RE2 that locates it.
struct PhraseSet::Impl {
  // Patterns with counted repetitions and the others go to separate sets:
  // one set of both kinds builds a DFA state for each combination of their
  // states, and on varied text ran 2-4x slower than the two sets together.
  struct PatternSet {
    // The set's program is built on first use: many cue lists are only
    // consulted around a match, and a one-file run should not pay for all.
    // So are its members whose syntax was checked when medlint was built:
    // a lexicon the scan covers never builds its set.
    std::unique_ptr<RE2::Set> set;
    std::once_flag built;
    bool ok = true;
    std::vector<int> regexes;  // each set member's regex number
    std::vector<int> unadded;  // regex numbers to add on first use

    const RE2::Set* ready(const std::vector<std::string>& texts) {
      std::call_once(built, [&] {
        for (const int regex : unadded) {
          ok = ok && set->Add(texts[static_cast<std::size_t>(regex)], nullptr) >= 0;
          regexes.push_back(regex);
        }
        ok = ok && set->Compile();
      });
      return ok ? set.get() : nullptr;
    }
  };
  PhraseTrie phrases;
  std::shared_ptr<const SetPatternScan> shipped;  // when the binary has one for the patterns; else
  std::array<PatternSet, 2> sets;                 // without and with counted repetitions
  std::vector<std::string> regexes;
  std::vector<int> regex_entry;  // the entry number of each regex
  // Each pattern's own RE2, built on first use: most never occur in a run.
  // RE2::Set::Add has already checked every pattern's syntax.
  std::unique_ptr<std::once_flag[]> built;
  std::unique_ptr<std::unique_ptr<RE2>[]> patterns;

  // Adds pattern `text` as regex number regexes.size(); returns RE2's error.
  std::optional<std::string> add(const std::string& text, int entry) {
    if (shipped) {
      regexes.push_back(text);
      regex_entry.push_back(entry);
      return std::nullopt;
    }
    PatternSet& kind = sets[has_counted_repetition(text) ? 1 : 0];
    if (!kind.set) kind.set = std::make_unique<RE2::Set>(pattern_options(), RE2::UNANCHORED);
    if (checked_when_built(text)) {
      kind.unadded.push_back(static_cast<int>(regexes.size()));
    } else {
      std::string error;
      if (kind.set->Add(text, &error) < 0) return error;
      kind.regexes.push_back(static_cast<int>(regexes.size()));
    }
    regexes.push_back(text);
    regex_entry.push_back(entry);
    return std::nullopt;
  }

  const RE2& pattern(std::size_t regex) {
    std::call_once(built[regex], [&] {
      RE2::Options options = pattern_options();
      // Locating a known hit needs no longest-match semantics (the overlap
      // rule of find_all picks among entries); leftmost-first is faster.
      options.set_longest_match(false);
      patterns[regex] = std::make_unique<RE2>(regexes[regex], options);
    });
    return *patterns[regex];
  }

  // The patterns that occur in `range`: by the shipped database, or by one
  // pass of each RE2::Set; all of a set's patterns when it cannot be built
  // or its DFA runs out of memory.
  std::vector<int> occurring(std::string_view text, Span range) {
    if (shipped) return shipped->occurring(text.substr(range.begin, range.size()));
    std::vector<int> occur;
    const re2::StringPiece scanned(text.data() + range.begin, range.size());
    for (PatternSet& kind : sets) {
      if (!kind.set) continue;
      std::vector<int> hits;
      RE2::Set::ErrorInfo error{};
      const RE2::Set* compiled = kind.ready(regexes);
      if (compiled && compiled->Match(scanned, &hits, &error)) {
        for (const int hit : hits) occur.push_back(kind.regexes[static_cast<std::size_t>(hit)]);
      } else if (!compiled || error.kind == RE2::Set::kOutOfMemory) {
        occur.insert(occur.end(), kind.regexes.begin(), kind.regexes.end());
      }
    }
    return occur;
  }

  // Where a search for a pattern from `position` to `limit` may start
  // (nullopt: it finds nothing), given `ends`, the ends the scan reported
  // for it over all of the text, or none: then at `position` itself.
  static std::optional<std::size_t> search_start(std::string_view text, std::size_t position, std::size_t limit,
                                                 const std::span<const std::uint32_t>* ends) {
    if (!ends) return position;
    // Every match ends where the scan reported one: the first such end past
    // `position` is where the next match can end first.
    const auto next = std::upper_bound(ends->begin(), ends->end(), position);
    if (next == ends->end() || *next > limit) return std::nullopt;
    // A match ending there or later that starts before the last block break
    // before that end crosses it, and is none (find_pattern): the search
    // would move past that break anyway.
    const std::size_t found_break = text.substr(position, *next - position).rfind(NormalizedText::kBlockBreak);
    return found_break == std::string_view::npos ? position
                                                 : position + found_break + NormalizedText::kBlockBreak.size();
  }

  // Locates pattern `hit` inside `range`; `ends` as for search_start.
  void find_pattern(std::string_view text, Span range, int hit, const std::span<const std::uint32_t>* ends,
                    std::vector<Match>& matches) {
    const re2::StringPiece whole(text.data(), text.size());
    const RE2& located = pattern(static_cast<std::size_t>(hit));
    std::size_t position = range.begin;
    re2::StringPiece found;
    // Matching inside `whole` with bounds keeps \b honest at the range edges.
    std::size_t limit = range.end;  // a block's end, while a match that crossed its break is searched for again
    while (true) {
      const std::optional<std::size_t> start =
          position <= limit ? search_start(text, position, limit, ends) : std::nullopt;
      if (!start || !located.Match(whole, *start, limit, RE2::UNANCHORED, &found, 1)) {
        if (limit == range.end) break;
        position = limit + NormalizedText::kBlockBreak.size();
        limit = range.end;
        continue;
      }
      const auto begin = static_cast<std::size_t>(found.data() - text.data());
      const std::size_t end = begin + found.size();
      // A match across two blocks ("neck pain" in a title, then "chest
      // pain that spreads to your arm") is none: search its first block
      // alone, then go on after the break.
      if (const std::size_t block_break = text.substr(0, end).find(NormalizedText::kBlockBreak, begin);
          block_break != std::string_view::npos) {
        limit = block_break;
        continue;
      }
      matches.push_back({{begin, end}, regex_entry[static_cast<std::size_t>(hit)]});
      position = end > begin ? end : begin + 1;
    }
  }

  // Locates every pattern inside `range`: those `scanned` covers near the
  // ends it reported, the others where their RE2::Sets say they occur.
  void find_patterns(std::string_view text, Span range, const PatternHits::OfSet& scanned,
                     std::vector<Match>& matches) {
    if (scanned) {
      for (const std::uint32_t regex : scanned.occurring()) {
        const std::optional<std::span<const std::uint32_t>> ends = scanned.ends(regex);
        find_pattern(text, range, static_cast<int>(regex), &*ends, matches);
      }
      if (scanned.covers_all()) return;
    }
    for (const int hit : occurring(text, range)) {
      if (!scanned || !scanned.ends(static_cast<std::size_t>(hit))) find_pattern(text, range, hit, nullptr, matches);
    }
  }
};

PhraseSet::PhraseSet() = default;
PhraseSet::~PhraseSet() = default;
PhraseSet::PhraseSet(PhraseSet&&) noexcept = default;
PhraseSet& PhraseSet::operator=(PhraseSet&&) noexcept = default;

PhraseSet PhraseSet::compile(const std::vector<Entry>& entries) {
  PhraseSet result;
  if (entries.empty()) return result;
  auto impl = std::make_unique<Impl>();
  std::vector<std::string> regexes;
  for (const Entry& entry : entries) {
    if (entry.is_regex) regexes.push_back(entry.text);
  }
  if (!regexes.empty()) {
    impl->shipped = SetPatternScan::shipped(regexes);
    if (!impl->shipped) note_set_patterns(regexes);
  }
  const std::uint64_t phrases = regexes.size() < entries.size() ? phrases_hash(entries) : 0;
  std::optional<PhraseTrie> shipped_phrases = phrases ? shipped_trie(phrases) : std::nullopt;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const int entry = static_cast<int>(i);
    if (!entries[i].is_regex) {
      if (shipped_phrases) continue;
      if (auto error = impl->phrases.add(entries[i].text, entry)) throw PatternError(entry, *error);
      continue;
    }
    if (auto error = impl->add(entries[i].text, entry)) throw PatternError(entry, *error);
  }
  if (shipped_phrases) {
    impl->phrases = std::move(*shipped_phrases);
  } else if (phrases) {
    kept_tries().add([&](auto& by_hash) { by_hash[phrases] = impl->phrases.image(); });
  }
  impl->built = std::make_unique<std::once_flag[]>(impl->regexes.size());
  impl->patterns = std::make_unique<std::unique_ptr<RE2>[]>(impl->regexes.size());
  result.impl_ = std::move(impl);
  return result;
}

PhraseSet PhraseSet::of_phrases(const std::vector<std::string>& phrases) {
  PhraseTrie trie;
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    const int entry = static_cast<int>(i);
    if (auto error = trie.add(phrases[i], entry)) throw PatternError(entry, *error);
  }
  return phrases.empty() ? PhraseSet() : *of_trie(std::move(trie));
}

void keep_phrase_trie_images() { kept_tries().keep(); }

std::string phrase_trie_images() { return keyed_images(kept_tries().items()); }

std::optional<std::string> PhraseSet::phrase_image() const {
  if (!impl_ || !impl_->regexes.empty()) return std::nullopt;
  return impl_->phrases.image();
}

std::optional<PhraseSet> PhraseSet::of_trie(std::optional<PhraseTrie> phrases) {
  if (!phrases) return std::nullopt;
  PhraseSet result;
  result.impl_ = std::make_unique<Impl>();
  result.impl_->phrases = std::move(*phrases);
  return result;
}

std::optional<PhraseSet> PhraseSet::of_phrase_image(std::string_view image) {
  return of_trie(PhraseTrie::from_image(image));
}

std::optional<PhraseSet> PhraseSet::in_phrase_image(std::string_view image) {
  return of_trie(PhraseTrie::in_image(image));
}

bool PhraseSet::empty() const { return !impl_; }

const std::vector<std::string>& PhraseSet::patterns() const {
  static const std::vector<std::string> none;
  return impl_ ? impl_->regexes : none;
}

std::vector<PhraseSet::Match> PhraseSet::find_all(std::string_view text, Span range, const PatternHits* hits) const {
  if (!impl_ || range.begin >= range.end || range.end > text.size()) return {};
  // Reused from call to call: rules look for phrases in sentence after sentence.
  thread_local std::vector<PhraseTrie::Match> phrases;
  thread_local std::vector<Match> matches;
  phrases.clear();
  matches.clear();
  impl_->phrases.find_all(text, range, phrases, hits ? hits->text_id(text) : 0);
  // The trie finds a phrase at every start; a pattern's search resumes
  // after each match it finds. Like it, a phrase's match that overlaps its
  // own earlier (longest-first) match is not one ("'t" in "doesn't" after
  // "'t" was found at the apostrophe).
  std::sort(phrases.begin(), phrases.end(), [](const PhraseTrie::Match& a, const PhraseTrie::Match& b) {
    return a.text.begin != b.text.begin ? a.text.begin < b.text.begin : a.text.end > b.text.end;
  });
  // Most texts have no overlapping matches at all: only then is each
  // phrase's last end looked up.
  const bool overlapping = std::adjacent_find(phrases.begin(), phrases.end(), [](const auto& a, const auto& b) {
                             return b.text.begin < a.text.end;
                           }) != phrases.end();
  std::unordered_map<int, std::size_t> entry_end;
  for (const PhraseTrie::Match& phrase : phrases) {
    if (overlapping) {
      auto [end, first] = entry_end.try_emplace(phrase.entry, phrase.text.end);
      if (!first && phrase.text.begin < end->second) continue;
      end->second = phrase.text.end;
    }
    matches.push_back({phrase.text, phrase.entry});
  }
  if (!impl_->regexes.empty()) impl_->find_patterns(text, range, hits ? hits->of(*this) : PatternHits::OfSet(), matches);
  // Leftmost first, longest first; then drop matches overlapping a kept one.
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    if (a.text.begin != b.text.begin) return a.text.begin < b.text.begin;
    if (a.text.end != b.text.end) return a.text.end > b.text.end;
    return a.entry < b.entry;
  });
  // Kept in place and copied out at their size: over a whole large article
  // the matches are many, and growth would hold up to twice them.
  trim_scratch(phrases);
  std::size_t kept = 0;
  for (const Match& match : matches) {
    if (kept == 0 || match.text.begin >= matches[kept - 1].text.end) matches[kept++] = match;
  }
  std::vector<Match> found(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(kept));
  trim_scratch(matches);
  return found;
}

bool PhraseSet::contains(std::string_view text, Span range, const PatternHits* hits) const {
  if (!impl_ || range.begin >= range.end || range.end > text.size()) return false;
  // The first match of any phrase or pattern is one find_all() keeps, or
  // overlaps one it keeps.
  if (impl_->phrases.contains(text, range, hits ? hits->text_id(text) : 0)) return true;
  if (impl_->regexes.empty()) return false;
  thread_local std::vector<Match> patterns;
  patterns.clear();
  impl_->find_patterns(text, range, hits ? hits->of(*this) : PatternHits::OfSet(), patterns);
  const bool found = !patterns.empty();
  trim_scratch(patterns);
  return found;
}

}  // namespace medlint
