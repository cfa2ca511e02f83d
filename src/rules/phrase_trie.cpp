#include "rules/phrase_trie.h"

#include <algorithm>
#include <array>
#include <bit>
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

PhraseTrie::PhraseTrie() : edges_(64), edge_shift_(shift_for(64)) {
  add_node(false);  // the root
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
    return first_[static_cast<unsigned char>(c)];
  }
  // At most half full, so probes stay short and always reach an empty slot.
  if (2 * (edge_count_ + 1) > edges_.size()) {
    std::vector<EdgeSlot> old(edges_.size() * 2);
    old.swap(edges_);
    edge_shift_ = shift_for(edges_.size());
    const std::size_t mask = edges_.size() - 1;
    for (const EdgeSlot& slot : old) {
      if (slot.key == 0) continue;
      std::size_t at = edge_slot(slot.key, edge_shift_);
      while (edges_[at].key != 0) at = (at + 1) & mask;
      edges_[at] = slot;
    }
  }
  const std::uint32_t key = edge_key(node, c);
  const std::size_t mask = edges_.size() - 1;
  std::size_t slot = edge_slot(key, edge_shift_);
  while (edges_[slot].key != 0) slot = (slot + 1) & mask;
  edges_[slot] = {key, {target, false}};
  ++edge_count_;
  return edges_[slot].edge;
}

int PhraseTrie::add_node(bool in_space) {
  space_.push_back(-1);
  in_space_.push_back(in_space);
  first_ending_.push_back(-1);
  return static_cast<int>(space_.size()) - 1;
}

std::optional<std::string> PhraseTrie::add(std::string_view phrase, int entry) {
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
        space_[static_cast<std::size_t>(node)] = space;
      }
      node = space_[static_cast<std::size_t>(node)];
      pending_space = false;
    }
    c = ascii_lower(c);
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
  int& first = first_ending_[static_cast<std::size_t>(node)];
  endings_.push_back({ending, first});
  first = static_cast<int>(endings_.size()) - 1;
  last->ends = true;
}

