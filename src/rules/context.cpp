#include "rules/context.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "core/fnv1a.h"
#include "core/keyed_images.h"
#include "core/kept_for_build.h"
#include "core/varint.h"
#include "rules/options.h"

namespace medlint {

namespace {

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '\'' || (c & 0x80); }

// Offset `words` words before `from`, not before `limit`.
std::size_t words_before(std::string_view text, std::size_t from, std::size_t limit, int words) {
  std::size_t at = from;
  for (int counted = 0; at > limit && counted < words; ++counted) {
    while (at > limit && !is_word_char(text[at - 1])) --at;
    while (at > limit && is_word_char(text[at - 1])) --at;
  }
  return at;
}

std::size_t words_after(std::string_view text, std::size_t from, std::size_t limit, int words) {
  std::size_t at = from;
  for (int counted = 0; at < limit && counted < words; ++counted) {
    while (at < limit && !is_word_char(text[at])) ++at;
    while (at < limit && is_word_char(text[at])) ++at;
  }
  return at;
}

// At most two words, and no clause punctuation, between a cue and the
// target: "never see a doctor", "if you don't see", but not "if it is
// not an option, ask your doctor".
bool adjacent_to(std::string_view text, std::size_t cue_end, std::size_t target_begin) {
  if (words_after(text, cue_end, target_begin, 3) < target_begin) return false;
  return text.substr(cue_end, target_begin - cue_end).find_first_of(",;:.") == std::string_view::npos;
}

}  // namespace

ContextCues ContextCues::read(const YAML::Node& node, const std::string& path, const Locale& locale,
                              const std::string& name) {
  const std::string what = fmt::format("cue set `{}`", name);
  const Options options(node, path, what);
  options.allow_only({"window", "discouraged", "negated", "reported", "hypothetical", "supervised", "endorsed", "pseudo",
                      "terminate", "leading_clauses", "anaphora", "rhetorical"});
  ContextCues cues;
  cues.window_ = options.integer("window", 8, 1, 100);
  // Earlier categories win ties; endorsements only count when nothing else does.
  const std::pair<const char*, Cue> categories[] = {{"negated", Cue::Negated},
                                                    {"discouraged", Cue::Discouraged},
                                                    {"reported", Cue::Reported},
                                                    {"hypothetical", Cue::Hypothetical},
                                                    {"supervised", Cue::Supervised},
                                                    {"endorsed", Cue::Endorsed}};
  for (const auto& [key, cue] : categories) {
    const Options category = options.child(key);
    category.allow_only({"before", "after"});
    const std::string category_what = fmt::format("`{}` of {}", key, what);
    Category read{cue, Lexicon::read(category.node("before"), path, locale, category_what),
                  Lexicon::read(category.node("after"), path, locale, category_what), {}};
    for (const YAML::Node& group : read.before.nodes()) {
      const Options group_options(group, path, category_what);
      read.before_adjacent.push_back(group_options.boolean("adjacent", false));
    }
    // Words after a target are read anywhere in the window: an `adjacent`
    // there would be ignored, so it is refused.
    for (const YAML::Node& group : read.after.nodes()) {
      if (group.IsMap() && group["adjacent"]) {
        throw Options(group, path, category_what).error(group["adjacent"], "`adjacent` applies to `before` cues only");
      }
    }
    cues.categories_.push_back(std::move(read));
  }
  cues.pseudo_ = Lexicon::read(options.node("pseudo"), path, locale, "`pseudo` of " + what);
  cues.terminate_ = Lexicon::read(options.node("terminate"), path, locale, "`terminate` of " + what);
  cues.leading_clauses_ =
      Lexicon::read(options.node("leading_clauses"), path, locale, "`leading_clauses` of " + what);
  cues.anaphora_ = Lexicon::read(options.node("anaphora"), path, locale, "`anaphora` of " + what);
  cues.rhetorical_ = Lexicon::read(options.node("rhetorical"), path, locale, "`rhetorical` of " + what);
  return cues;
}

std::string ContextCues::image() const {
  std::string out;
  append_varint(static_cast<std::uint64_t>(window_), out);
  append_varint(categories_.size(), out);
  for (const Category& category : categories_) {
    append_varint(static_cast<std::uint64_t>(category.cue), out);
    category.before.append_image(out);
    category.after.append_image(out);
    append_varint(category.before_adjacent.size(), out);
    for (const bool adjacent : category.before_adjacent) out += adjacent ? '1' : '0';
  }
  for (const Lexicon* lexicon : {&pseudo_, &terminate_, &leading_clauses_, &anaphora_, &rhetorical_}) {
    lexicon->append_image(out);
  }
  return out;
}

