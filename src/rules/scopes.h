// The parts of a Document that rule options can name as a scope.
#pragma once
#include <string>
#include <vector>

#include "medlint/document.h"
#include "rules/options.h"

namespace medlint {

enum class Scope { Sentence, Title, Summary, Heading, ListItem, Paragraph, Section, Document };

// Reads option `key` as a scope; `allowed` lists the names this kind accepts.
Scope read_scope(const Options& options, const std::string& key, Scope fallback,
                 std::initializer_list<std::string_view> allowed);

// Text ranges of the prose blocks a phrase scope covers (Title -> title
// blocks; Sentence, Paragraph, Section and Document -> every prose block).
std::vector<Span> scanned_ranges(const Document& document, Scope scope);

// The range of Document::text around `offset` that a requirement looks in.
Span enclosing_range(const Document& document, Scope scope, std::size_t offset);

// The sentence around a text offset, or its block when it has none.
Span sentence_range(const Document& document, std::size_t offset);

// The line a list is read with: the heading or paragraph right before the
// run of list items that holds `offset` ("See your GP if:", "Symptoms of
// carbon monoxide poisoning include:"); empty outside a list.
Span list_lead_in(const Document& document, std::size_t offset);

// Replaces {name} placeholders in a message template.
std::string fill_template(std::string_view text, std::initializer_list<std::pair<std::string_view, std::string_view>> values);

}  // namespace medlint
