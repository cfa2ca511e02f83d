// Kind `hidden`: words disguised from rules with characters a reader cannot
// see or tell apart (zero-width and bidi characters, look-alike letters of
// other scripts, character references and markup inside a word). The
// normalized text reads through them; this kind says where they are.
#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "rules/kinds/kinds.h"
#include "rules/options.h"

namespace medlint {
namespace {

bool is_word_byte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// "U+200B ZERO WIDTH SPACE" for the first code point of `bytes`.
std::string describe_code_point(std::string_view bytes) {
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT_OR_FFFD(data, i, static_cast<int32_t>(bytes.size()), c);
  char name[128] = {};
  UErrorCode status = U_ZERO_ERROR;
  u_charName(c, U_EXTENDED_CHAR_NAME, name, sizeof name, &status);
  return U_SUCCESS(status) ? fmt::format("U+{:04X} {}", c, name) : fmt::format("U+{:04X}", c);
}

std::string describe(const HiddenMark& mark, std::string_view source) {
  switch (mark.kind) {
    case HiddenMark::Kind::Invisible: return fmt::format("an invisible character ({})", describe_code_point(source));
    case HiddenMark::Kind::LookAlike: return fmt::format("a look-alike letter ({})", describe_code_point(source));
    case HiddenMark::Kind::Entity: return fmt::format("a character reference ({})", source);
    case HiddenMark::Kind::Markup: return "markup that displays as nothing";
  }
  return {};
}

class HiddenRule final : public Rule {
 public:
  using Rule::Rule;

  void check(const RuleContext& context, std::vector<Diagnostic>& out) const override {
    const Document& document = context.document;
    const CasedText cased = document.text().cased();
    Span word;  // the word of the last finding: one finding per word
    for (const HiddenMark& mark : document.text().hidden_in_words()) {
      if (word.contains(mark.text)) continue;
      word = {mark.text, mark.text + mark.text_size};
      while (word.begin > 0 && is_word_byte(cased[word.begin - 1])) --word.begin;
      while (word.end < cased.size() && is_word_byte(cased[word.end])) ++word.end;
      const std::string_view source = document.source().slice(mark.source);
      out.push_back(finding(
          document, mark.source,
          fmt::format("\"{}\" is written with {}, which hides the word from checks while it reads the same",
                      cased.substr(word.begin, word.size()), describe(mark, source)),
          "retype the word in plain letters"));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_hidden_rule(RuleInfo info, const YAML::Node& node, const RuleBuildContext& context) {
  if (node) Options(node, context.config_path, fmt::format("options of rule `{}`", info.id)).allow_only({});
  return std::make_unique<HiddenRule>(std::move(info));
}

}  // namespace medlint