std::optional<ContextCues> ContextCues::of_image(std::string_view image) {
  ContextCues cues;
  std::uint64_t window = 0, categories = 0;
  if (!read_varint(image, window) || !read_varint(image, categories) || categories > image.size()) return std::nullopt;
  cues.window_ = static_cast<int>(window);
  for (std::uint64_t i = 0; i < categories; ++i) {
    std::uint64_t cue = 0, adjacent = 0;
    if (!read_varint(image, cue) || cue > static_cast<std::uint64_t>(Cue::Question)) return std::nullopt;
    std::optional<Lexicon> before = Lexicon::read_image(image);
    std::optional<Lexicon> after = before ? Lexicon::read_image(image) : std::nullopt;
    if (!after || !read_varint(image, adjacent) || adjacent > image.size()) return std::nullopt;
    Category category{static_cast<Cue>(cue), std::move(*before), std::move(*after), {}};
    for (std::uint64_t j = 0; j < adjacent; ++j) category.before_adjacent.push_back(image[j] == '1');
    image.remove_prefix(adjacent);
    cues.categories_.push_back(std::move(category));
  }
  for (Lexicon* lexicon :
       {&cues.pseudo_, &cues.terminate_, &cues.leading_clauses_, &cues.anaphora_, &cues.rhetorical_}) {
    std::optional<Lexicon> read = Lexicon::read_image(image);
    if (!read) return std::nullopt;
    *lexicon = std::move(*read);
  }
  if (!image.empty()) return std::nullopt;
  return cues;
}

bool ContextCues::pseudo_at(std::string_view text, Span range, std::size_t at) const {
  for (const Lexicon::Match& match : pseudo_.find_all(text, range)) {
    if (match.text.begin == at) return true;
  }
  return false;
}

bool ContextCues::within_pseudo(std::string_view text, Span range, Span word) const {
  const auto matches = pseudo_.find_all(text, range);
  return std::any_of(matches.begin(), matches.end(), [&](const Lexicon::Match& match) {
    return match.text.begin <= word.begin && word.end <= match.text.end;
  });
}

