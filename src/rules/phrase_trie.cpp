#include "rules/phrase_trie.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <deque>
#include <cstring>
#include <string>
#include <type_traits>

namespace medlint {

namespace {

// RE2's \b: ASCII letters, digits and underscore are word characters.
// A table: a scan asks of every character of the text.
constexpr std::array<bool, 256> kWordCharacters = [] {
  std::array<bool, 256> word{};
  for (int c = 0; c < 256; ++c) {
    word[static_cast<std::size_t>(c)] =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  return word;
}();
bool is_word(char c) { return kWordCharacters[static_cast<unsigned char>(c)]; }

// RE2's \s: what separates a phrase's words, and what may stand between
// them in the text. One set for both, so a form feed in a phrase is a
// space as it is in the text (fuzzing found phrase "o\f" missing "o\f").
constexpr std::string_view kSpaces = " \t\n\f\r";
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

bool boundary_at(std::string_view text, std::size_t offset) {
  const bool before = offset > 0 && is_word(text[offset - 1]);
  const bool after = offset < text.size() && is_word(text[offset]);
  return before != after;
}

constexpr std::size_t kMaxApostrophes = 8;

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

// The shift that keeps the bits of a table of `size` slots (a power of two).
int shift_for(std::size_t size) { return 64 - std::countr_zero(static_cast<std::uint64_t>(size)); }

}  // namespace

PhraseTrie::PhraseTrie() : edge_shift_(shift_for(64)) {
  owned_.edges.resize(64);
  add_node(false);  // the root
}

void PhraseTrie::view_owned() {
  space_ = owned_.space;
  in_space_ = owned_.in_space;
  first_ending_ = owned_.first_ending;
  endings_ = owned_.endings;
  edges_ = owned_.edges;
  leading_runs_ = owned_.leading_runs;
  leading_run_hashes_ = owned_.leading_run_hashes;
}

void PhraseTrie::own() {
  if (edges_.data() == owned_.edges.data()) return;
  owned_ = {{space_.begin(), space_.end()},
            {in_space_.begin(), in_space_.end()},
            {first_ending_.begin(), first_ending_.end()},
            {endings_.begin(), endings_.end()},
            {edges_.begin(), edges_.end()},
            {leading_runs_.begin(), leading_runs_.end()},
            {leading_run_hashes_.begin(), leading_run_hashes_.end()}};
  view_owned();
}

namespace {

// Fibonacci hashing: the product's top bits, as many as the table's size
// needs (`shift` is 64 less its bits), mix every bit of the key (node
// numbers are consecutive).
std::size_t edge_slot(std::uint32_t key, int shift) {
  return static_cast<std::size_t>((static_cast<std::uint64_t>(key) * 0x9E3779B97F4A7C15ull) >> shift);
}


std::uint32_t edge_key(int node, char c) {
  return static_cast<std::uint32_t>(node) * 256 + static_cast<unsigned char>(c);
}

}  // namespace

const PhraseTrie::Edge* PhraseTrie::edge(int node, char c) const {
  if (node == 0) {
    const Edge& first = first_[static_cast<unsigned char>(c)];
    return first.target < 0 ? nullptr : &first;
  }
  const std::uint32_t key = edge_key(node, c);
  const std::size_t mask = edges_.size() - 1;
  for (std::size_t slot = edge_slot(key, edge_shift_);; slot = (slot + 1) & mask) {
    if (edges_[slot].key == key) return &edges_[slot].edge;
    if (edges_[slot].key == 0) return nullptr;
  }
}

PhraseTrie::Edge& PhraseTrie::add_edge(int node, char c, int target) {
  if (node == 0) {
    first_[static_cast<unsigned char>(c)].target = target;
    any_starts_outside_words_ = any_starts_outside_words_ || !is_word(c);
    return first_[static_cast<unsigned char>(c)];
  }
  std::vector<EdgeSlot>& edges = owned_.edges;
  // At most half full, so probes stay short and always reach an empty slot.
  if (2 * (edge_count_ + 1) > edges.size()) {
    std::vector<EdgeSlot> old(edges.size() * 2);
    old.swap(edges);
    edge_shift_ = shift_for(edges.size());
    const std::size_t mask = edges.size() - 1;
    for (const EdgeSlot& slot : old) {
      if (slot.key == 0) continue;
      std::size_t at = edge_slot(slot.key, edge_shift_);
      while (edges[at].key != 0) at = (at + 1) & mask;
      edges[at] = slot;
    }
    edges_ = edges;
  }
  const std::uint32_t key = edge_key(node, c);
  const std::size_t mask = edges.size() - 1;
  std::size_t slot = edge_slot(key, edge_shift_);
  while (edges[slot].key != 0) slot = (slot + 1) & mask;
  edges[slot] = {key, {target, false}};
  ++edge_count_;
  return edges[slot].edge;
}

int PhraseTrie::add_node(bool in_space) {
  owned_.space.push_back(-1);
  owned_.in_space.push_back(in_space);
  owned_.first_ending.push_back(-1);
  view_owned();
  return static_cast<int>(space_.size()) - 1;
}

std::optional<std::string> PhraseTrie::add(std::string_view phrase, int entry) {
  own();
  const auto first = phrase.find_first_not_of(kSpaces);
  if (std::none_of(phrase.begin(), phrase.end(), [](char c) { return !is_space(c) && c != '\''; })) {
    return "a phrase needs a character other than spaces and apostrophes";
  }
  std::vector<std::size_t> apostrophes;
  for (std::size_t i = 0; i < phrase.size(); ++i) {
    if (phrase[i] != '\'') continue;
    // Part of a word: the run of characters between spaces around it holds
    // more than apostrophes (a phrase of a lone run of them and a word
    // would match the spaces before the word).
    std::size_t begin = i, end = i + 1;
    while (begin > 0 && !is_space(phrase[begin - 1])) --begin;
    while (end < phrase.size() && !is_space(phrase[end])) ++end;
    if (phrase.find_first_not_of('\'', begin) >= end) return "an apostrophe in a phrase must be part of a word";
    apostrophes.push_back(i);
  }
  if (apostrophes.size() > kMaxApostrophes) return "a phrase may have at most " + std::to_string(kMaxApostrophes) + " apostrophes";
  const Ending ending{entry, is_word(phrase[first]), is_word(phrase[phrase.find_last_not_of(kSpaces)])};
  if (apostrophes.empty()) {
    add_spelling(phrase, ending);
    return std::nullopt;
  }
  // Each optional apostrophe doubles the spellings; keeping them apart keeps
  // the walk to one node at a time.
  std::string spelling;
  for (unsigned kept = 0; kept < (1u << apostrophes.size()); ++kept) {
    spelling.clear();
    std::size_t next_apostrophe = 0;
    for (std::size_t i = 0; i < phrase.size(); ++i) {
      if (next_apostrophe < apostrophes.size() && apostrophes[next_apostrophe] == i) {
        if (kept & (1u << next_apostrophe++)) spelling += '\'';
      } else {
        spelling += phrase[i];
      }
    }
    add_spelling(spelling, ending);
  }
  return std::nullopt;
}

void PhraseTrie::add_spelling(std::string_view spelling, Ending ending) {
  int node = 0;
  Edge* last = nullptr;  // the edge into `node`: a spelling ends after a character, never after a space
  bool pending_space = false;
  for (char c : spelling) {
    if (is_space(c)) {
      pending_space = node != 0;
      continue;
    }
    if (pending_space) {
      if (space_[static_cast<std::size_t>(node)] < 0) {
        const int space = add_node(true);
        owned_.space[static_cast<std::size_t>(node)] = space;
      }
      node = space_[static_cast<std::size_t>(node)];
      pending_space = false;
    }
    c = ascii_lower(c);
    // An edge of `owned_` (add() owns the arrays before changing them).
    Edge* next = const_cast<Edge*>(edge(node, c));
    if (!next) {
      const int added = add_node(false);
      next = &add_edge(node, c, added);
    }
    node = next->target;
    last = next;
  }
  const std::size_t first_character = spelling.find_first_not_of(kSpaces);
  if (!ending.boundary_before) {
    starts_anywhere_[static_cast<unsigned char>(spelling[first_character])] = true;
    any_starts_anywhere_ = true;
  }
  if (is_word(spelling[first_character])) {
    std::size_t run_end = first_character;
    while (run_end < spelling.size() && is_word(spelling[run_end])) ++run_end;
    const std::string_view run = spelling.substr(first_character, run_end - first_character);
    if (run_end == spelling.find_last_not_of(kSpaces) + 1 && !ending.boundary_after) {
      std::string& prefix = prefix_runs_.emplace_back(run);
      for (char& c : prefix) c = ascii_lower(c);
      prefix_run_firsts_[static_cast<unsigned char>(prefix.front())] = true;
    } else {
      add_leading_run(run);
    }
  }
  int& first = owned_.first_ending[static_cast<std::size_t>(node)];
  owned_.endings.push_back({ending, first});
  first = static_cast<int>(owned_.endings.size()) - 1;
  last->ends = true;
  view_owned();
}

namespace {

// FNV-1a, a step per character, so a scan hashes a run as it finds its
// end. A phrase's run is hashed case folded; the text's as it is, since
// no phrase matches a capital (the text is case folded).
constexpr std::uint64_t kRunHashBasis = 0xcbf29ce484222325ull;
std::uint64_t run_hash_step(std::uint64_t hash, char c) {
  return (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
}
std::uint64_t run_hash(std::string_view run) {
  std::uint64_t hash = kRunHashBasis;
  for (const char c : run) hash = run_hash_step(hash, c);
  return hash;
}

// The bit of `hash` in a bitset of `bits` bits (a power of two): the top
// bits of a Fibonacci product, as for the edge slots.
std::size_t run_bit(std::uint64_t hash, std::size_t bits) {
  return static_cast<std::size_t>((hash * 0x9E3779B97F4A7C15ull) >> (64 - std::countr_zero(bits)));
}

}  // namespace

void PhraseTrie::add_leading_run(std::string_view run) {
  std::vector<std::uint64_t>& hashes = owned_.leading_run_hashes;
  std::vector<std::uint64_t>& bits = owned_.leading_runs;
  std::string folded(run);
  for (char& c : folded) c = ascii_lower(c);
  hashes.push_back(run_hash(folded));
  // About one bit in sixteen set, so a run no phrase starts with passes
  // for one about every sixteenth time.
  const std::size_t bits_wanted = std::bit_ceil(std::max<std::size_t>(64, 16 * hashes.size()));
  if (bits.size() * 64 < bits_wanted) {
    bits.assign(bits_wanted / 64, 0);
    for (const std::uint64_t hash : hashes) {
      const std::size_t bit = run_bit(hash, bits_wanted);
      bits[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
  } else {
    const std::size_t bit = run_bit(hashes.back(), bits.size() * 64);
    bits[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  view_owned();
}

bool PhraseTrie::leads_by_prefix(std::string_view run) const {
  return std::any_of(prefix_runs_.begin(), prefix_runs_.end(),
                     [&](const std::string& prefix) { return run.starts_with(prefix); });
}

inline bool PhraseTrie::may_lead(std::string_view run, std::uint64_t hash) const {
  if (!leading_runs_.empty()) {
    const std::size_t bit = run_bit(hash, leading_runs_.size() * 64);
    if ((leading_runs_[bit / 64] >> (bit % 64)) & 1) return true;
  }
  return prefix_run_firsts_[static_cast<unsigned char>(run.front())] && leads_by_prefix(run);
}

inline bool PhraseTrie::may_lead_by_bits(std::string_view run, std::uint32_t bits) const {
  if (!leading_runs_.empty()) {
    const std::size_t bit = bits >> (32 - std::countr_zero(leading_runs_.size() * 64));
    if ((leading_runs_[bit / 64] >> (bit % 64)) & 1) return true;
  }
  return prefix_run_firsts_[static_cast<unsigned char>(run.front())] && leads_by_prefix(run);
}

std::uint64_t PhraseTrie::next_text_id() {
  static std::atomic<std::uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

namespace {

// A run of word characters of a text: where it lies, and the top 32 bits
// of its run_hash() times the Fibonacci constant, from which run_bit()
// follows for any bitset of up to 2^32 bits.
struct TextRun {
  std::uint32_t begin;
  std::uint32_t end;
  std::uint32_t bits;
};

// A text's runs are found a stretch at a time, each run in the stretch it
// starts in (whole, past the stretch's end), and kept on the thread for
// the text last scanned: the stretches of an article up to 256 KiB all
// (a real article's whole), those of a larger one the most recently used,
// so that the memory they take stays bounded whatever the article's size
// (about 130 KB a stretch of prose).
constexpr int kStretchBits = 16;
constexpr std::size_t kStretchesKept = 4;

struct TextRuns {
  std::uint64_t text_id = 0;
  std::vector<std::vector<TextRun>> stretches;  // by stretch number; empty until found
  std::vector<char> found;
  std::deque<std::size_t> order;  // the stretches found, oldest first
};

const std::vector<TextRun>& runs_of_stretch(std::string_view text, std::uint64_t text_id, std::size_t stretch) {
  thread_local TextRuns runs;
  if (runs.text_id != text_id) {
    runs.text_id = text_id;
    const std::size_t count = (text.size() >> kStretchBits) + 1;
    for (const std::size_t kept : runs.order) runs.stretches[kept].clear();  // its memory kept for the next text's
    runs.stretches.resize(count);
    runs.found.assign(count, 0);
    runs.order.clear();
  }
  std::vector<TextRun>& kept = runs.stretches[stretch];
  if (runs.found[stretch]) return kept;
  if (runs.order.size() == kStretchesKept) {
    runs.stretches[runs.order.front()] = std::vector<TextRun>();  // its memory too: at most kStretchesKept hold any
    runs.found[runs.order.front()] = 0;
    runs.order.pop_front();
  }
  runs.found[stretch] = 1;
  runs.order.push_back(stretch);
  const std::size_t begin = stretch << kStretchBits;
  const std::size_t end = std::min(text.size(), begin + (std::size_t{1} << kStretchBits));
  std::size_t at = begin;
  // A run that started in the stretch before is that stretch's.
  if (at > 0) {
    while (at < end && is_word(text[at]) && is_word(text[at - 1])) ++at;
  }
  while (at < end) {
    while (at < end && !is_word(text[at])) ++at;
    if (at >= end) break;
    const std::size_t run_begin = at;
    std::uint64_t hash = kRunHashBasis;
    for (; at < text.size() && is_word(text[at]); ++at) hash = run_hash_step(hash, text[at]);
    kept.push_back({static_cast<std::uint32_t>(run_begin), static_cast<std::uint32_t>(at),
                    static_cast<std::uint32_t>((hash * 0x9E3779B97F4A7C15ull) >> 32)});
  }
  return kept;
}

}  // namespace

bool PhraseTrie::find_by_runs(std::string_view text, Span range, bool first_only, std::vector<Match>& out,
                              std::uint64_t text_id) const {
  if (any_starts_anywhere_ || text.size() > UINT32_MAX || leading_runs_.size() * 64 > (std::uint64_t{1} << 32)) {
    return false;
  }
  const std::size_t found_before = out.size();
  std::size_t at = range.begin;  // the first position not yet looked at
  // No phrase starts inside a word: past the rest of one the range starts in.
  if (at > 0) {
    while (at < range.end && is_word(text[at]) && is_word(text[at - 1])) ++at;
  }
  // Between runs lie only characters outside words.
  const auto outside_words = [&](std::size_t from, std::size_t to) {
    if (!any_starts_outside_words_) return false;
    for (std::size_t start = from; start < to; ++start) {
      if (first_[static_cast<unsigned char>(text[start])].target < 0) continue;
      walk(text, range, start, true, out);
      if (first_only && out.size() > found_before) return true;
    }
    return false;
  };
  for (std::size_t stretch = at >> kStretchBits; at < range.end && (stretch << kStretchBits) < range.end; ++stretch) {
    const std::vector<TextRun>& runs = runs_of_stretch(text, text_id, stretch);
    auto run = std::lower_bound(runs.begin(), runs.end(), at,
                                [](const TextRun& known, std::size_t offset) { return known.begin < offset; });
    for (; run != runs.end() && run->begin < range.end; ++run) {
      if (outside_words(at, run->begin)) return true;
      at = run->end;
      if (first_[static_cast<unsigned char>(text[run->begin])].target < 0 ||
          !may_lead_by_bits(text.substr(run->begin, run->end - run->begin), run->bits)) {
        continue;
      }
      walk(text, range, run->begin, true, out);
      if (first_only && out.size() > found_before) return true;
    }
  }
  outside_words(at, range.end);
  return true;
}

void PhraseTrie::find_all(std::string_view text, Span range, std::vector<Match>& out, std::uint64_t text_id) const {
  if (empty() || range.end > text.size()) return;
  if (text_id != 0 && find_by_runs(text, range, false, out, text_id)) return;
  find(text, range, false, out);
}

bool PhraseTrie::contains(std::string_view text, Span range, std::uint64_t text_id) const {
  thread_local std::vector<Match> found;  // reused: rules ask of paragraph after paragraph
  found.clear();
  if (empty() || range.end > text.size()) return false;
  if (text_id == 0 || !find_by_runs(text, range, true, found, text_id)) find(text, range, true, found);
  return !found.empty();
}

void PhraseTrie::find(std::string_view text, Span range, bool first_only, std::vector<Match>& out) const {
  if (empty() || range.end > text.size()) return;
  const std::size_t found_before = out.size();
  for (std::size_t start = range.begin; start < range.end; ++start) {
    const char c = text[start];
    const auto first = static_cast<unsigned char>(c);
    if (!is_word(c)) {
      if (!any_starts_outside_words_) continue;
      if (first_[first].target >= 0) walk(text, range, start, true, out);
      if (first_only && out.size() > found_before) return;
      continue;
    }
    const bool starts_word = start == 0 || !is_word(text[start - 1]);
    if (first_[first].target < 0 || (!starts_word && !starts_anywhere_[first])) {
      // Inside a run of word characters no phrase starts unless some need
      // no boundary before them: the next start is looked for past it.
      if (!any_starts_anywhere_) {
        while (start + 1 < range.end && is_word(text[start + 1])) ++start;
      }
      continue;
    }
    std::uint64_t hash = run_hash_step(kRunHashBasis, c);
    std::size_t run_end = start + 1;
    for (; run_end < text.size() && is_word(text[run_end]); ++run_end) hash = run_hash_step(hash, text[run_end]);
    const std::size_t this_start = start;
    if (!any_starts_anywhere_) start = run_end - 1;
    if (may_lead(text.substr(this_start, run_end - this_start), hash)) walk(text, range, this_start, starts_word, out);
    if (first_only && out.size() > found_before) return;
  }
}

void PhraseTrie::walk(std::string_view text, Span range, std::size_t start, bool starts_word,
                      std::vector<Match>& out) const {
  const auto first = static_cast<unsigned char>(text[start]);
  int node = first_[first].target;
  bool ends = first_[first].ends;
  for (std::size_t at = start + 1;; ++at) {
    if (ends) {
      for (int link = first_ending_[static_cast<std::size_t>(node)]; link >= 0;
           link = endings_[static_cast<std::size_t>(link)].next) {
        const Ending& ending = endings_[static_cast<std::size_t>(link)].ending;
        if ((!ending.boundary_before || starts_word) && (!ending.boundary_after || boundary_at(text, at))) {
          out.push_back({{start, at}, ending.entry});
        }
      }
    }
    if (at >= range.end) break;
    const char c = text[at];
    if (!is_space(c)) {
      const Edge* next = edge(node, c);
      if (!next) break;
      node = next->target;
      ends = next->ends;
    } else if (!in_space_[static_cast<std::size_t>(node)]) {
      node = space_[static_cast<std::size_t>(node)];
      ends = false;  // a phrase ends on a character
      if (node < 0) break;
    }
  }
}

namespace {

// Values and arrays as their bytes in memory (the image is read by the
// build that wrote it), each array on an 8-byte boundary so that an image
// so placed is read in place.
class ImageWriter {
 public:
  template <typename T>
  void value(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  template <typename T>
  void array(std::span<const T> values) {
    static_assert(std::has_unique_object_representations_v<T> || std::is_same_v<T, char>);
    value<std::uint64_t>(values.size());
    bytes_.append(reinterpret_cast<const char*>(values.data()), values.size_bytes());
    bytes_.resize((bytes_.size() + 7) / 8 * 8, '\0');
  }
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

class ImageReader {
 public:
  explicit ImageReader(std::string_view bytes) : bytes_(bytes) {}
  template <typename T>
  bool value(T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (bytes_.size() < sizeof value) return false;
    std::memcpy(&value, bytes_.data(), sizeof value);
    bytes_.remove_prefix(sizeof value);
    return true;
  }
  // An array's view, where it lies in the bytes (which start on an 8-byte boundary).
  template <typename T>
  bool array(std::span<const T>& values) {
    std::uint64_t count = 0;
    if (!value(count) || count > bytes_.size() / sizeof(T)) return false;
    const std::size_t size = (static_cast<std::size_t>(count) * sizeof(T) + 7) / 8 * 8;
    if (size > bytes_.size()) return false;
    values = {reinterpret_cast<const T*>(bytes_.data()), static_cast<std::size_t>(count)};
    bytes_.remove_prefix(size);
    return true;
  }
  bool done() const { return bytes_.empty(); }

 private:
  std::string_view bytes_;
};

constexpr std::uint64_t kImageMagic = 0x3254504c4d;  // "MLPT2"

}  // namespace

std::string PhraseTrie::image() const {
  ImageWriter out;
  out.value(kImageMagic);
  out.array(space_);
  out.array(in_space_);
  out.array(first_ending_);
  out.array(endings_);
  out.value<std::uint64_t>(edge_count_);
  out.array(edges_);
  out.array(std::span<const Edge>(first_));
  out.array(std::span<const bool>(starts_anywhere_));
  out.value<std::uint64_t>(any_starts_anywhere_);
  out.value<std::uint64_t>(prefix_runs_.size());
  for (const std::string& run : prefix_runs_) out.array(std::span<const char>(run));
  out.array(leading_runs_);
  out.array(leading_run_hashes_);
  return out.take();
}

std::optional<PhraseTrie> PhraseTrie::in_image(std::string_view image) {
  if (reinterpret_cast<std::uintptr_t>(image.data()) % 8 != 0) return std::nullopt;
  ImageReader in(image);
  PhraseTrie trie;
  std::uint64_t magic = 0, edge_count = 0, anywhere = 0, prefix_runs = 0;
  std::span<const Edge> first;
  std::span<const bool> starts_anywhere;
  if (!in.value(magic) || magic != kImageMagic || !in.array(trie.space_) || !in.array(trie.in_space_) ||
      !in.array(trie.first_ending_) || !in.array(trie.endings_) || !in.value(edge_count) || !in.array(trie.edges_) ||
      !in.array(first) || !in.array(starts_anywhere) || !in.value(anywhere) || !in.value(prefix_runs)) {
    return std::nullopt;
  }
  const std::size_t nodes = trie.space_.size();
  if (nodes == 0 || trie.in_space_.size() != nodes || trie.first_ending_.size() != nodes ||
      !std::has_single_bit(trie.edges_.size()) || 2 * edge_count > trie.edges_.size() || first.size() != 256 ||
      starts_anywhere.size() != 256 || prefix_runs > image.size()) {
    return std::nullopt;
  }
  trie.edge_shift_ = shift_for(trie.edges_.size());
  trie.edge_count_ = static_cast<std::size_t>(edge_count);
  std::copy(first.begin(), first.end(), trie.first_.begin());
  for (int c = 0; c < 256; ++c) {
    if (!is_word(static_cast<char>(c)) && trie.first_[static_cast<std::size_t>(c)].target >= 0) trie.any_starts_outside_words_ = true;
  }
  std::copy(starts_anywhere.begin(), starts_anywhere.end(), trie.starts_anywhere_.begin());
  trie.any_starts_anywhere_ = anywhere != 0;
  trie.owned_ = {};
  for (std::uint64_t i = 0; i < prefix_runs; ++i) {
    std::span<const char> run;
    if (!in.array(run) || run.empty()) return std::nullopt;
    trie.prefix_runs_.emplace_back(run.begin(), run.end());
    trie.prefix_run_firsts_[static_cast<unsigned char>(run.front())] = true;
  }
  if (!in.array(trie.leading_runs_) || !in.array(trie.leading_run_hashes_) || !in.done()) return std::nullopt;
  return trie;
}

std::optional<PhraseTrie> PhraseTrie::from_image(std::string_view image) {
  // Read in place from an aligned copy, then copied into the trie's own arrays.
  std::vector<std::uint64_t> aligned((image.size() + 7) / 8);
  if (!image.empty()) std::memcpy(aligned.data(), image.data(), image.size());
  std::optional<PhraseTrie> trie = in_image({reinterpret_cast<const char*>(aligned.data()), image.size()});
  if (trie) trie->own();
  return trie;
}

}  // namespace medlint
