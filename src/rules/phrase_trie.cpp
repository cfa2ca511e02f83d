#include "rules/phrase_trie.h"

#include <algorithm>
#include <string>

namespace medlint {

namespace {

// RE2's \b: ASCII letters, digits and underscore are word characters.
bool is_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// RE2's \s: what separates a phrase's words, and what may stand between
// them in the text. One set for both, so a form feed in a phrase is a
// space as it is in the text (fuzzing found phrase "o\f" missing "o\f").
constexpr std::string_view kSpaces = " \t\n\f\r";
bool is_space(char c) { return kSpaces.find(c) != std::string_view::npos; }

bool boundary_at(std::string_view text, std::size_t offset) {
  const bool before = offset > 0 && is_word(text[offset - 1]);
  const bool after = offset < text.size() && is_word(text[offset]);
  return before != after;
}

constexpr std::size_t kMaxApostrophes = 8;

}  // namespace

PhraseTrie::PhraseTrie() : nodes_(1) { first_.fill(-1); }

int PhraseTrie::child(int node, char c) const {
  if (node == 0) return first_[static_cast<unsigned char>(c)];
  for (const auto& [edge, target] : nodes_[static_cast<std::size_t>(node)].next) {
    if (edge == c) return target;
  }
  return -1;
}

std::optional<std::string> PhraseTrie::add(std::string_view phrase, int entry) {
  const auto first = phrase.find_first_not_of(kSpaces);
  if (std::none_of(phrase.begin(), phrase.end(), [](char c) { return !is_space(c) && c != '\''; })) {
    return "a phrase needs a character other than spaces and apostrophes";
  }
  std::vector<std::size_t> apostrophes;
  for (std::size_t i = 0; i < phrase.size(); ++i) {
    if (phrase[i] != '\'') continue;
    const bool alone = (i == 0 || is_space(phrase[i - 1])) && (i + 1 == phrase.size() || is_space(phrase[i + 1]));
    if (alone) return "an apostrophe in a phrase must be part of a word";
    apostrophes.push_back(i);
  }
  if (apostrophes.size() > kMaxApostrophes) return "a phrase may have at most " + std::to_string(kMaxApostrophes) + " apostrophes";
  const Ending ending{entry, is_word(phrase[first]), is_word(phrase[phrase.find_last_not_of(kSpaces)])};
  // Each optional apostrophe doubles the spellings; keeping them apart keeps
  // the walk to one node at a time.
  for (unsigned kept = 0; kept < (1u << apostrophes.size()); ++kept) {
    std::string spelling;
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
  bool pending_space = false;
  for (char c : spelling) {
    if (is_space(c)) {
      pending_space = node != 0;
      continue;
    }
    if (pending_space) {
      if (nodes_[static_cast<std::size_t>(node)].space < 0) {
        nodes_[static_cast<std::size_t>(node)].space = static_cast<int>(nodes_.size());
        nodes_.emplace_back().in_space = true;
      }
      node = nodes_[static_cast<std::size_t>(node)].space;
      pending_space = false;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    int next = child(node, c);
    if (next < 0) {
      next = static_cast<int>(nodes_.size());
      nodes_.emplace_back();
      if (node == 0) {
        first_[static_cast<unsigned char>(c)] = next;
      } else {
        nodes_[static_cast<std::size_t>(node)].next.emplace_back(c, next);
      }
    }
    node = next;
  }
  if (!ending.boundary_before) starts_anywhere_[static_cast<unsigned char>(spelling[spelling.find_first_not_of(kSpaces)])] = true;
  nodes_[static_cast<std::size_t>(node)].endings.push_back(ending);
}

void PhraseTrie::find_all(std::string_view text, Span range, std::vector<Match>& out) const {
  if (empty() || range.end > text.size()) return;
  for (std::size_t start = range.begin; start < range.end; ++start) {
    const auto first = static_cast<unsigned char>(text[start]);
    int node = first_[first];
    if (node < 0) continue;  // the common case: nothing starts here
    const bool starts_word = !is_word(text[start]) || boundary_at(text, start);
    if (!starts_word && !starts_anywhere_[first]) continue;
    for (std::size_t at = start + 1;; ++at) {
      for (const Ending& ending : nodes_[static_cast<std::size_t>(node)].endings) {
        if ((!ending.boundary_before || starts_word) && (!ending.boundary_after || boundary_at(text, at))) {
          out.push_back({{start, at}, ending.entry});
        }
      }
      if (at >= range.end) break;
      const char c = text[at];
      const Node& current = nodes_[static_cast<std::size_t>(node)];
      if (!is_space(c)) {
        node = child(node, c);
      } else if (!current.in_space) {
        node = current.space;
      }
      if (node < 0) break;
    }
  }
}

}  // namespace medlint
