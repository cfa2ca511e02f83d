#include "rules/phrase_trie.h"

#include <algorithm>

namespace medlint {

namespace {

// RE2's \b: ASCII letters, digits and underscore are word characters.
bool is_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Separates a phrase's words.
bool is_phrase_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// RE2's \s: what may stand between a phrase's words in the text.
bool is_text_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

bool boundary_at(std::string_view text, std::size_t offset) {
  const bool before = offset > 0 && is_word(text[offset - 1]);
  const bool after = offset < text.size() && is_word(text[offset]);
  return before != after;
}

void add_unique(std::vector<int>& nodes, int node) {
  if (node >= 0 && std::find(nodes.begin(), nodes.end(), node) == nodes.end()) nodes.push_back(node);
}

}  // namespace

PhraseTrie::PhraseTrie() : nodes_(1) { first_.fill(-1); }

int PhraseTrie::child(int node, char c) const {
  if (node == 0) return first_[static_cast<unsigned char>(c)];
  for (const auto& [edge, target] : nodes_[static_cast<std::size_t>(node)].next) {
    if (edge == c) return target;
  }
  return -1;
}

int PhraseTrie::make_child(int node, char c) {
  if (const int existing = child(node, c); existing >= 0) return existing;
  const int created = static_cast<int>(nodes_.size());
  nodes_.emplace_back();
  nodes_.back().boundary_after = is_word(c);
  if (node == 0) {
    first_[static_cast<unsigned char>(c)] = created;
  } else {
    nodes_[static_cast<std::size_t>(node)].next.emplace_back(c, created);
  }
  return created;
}

std::optional<std::string> PhraseTrie::add(std::string_view phrase, int entry) {
  if (std::none_of(phrase.begin(), phrase.end(), [](char c) { return !is_phrase_space(c) && c != '\''; })) {
    return "a phrase needs a character other than spaces and apostrophes";
  }
  int node = 0;
  bool pending_space = false;
  for (const char c : phrase) {
    if (is_phrase_space(c)) {
      pending_space = node != 0;
      continue;
    }
    if (pending_space) {
      if (nodes_[static_cast<std::size_t>(node)].space < 0) {
        nodes_[static_cast<std::size_t>(node)].space = static_cast<int>(nodes_.size());
        nodes_.emplace_back();
        nodes_.back().in_space = true;
      }
      node = nodes_[static_cast<std::size_t>(node)].space;
      pending_space = false;
    }
    if (c == '\'') {
      if (nodes_[static_cast<std::size_t>(node)].apostrophe < 0) {
        nodes_[static_cast<std::size_t>(node)].apostrophe = static_cast<int>(nodes_.size());
        nodes_.emplace_back();
      }
      node = nodes_[static_cast<std::size_t>(node)].apostrophe;
    } else {
      node = make_child(node, c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c);
    }
  }
  nodes_[static_cast<std::size_t>(node)].entries.push_back(entry);
  return std::nullopt;
}

void PhraseTrie::close_over_apostrophes(std::vector<int>& nodes) const {
  for (std::size_t i = 0; i < nodes.size(); ++i) add_unique(nodes, nodes_[static_cast<std::size_t>(nodes[i])].apostrophe);
}

void PhraseTrie::find_all(std::string_view text, Span range, std::vector<Match>& out) const {
  if (empty() || range.end > text.size()) return;
  const bool leading_apostrophe = nodes_[0].apostrophe >= 0;
  std::vector<int> active;
  std::vector<int> next;
  for (std::size_t start = range.begin; start < range.end; ++start) {
    const char first = text[start];
    const int first_node = first_[static_cast<unsigned char>(first)];
    if (first_node < 0 && !leading_apostrophe) continue;  // the common case: nothing starts here
    // A phrase starting with a word character starts a word.
    const bool starts_word = !is_word(first) || boundary_at(text, start);
    if (!starts_word && !leading_apostrophe) continue;
    active.assign(1, 0);
    close_over_apostrophes(active);
    for (std::size_t at = start; at < range.end && !active.empty(); ++at) {
      const char c = text[at];
      next.clear();
      for (const int node : active) {
        const Node& current = nodes_[static_cast<std::size_t>(node)];
        if (is_text_space(c)) {
          add_unique(next, current.space);
          if (current.in_space) add_unique(next, node);
        } else if (c == '\'' && current.apostrophe >= 0) {
          add_unique(next, current.apostrophe);
        } else if (node != 0 || starts_word) {
          add_unique(next, child(node, c));
        }
      }
      close_over_apostrophes(next);
      std::swap(active, next);
      const std::size_t end = at + 1;
      for (const int node : active) {
        const Node& reached = nodes_[static_cast<std::size_t>(node)];
        if (reached.entries.empty() || (reached.boundary_after && !boundary_at(text, end))) continue;
        for (const int entry : reached.entries) out.push_back({{start, end}, entry});
      }
    }
  }
}

}  // namespace medlint