namespace {

// Of the run as case folded: a phrase's run is hashed as written. FNV-1a,
// a step per character, so a scan hashes a run as it finds its end.
constexpr std::uint64_t kRunHashBasis = 0xcbf29ce484222325ull;
std::uint64_t run_hash_step(std::uint64_t hash, char c) {
  return (hash ^ static_cast<unsigned char>(ascii_lower(c))) * 0x100000001b3ull;
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
  leading_run_hashes_.push_back(run_hash(run));
  // About one bit in sixteen set, so a run no phrase starts with passes
  // for one about every sixteenth time.
  const std::size_t bits_wanted = std::bit_ceil(std::max<std::size_t>(64, 16 * leading_run_hashes_.size()));
  if (leading_runs_.size() * 64 < bits_wanted) {
    leading_runs_.assign(bits_wanted / 64, 0);
    for (const std::uint64_t hash : leading_run_hashes_) {
      const std::size_t bit = run_bit(hash, bits_wanted);
      leading_runs_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
    return;
  }
  const std::size_t bit = run_bit(leading_run_hashes_.back(), leading_runs_.size() * 64);
  leading_runs_[bit / 64] |= std::uint64_t{1} << (bit % 64);
}

bool PhraseTrie::may_lead(std::string_view run, std::uint64_t hash) const {
  if (prefix_run_firsts_[static_cast<unsigned char>(run.front())] &&
      std::any_of(prefix_runs_.begin(), prefix_runs_.end(),
                  [&](const std::string& prefix) { return run.starts_with(prefix); })) {
    return true;
  }
  if (leading_runs_.empty()) return false;
  const std::size_t bit = run_bit(hash, leading_runs_.size() * 64);
  return (leading_runs_[bit / 64] >> (bit % 64)) & 1;
}

void PhraseTrie::find_all(std::string_view text, Span range, std::vector<Match>& out) const {
  if (empty() || range.end > text.size()) return;
  for (std::size_t start = range.begin; start < range.end; ++start) {
    const char c = text[start];
    const auto first = static_cast<unsigned char>(c);
    if (!is_word(c)) {
      if (first_[first].target >= 0) walk(text, range, start, true, out);
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

// Fixed-size values and lists of them, copied as bytes (the image is read
// by the build that wrote it). Structs go field by field: their padding
// would make the image differ from build to build.
class ImageWriter {
 public:
  template <typename T>
  void value(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  template <typename T>
  void list(const std::vector<T>& values) {
    value<std::uint64_t>(values.size());
    for (const T& item : values) value(item);
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
  // A list's size, checked against what is left (at least `item_size` bytes each).
  bool size(std::size_t& size, std::size_t item_size) {
    std::uint64_t count = 0;
    if (!value(count) || count > bytes_.size() / item_size) return false;
    size = static_cast<std::size_t>(count);
    return true;
  }
  template <typename T>
  bool list(std::vector<T>& values) {
    std::size_t count = 0;
    if (!size(count, sizeof(T))) return false;
    values.resize(count);
    if (count > 0) std::memcpy(values.data(), bytes_.data(), count * sizeof(T));
    bytes_.remove_prefix(count * sizeof(T));
    return true;
  }
  bool done() const { return bytes_.empty(); }

 private:
  std::string_view bytes_;
};

constexpr std::uint32_t kImageMagic = 0x4d4c5054;  // "MLPT"

}  // namespace

std::string PhraseTrie::image() const {
  ImageWriter out;
  out.value(kImageMagic);
  out.list(space_);
  out.list(in_space_);
  out.list(first_ending_);
  out.value<std::uint64_t>(endings_.size());
  for (const EndingLink& link : endings_) {
    out.value(link.ending.entry);
    out.value(link.ending.boundary_before);
    out.value(link.ending.boundary_after);
    out.value(link.next);
  }
  // The edge table is at most half full: only its used slots are written.
  out.value<std::uint64_t>(edges_.size());
  out.value<std::uint64_t>(edge_count_);
  for (std::size_t slot = 0; slot < edges_.size(); ++slot) {
    if (edges_[slot].key == 0) continue;
    out.value<std::uint64_t>(slot);
    out.value(edges_[slot].key);
    out.value(edges_[slot].edge.target);
    out.value(edges_[slot].edge.ends);
  }
  for (const Edge& first : first_) {
    out.value(first.target);
    out.value(first.ends);
  }
  for (const bool anywhere : starts_anywhere_) out.value(anywhere);
  out.value(any_starts_anywhere_);
  out.value<std::uint64_t>(prefix_runs_.size());
  for (const std::string& run : prefix_runs_) {
    out.value<std::uint64_t>(run.size());
    for (const char c : run) out.value(c);
  }
  out.list(leading_runs_);
  out.list(leading_run_hashes_);
  return out.take();
}

std::optional<PhraseTrie> PhraseTrie::from_image(std::string_view image) {
  ImageReader in(image);
  PhraseTrie trie;
  std::uint32_t magic = 0;
  if (!in.value(magic) || magic != kImageMagic) return std::nullopt;
  if (!in.list(trie.space_) || !in.list(trie.in_space_) || !in.list(trie.first_ending_)) return std::nullopt;
  std::size_t count = 0;
  if (!in.size(count, 1)) return std::nullopt;
  trie.endings_.resize(count);
  for (EndingLink& link : trie.endings_) {
    if (!in.value(link.ending.entry) || !in.value(link.ending.boundary_before) ||
        !in.value(link.ending.boundary_after) || !in.value(link.next)) {
      return std::nullopt;
    }
  }
  std::uint64_t table_size = 0, edge_count = 0;
  if (!in.value(table_size) || !in.value(edge_count) || !std::has_single_bit(table_size) ||
      2 * edge_count > table_size || table_size > image.size() * 64) {
    return std::nullopt;
  }
  trie.edges_.assign(static_cast<std::size_t>(table_size), EdgeSlot{});
  trie.edge_shift_ = shift_for(trie.edges_.size());
  trie.edge_count_ = static_cast<std::size_t>(edge_count);
  for (std::uint64_t i = 0; i < edge_count; ++i) {
    std::uint64_t slot = 0;
    EdgeSlot read;
    if (!in.value(slot) || slot >= table_size || !in.value(read.key) || !in.value(read.edge.target) ||
        !in.value(read.edge.ends)) {
      return std::nullopt;
    }
    trie.edges_[static_cast<std::size_t>(slot)] = read;
  }
  for (Edge& first : trie.first_) {
    if (!in.value(first.target) || !in.value(first.ends)) return std::nullopt;
  }
  for (bool& anywhere : trie.starts_anywhere_) {
    if (!in.value(anywhere)) return std::nullopt;
  }
  if (!in.value(trie.any_starts_anywhere_) || !in.size(count, sizeof(std::uint64_t))) return std::nullopt;
  trie.prefix_runs_.resize(count);
  for (std::string& run : trie.prefix_runs_) {
    std::size_t length = 0;
    if (!in.size(length, 1)) return std::nullopt;
    run.resize(length);
    for (char& c : run) in.value(c);
    if (!run.empty()) trie.prefix_run_firsts_[static_cast<unsigned char>(run.front())] = true;
  }
  if (!in.list(trie.leading_runs_) || !in.list(trie.leading_run_hashes_) || !in.done()) return std::nullopt;
  return trie;
}

}  // namespace medlint