bool ContextCues::rhetorical(std::string_view text, Span sentence) const {
  std::size_t start = sentence.begin;
  while (start < sentence.end && !std::isalnum(static_cast<unsigned char>(text[start]))) ++start;
  std::size_t end = sentence.end - 1;  // the question mark
  while (end > start && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  for (const Lexicon::Match& match : rhetorical_.find_all(text, sentence)) {
    if (match.text.begin == start || match.text.end == end) return true;
  }
  return false;
}

Span ContextCues::before_scope(std::string_view text, Span sentence, Span target) const {
  std::size_t begin = sentence.begin;
  for (const Lexicon* stops : {&terminate_, &leading_clauses_}) {
    for (const Lexicon::Match& stop : stops->find_all(text, {sentence.begin, target.begin})) {
      begin = std::max(begin, stop.text.end);
    }
  }
  return {words_before(text, target.begin, begin, window_), target.begin};
}

Span ContextCues::after_scope(std::string_view text, Span sentence, Span target) const {
  std::size_t end = sentence.end;
  for (const Lexicon::Match& stop : terminate_.find_all(text, {target.end, sentence.end})) {
    // "..., but this can tear an artery": a clause about "this" still
    // speaks about the target, so the scope runs on through it.
    std::size_t next = stop.text.end;
    while (next < sentence.end && (text[next] == ' ' || text[next] == ',')) ++next;
    const auto anaphor = anaphora_.find_all(text, {next, std::min(sentence.end, next + 12)});
    if (!anaphor.empty() && anaphor.front().text.begin == next) continue;
    end = stop.text.begin;
    break;
  }
  return {target.end, words_after(text, target.end, end, window_ * 2)};
}

CueVerdict ContextCues::classify(std::string_view text, Span sentence, Span target) const {
  // A target may run across a sentence break the segmenter saw inside it.
  sentence = {std::min(sentence.begin, target.begin), std::max(sentence.end, target.end)};
  const Span before = before_scope(text, sentence, target);
  const Span after = after_scope(text, sentence, target);
  const auto pseudo = pseudo_.find_all(text, {before.begin, after.end});
  const auto shadowed = [&](Span cue) {
    for (const Lexicon::Match& match : pseudo) {
      if (match.text.begin < cue.end && cue.begin < match.text.end) return true;
    }
    return false;
  };
  // Endorsements (the last category) count only when no other cue does.
  CueVerdict verdict;      // nearest warning or negation
  CueVerdict framing;      // nearest report, condition or supervision
  CueVerdict endorsement;  // nearest endorsement
  std::vector<Span> supervisions;
  std::size_t best[3] = {std::string_view::npos, std::string_view::npos, std::string_view::npos};
  const auto consider = [&](const Category& category, Span cue, std::size_t distance) {
    if (shadowed(cue)) return;
    const bool frames = category.cue == Cue::Reported || category.cue == Cue::Hypothetical ||
                        category.cue == Cue::Supervised;
    if (category.cue == Cue::Supervised) supervisions.push_back(cue);
    const int slot = category.cue == Cue::Endorsed ? 2 : frames ? 1 : 0;
    if (distance >= best[slot]) return;
    best[slot] = distance;
    CueVerdict& chosen = slot == 2 ? endorsement : slot == 1 ? framing : verdict;
    chosen = {category.cue, std::string(text.substr(cue.begin, cue.size()))};
  };
  for (const Category& category : categories_) {
    for (const Lexicon::Match& match : category.before.find_all(text, before)) {
      const bool adjacent = category.before_adjacent[static_cast<std::size_t>(match.group)];
      if (adjacent && !adjacent_to(text, match.text.end, target.begin)) continue;
      consider(category, match.text, target.begin - match.text.end);
    }
    for (const Lexicon::Match& match : category.after.find_all(text, after)) {
      consider(category, match.text, match.text.begin - target.end);
    }
  }
  // A clinician anywhere in the clause outranks a nearer report or
  // condition: "my endo told me to" holds the report "told me to", and
  // "stopped her iron tablets when her levels came back normal, as the
  // haematologist said" is the haematologist's act.
  if ((framing.cue == Cue::Reported || framing.cue == Cue::Hypothetical) && !supervisions.empty()) {
    const auto distance = [&](Span cue) {
      return cue.end <= target.begin ? target.begin - cue.end : cue.begin - target.end;
    };
    const auto nearest = std::min_element(supervisions.begin(), supervisions.end(),
                                          [&](Span a, Span b) { return distance(a) < distance(b); });
    framing = {Cue::Supervised, std::string(text.substr(nearest->begin, nearest->size()))};
  }
  // A report, condition or supervision frames the whole clause and
  // outranks a nearer negation: "many people do not seek care" reports,
  // "if you don't see your doctor" supposes.
  if (framing.cue != Cue::None) verdict = framing;
  // A condition ("if you have leftover antibiotics, they work fine") does
  // not cancel an endorsement; other cues do.
  if (verdict.cue == Cue::None || (verdict.cue == Cue::Hypothetical && endorsement.cue == Cue::Endorsed)) {
    verdict = endorsement;
  }
  const bool question = sentence.end > sentence.begin && text[sentence.end - 1] == '?' && !rhetorical(text, sentence);
  if (question && verdict.cue != Cue::Discouraged && verdict.cue != Cue::Negated) return {Cue::Question, {}};
  return verdict;
}

}  // namespace medlint

namespace medlint {

namespace {

// The images of the cue sets the build step read, by cue_set_key.
KeptForBuild<std::map<std::uint64_t, std::string>>& kept_cue_sets() {
  static KeptForBuild<std::map<std::uint64_t, std::string>> kept;
  return kept;
}

// What a cue set is read from: its entry's pack image, and the locale.
std::uint64_t cue_set_key(const RuleBuildContext::CueSetSource& source, const Locale& locale) {
  return fnv1a(source.image(), fnv1a({locale.tag.data(), locale.tag.size() + 1}));
}

std::optional<ContextCues> shipped_cue_set(std::uint64_t key) {
  const std::optional<std::string_view> image = find_keyed_image(shipped_cue_set_images(), key);
  return image ? ContextCues::of_image(*image) : std::nullopt;
}

}  // namespace

std::shared_ptr<const ContextCues> read_cue_option(const Options& options, const std::string& key,
                                                   const RuleBuildContext& context) {
  return read_named_entry(options, key, context.cue_sets, context.compiled_cue_sets, "cue set", "cue_sets",
                          [&](const RuleBuildContext::CueSetSource& source, const std::string& name) {
                            const std::uint64_t cue_set = cue_set_key(source, context.locale);
                            if (std::optional<ContextCues> shipped = shipped_cue_set(cue_set)) {
                              return std::make_shared<const ContextCues>(std::move(*shipped));
                            }
                            auto cues = std::make_shared<const ContextCues>(
                                ContextCues::read(source.node(), source.path, context.locale, name));
                            kept_cue_sets().add([&](auto& by_key) { by_key[cue_set] = cues->image(); });
                            return cues;
                          });
}

void keep_cue_set_images() { kept_cue_sets().keep(); }

std::string cue_set_images() { return keyed_images(kept_cue_sets().items()); }

}  // namespace medlint
