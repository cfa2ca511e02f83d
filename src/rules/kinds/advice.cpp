#include "rules/kinds/advice.h"

#include <charconv>
#include <iterator>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>
#include <set>
#include <stdexcept>

#include "language/lemmatizer.h"
#include "language/sentence_words.h"
#include "rules/kinds/kinds.h"
#include "rules/models.h"
#include "rules/scopes.h"
#include "rules/spelling_lexicon.h"
#include "rules/word_class_sets.h"

namespace medlint {
namespace {

bool has_class(const std::vector<WordClasses::Hit>& hits, int word_class) {
  return std::any_of(hits.begin(), hits.end(), [&](const WordClasses::Hit& hit) { return hit.word_class == word_class; });
}

// The sentences around one are its context only within its block (a
// paragraph, a list item): the next paragraph may be another topic.
std::optional<Span> previous_sentence(const Document& document, Span sentence) {
  const std::string& folded = document.text().folded();
  std::size_t at = sentence.begin;
  while (at > 0 && std::isspace(static_cast<unsigned char>(folded[at - 1]))) --at;
  if (at == 0) return std::nullopt;
  const auto previous = document.sentence_at(at - 1);
  if (!previous || previous->text.begin >= sentence.begin ||
      document.block_at(previous->text.begin) != document.block_at(sentence.begin)) {
    return std::nullopt;
  }
  return previous->text;
}

// The sentence after this one, in any block.
std::optional<Span> following_sentence(const Document& document, Span sentence) {
  const std::string& folded = document.text().folded();
  // Past spaces and closing quotes or brackets the segmenter left outside.
  std::size_t at = sentence.end;
  while (at < folded.size() && !std::isalnum(static_cast<unsigned char>(folded[at]))) ++at;
  if (at >= folded.size()) return std::nullopt;
  const auto next = document.sentence_at(at);
  if (!next || next->text.begin < sentence.end) return std::nullopt;
  return next->text;
}

std::optional<Span> next_sentence(const Document& document, Span sentence) {
  const auto next = following_sentence(document, sentence);
  if (!next || document.block_at(next->begin) != document.block_at(sentence.begin)) return std::nullopt;
  return next;
}

std::string_view cue_name(Cue cue) {
  switch (cue) {
    case Cue::None: return "none";
    case Cue::Discouraged: return "discouraged";
    case Cue::Negated: return "negated";
    case Cue::Reported: return "reported";
    case Cue::Hypothetical: return "hypothetical";
    case Cue::Supervised: return "supervised";
    case Cue::Endorsed: return "endorsed";
    case Cue::Question: return "question";
  }
  return "none";
}

// Why a frame is a finding, or nullopt when its cues clear it. A claim
// reported as others' ("many people find...") counts unless the text
// rejects it (see countered()).
std::optional<std::string> reason(AdviceRule::FlagWhen flag_when, const CueVerdict& verdict) {
  switch (verdict.cue) {
    case Cue::Endorsed: return fmt::format("endorsed by \"{}\"", verdict.text);
    case Cue::None: return std::string("stated as advice, with no warning against it");
    case Cue::Reported: return fmt::format("reported (\"{}\") without being rejected", verdict.text);
    case Cue::Hypothetical:
    case Cue::Supervised:
      if (flag_when == AdviceRule::FlagWhen::Always) return std::string("stated as advice");
      return std::nullopt;
    default: return std::nullopt;
  }
}

// The offset `words` words before `from`, not before `limit`.
std::size_t words_before_offset(std::string_view text, std::size_t from, std::size_t limit, int words) {
  std::size_t at = from;
  const auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '\'' || (c & 0x80); };
  for (int counted = 0; at > limit && counted < words; ++counted) {
    while (at > limit && !is_word(text[at - 1])) --at;
    while (at > limit && is_word(text[at - 1])) --at;
  }
  return at;
}

// Whether a negation word is an answer ("No, ..."): a comma right after it.
bool answers_no(std::string_view text, Span negation) {
  std::size_t after = negation.end;
  while (after < text.size() && text[after] == ' ') ++after;
  return after < text.size() && text[after] == ',';
}

Span words_span(const std::vector<Token>& tokens, int first, int last) {
  return {tokens[static_cast<std::size_t>(first)].text.begin, tokens[static_cast<std::size_t>(last)].text.end};
}

// Where a sentence's words start, past an answer's "A:" ("Q: ... A: Take
// two.", "A (Seller): Yes!").
std::size_t answer_start(const std::string& folded, Span sentence) {
  std::size_t start = sentence.begin;
  if (folded.compare(start, 2, "a:") == 0) {
    start += 2;
  } else if (folded.compare(start, 3, "a (") == 0) {
    const std::size_t label_end = folded.find("):", start);
    if (label_end != std::string::npos && label_end < std::min(sentence.end, start + 32)) start = label_end + 2;
  }
  while (start < sentence.end && folded[start] == ' ') ++start;
  return start;
}

// The words before a first sentence: none.
const SharedTokens& no_tokens() {
  static const SharedTokens none = std::make_shared<const std::vector<Token>>();
  return none;
}

}  // namespace

struct AdviceRule::Tagged {
  Span text;
  SharedTokens token_list;
  std::vector<WordClasses::Hit> hits;
  std::map<std::pair<int, int>, Span> antecedents;  // (class, pronoun token) -> antecedent text
  std::map<int, Span> before;  // class -> its nearest word in the two sentences before
  std::map<int, Span> asked;   // class -> its word in a question right before ("Splinter under a nail?")
  std::set<int> after;         // the classes of the sentence after
  // The sentence before, for the model's window (no words for a first sentence).
  TaggedWords previous = {no_tokens(), {}};
  const std::vector<Token>& tokens = *token_list;
};

struct AdviceRule::Passage {
  int block = -1;
  std::vector<TaggedWords> sentences;  // words only: the passage model reads no classes
  std::vector<std::string> features;  // built once the model may be sure of the passage
};

namespace {

// The fewest words a passage holds for the passage model to read it: a
// shorter one (a caption, an item of a list of drug names) gives it too
// little to go on.
constexpr std::size_t kPassageWords = 8;

// Whether the passage model is sure of a passage of these words: scored
// by the features' keys, their names built only for a passage it is sure of.
bool passage_is_sure(const TrainedModel& model, const std::vector<TaggedWords>& sentences) {
  std::size_t words = 0;
  for (const TaggedWords& sentence : sentences) words += sentence.tokens->size();
  return words >= kPassageWords && model.decides_surely(model.score_by_keys(word_feature_keys(sentences)));
}


// The blocks whose words a WordCache keeps: the rule reads a sentence's
// neighbours and a list's next steps, rarely further.
constexpr std::size_t kKeptBlocks = 4;

}  // namespace

SharedTokens AdviceRule::WordCache::words_of(const Document& document, const Settings& settings, Span sentence) {
  const int block = passages ? document.block_at(sentence.begin) : -1;
  if (block < 0 || !read_as_prose(document.blocks[static_cast<std::size_t>(block)])) return words.tokens(sentence);
  auto kept = block_words.find(block);
  if (kept == block_words.end()) {
    if (block_words.size() == kKeptBlocks) drop_block(settings, block_words.begin());
    kept = block_words.try_emplace(block).first;
    for (const Sentence& in_block : document.block_sentences(block)) kept->second.sentences.push_back(in_block.text);
    kept->second.words.resize(kept->second.sentences.size());
    kept->second.read.resize(kept->second.sentences.size());
  }
  BlockWords& block_read = kept->second;
  const auto at = std::find(block_read.sentences.begin(), block_read.sentences.end(), sentence);
  if (at == block_read.sentences.end()) return words.tokens(sentence);
  const auto index = static_cast<std::size_t>(at - block_read.sentences.begin());
  if (!block_read.read[index]) {
    block_read.words[index].tokens = words.tokens(sentence);
    block_read.read[index] = true;
  }
  return block_read.words[index].tokens;
}

void AdviceRule::WordCache::drop_block(const Settings& settings, std::map<int, BlockWords>::iterator kept) {
  PassageVerdict& verdict = passages->verdicts[static_cast<std::size_t>(kept->first)];
  if (verdict == PassageVerdict::Unread && passages->found->count(kept->first) == 0) {
    BlockWords& block_read = kept->second;
    for (std::size_t i = 0; i < block_read.sentences.size(); ++i) {
      if (!block_read.read[i]) block_read.words[i].tokens = words.tokens(block_read.sentences[i]);
    }
    verdict = passage_is_sure(*settings.passage_model, block_read.words) ? PassageVerdict::Sure
                                                                         : PassageVerdict::Unsure;
  }
  block_words.erase(kept);
}

void AdviceRule::WordCache::drop_blocks(const Settings& settings) {
  while (!block_words.empty()) drop_block(settings, block_words.begin());
}

const TaggedWords& AdviceRule::WordCache::of(const Document& document, const Settings& settings, Span sentence) {
  auto [entry, added] = by_start.try_emplace(sentence.begin);
  if (added) {
    std::vector<WordClasses::Hit>& hits = entry->second.hits;
    entry->second.tokens = words_of(document, settings, sentence);
    hits = *words.hits(sentence, *settings.classes);
    std::erase_if(hits, [&](const WordClasses::Hit& hit) {
      return !settings.visible_classes[static_cast<std::size_t>(hit.word_class)];
    });
    const auto of_classes = [](const std::vector<int>& classes, const WordClasses::Hit& hit) {
      return std::find(classes.begin(), classes.end(), hit.word_class) != classes.end();
    };
    for (const Settings::InsideTerms& inside : settings.inside_terms) {
      thread_local std::vector<WordClasses::Hit> outer;  // reused: every sentence read comes here
      outer.clear();
      std::copy_if(hits.begin(), hits.end(), std::back_inserter(outer),
                   [&](const WordClasses::Hit& hit) { return of_classes(inside.outer, hit); });
      if (outer.empty()) continue;  // most sentences: no term for an inner one to lie inside
      std::erase_if(hits, [&](const WordClasses::Hit& hit) {
        return of_classes(inside.inner, hit) && std::any_of(outer.begin(), outer.end(), [&](const WordClasses::Hit& term) {
                 return term.first <= hit.first && hit.last <= term.last && term.last - term.first > hit.last - hit.first;
               });
      });
    }
  }
  return entry->second;
}

void AdviceRule::WordCache::forget_before(std::size_t sentence_start) {
  auto keep = by_start.lower_bound(sentence_start);
  for (int kept = 0; kept < 2 && keep != by_start.begin(); ++kept) --keep;
  by_start.erase(by_start.begin(), keep);
}

AdviceRule::Tagged AdviceRule::tag(const Document& document, Span sentence, WordCache& cache) const {
  cache.forget_before(sentence.begin);
  const TaggedWords& words = cache.of(document, settings_, sentence);
  Tagged tagged{sentence, words.tokens, words.hits, {}, {}, {}, {}};
  std::optional<Span> previous = previous_sentence(document, sentence);
  for (int back = 0; back < 2 && previous; ++back, previous = previous_sentence(document, *previous)) {
    const TaggedWords& before = cache.of(document, settings_, *previous);
    for (const WordClasses::Hit& hit : before.hits) {
      if (tagged.before.count(hit.word_class) && back > 0) continue;
      tagged.before[hit.word_class] = words_span(*before.tokens, hit.first, hit.last);
    }
    if (back == 0) {
      tagged.previous = before;
      if (document.text().folded()[previous->end - 1] == '?') {
        for (const WordClasses::Hit& hit : before.hits) {
          tagged.asked[hit.word_class] = words_span(*before.tokens, hit.first, hit.last);
        }
      }
    }
  }
  add_list_topic(document, tagged, cache);
  if (const auto next = next_sentence(document, sentence)) {
    for (const WordClasses::Hit& hit : cache.of(document, settings_, *next).hits) tagged.after.insert(hit.word_class);
  }
  add_raised_counts(tagged);
  resolve_pronouns(tagged);
  return tagged;
}

// "Quitting your antidepressants? Here's how:" over "1. Go to every other
// day." and "2. Then stop.": a list's steps are about what the last two
// sentences of a lead-in that opens them (ending in a colon or a question)
// name, as an instruction after a question is about what it asks.
void AdviceRule::add_list_topic(const Document& document, Tagged& tagged, WordCache& cache) const {
  const std::string& folded = document.text().folded();
  Span lead_in = list_lead_in(document, tagged.text.begin);
  while (lead_in.end > lead_in.begin && std::isspace(static_cast<unsigned char>(folded[lead_in.end - 1]))) --lead_in.end;
  if (lead_in.empty() || (folded[lead_in.end - 1] != ':' && folded[lead_in.end - 1] != '?')) return;
  std::optional<Span> said = sentence_range(document, lead_in.end - 1);
  for (int back = 0; back < 2 && said && said->begin >= lead_in.begin; ++back, said = previous_sentence(document, *said)) {
    const TaggedWords& words = cache.of(document, settings_, *said);
    for (const WordClasses::Hit& hit : words.hits) tagged.asked.try_emplace(hit.word_class, words_span(*words.tokens, hit.first, hit.last));
  }
}

namespace {

// A count written as digits or as a small number word.
std::optional<int> count_of(const Token& token) {
  static const std::map<std::string, int> kWords = {{"one", 1}, {"two", 2},   {"three", 3}, {"four", 4},
                                                    {"five", 5}, {"six", 6}, {"seven", 7},  {"eight", 8},
                                                    {"nine", 9}, {"ten", 10}, {"twelve", 12}};
  if (const auto word = kWords.find(token.lemma); word != kWords.end()) return word->second;
  int value = 0;
  const auto [end, error] = std::from_chars(token.lemma.data(), token.lemma.data() + token.lemma.size(), value);
  if (error != std::errc() || end != token.lemma.data() + token.lemma.size()) return std::nullopt;
  return value;
}

}  // namespace

// "Label says 2, but I take 4", "Metoprolol 25 doesn't do it, so I take
// 75": the count taken exceeds the count stated before it.
void AdviceRule::add_raised_counts(Tagged& tagged) const {
  const Settings::RaisedCount& raised = settings_.raised_count;
  if (raised.as < 0) return;
  // The token of the count after a word's last token, past a filler ("my
  // insulin dose is 10", "I give myself 20"); -1 past the end.
  const auto count_token = [&](const std::vector<Token>& tokens, int last) {
    const int next = last + 1;
    if (static_cast<std::size_t>(next) >= tokens.size()) return -1;
    const std::string& lemma = tokens[static_cast<std::size_t>(next)].lemma;
    const bool filler = std::find(raised.fillers.begin(), raised.fillers.end(), lemma) != raised.fillers.end();
    const int at = filler ? next + 1 : next;
    return static_cast<std::size_t>(at) < tokens.size() ? at : -1;
  };
  const auto stated_counts = [&](const std::vector<Token>& tokens, const std::vector<WordClasses::Hit>& hits) {
    std::vector<std::pair<int, int>> counts;  // (token, count)
    for (const WordClasses::Hit& hit : hits) {
      if (std::find(raised.stated_after.begin(), raised.stated_after.end(), hit.word_class) == raised.stated_after.end()) continue;
      const int at = count_token(tokens, hit.last);
      if (at < 0) continue;
      if (const auto count = count_of(tokens[static_cast<std::size_t>(at)])) counts.emplace_back(at, *count);
    }
    return counts;
  };
  std::vector<std::pair<int, int>> stated = stated_counts(*tagged.previous.tokens, tagged.previous.hits);
  for (auto& said : stated) said.first = -1;  // before every word of this sentence
  const auto here = stated_counts(tagged.tokens, tagged.hits);
  stated.insert(stated.end(), here.begin(), here.end());
  const auto is_duration = [&](int token) {
    return std::any_of(tagged.hits.begin(), tagged.hits.end(),
                       [&](const WordClasses::Hit& hit) { return hit.word_class == raised.durations && hit.first == token; });
  };
  std::vector<WordClasses::Hit> raised_hits;
  for (const WordClasses::Hit& hit : tagged.hits) {
    if (hit.word_class != raised.taking) continue;
    const int number = count_token(tagged.tokens, hit.last);
    if (number < 0) continue;
    const auto taken = count_of(tagged.tokens[static_cast<std::size_t>(number)]);
    if (!taken || is_duration(number + 1)) continue;
    const bool above = std::any_of(stated.begin(), stated.end(), [&](const std::pair<int, int>& said) {
      return said.first < hit.first && said.second < *taken;
    });
    if (above) raised_hits.push_back({raised.as, hit.first, number});
  }
  tagged.hits.insert(tagged.hits.end(), raised_hits.begin(), raised_hits.end());
}

// "Just stop taking it", "if your metformin upsets you, stop it": a
// pronoun stands for the nearest class word before it in its sentence, or
// else in the two sentences before, for the classes a frame may need; for
// the question antecedents, only in a question right before ("Splinter
// under a nail? Dig it out with a needle.").
void AdviceRule::resolve_pronouns(Tagged& tagged) const {
  if (settings_.pronouns < 0) return;
  std::vector<WordClasses::Hit> pronoun_hits;
  for (const WordClasses::Hit& hit : tagged.hits) {
    if (hit.word_class == settings_.pronouns) pronoun_hits.push_back(hit);
  }
  if (pronoun_hits.empty()) return;  // most sentences: nothing to resolve, nothing to allocate
  std::vector<std::pair<int, const std::map<int, Span>*>> sources;
  for (const int word_class : settings_.antecedents) sources.emplace_back(word_class, &tagged.before);
  for (const int word_class : settings_.question_antecedents) sources.emplace_back(word_class, &tagged.asked);
  std::vector<WordClasses::Hit> resolved;
  for (const auto& [word_class, named_before] : sources) {
    const auto before = named_before->find(word_class);
    const bool in_sentence = has_class(tagged.hits, word_class);
    for (const WordClasses::Hit& pronoun : pronoun_hits) {
      std::optional<Span> antecedent;
      for (const WordClasses::Hit& hit : tagged.hits) {
        if (hit.word_class == word_class && hit.last < pronoun.first) antecedent = words_span(tagged.tokens, hit.first, hit.last);
      }
      if (!antecedent && !in_sentence && before != named_before->end()) antecedent = before->second;
      if (!antecedent) continue;
      resolved.push_back({word_class, pronoun.first, pronoun.last});
      tagged.antecedents[{word_class, pronoun.first}] = *antecedent;
    }
  }
  tagged.hits.insert(tagged.hits.end(), resolved.begin(), resolved.end());
}

AdviceRule::Candidate AdviceRule::candidate_of(const Document& document, Span sentence, WordCache& cache,
                                               Features features) const {
  const Tagged tagged = tag(document, sentence, cache);
  Candidate candidate{sentence, focus_of(tagged), false, {}, {}, std::nullopt};
  std::vector<std::string> frame_features;
  candidate.frame_finding = read_frames(document, tagged, frame_features);
  // A sentence with one slot of a pair is read by the model only when it
  // speaks to or as the reader (the cheap test, first) and its cues state
  // it as advice: most do not, and their features are not worth reading.
  if (settings_.model && !candidate.focus && !candidate.frame_finding && addresses_reader(document, tagged)) {
    const std::optional<Span> one = one_slot_of(tagged);
    if (one && stated_as_advice(document, tagged, *one, PlainNeeds::Nothing)) {
      candidate.focus = one;
      candidate.one_slot = true;
    }
  }
  // Most candidates are neither a frame's finding nor advice the model
  // could find: the window's features are read only when scored, and
  // the cues around a model's finding only when it scores high.
  const bool scored =
      settings_.model && ((candidate.frame_finding && !candidate.frame_finding->outright) || candidate.focus);
  if (features == Features::All || scored) {
    std::vector<TaggedWords> window = {tagged.previous, {tagged.token_list, tagged.hits}};
    if (const auto next = next_sentence(document, sentence))
      window.push_back(cache.of(document, settings_, *next));
    // Training reads every class; scoring, those the model was trained on.
    const std::vector<bool>& feature_classes =
        features == Features::All ? settings_.visible_classes : settings_.model_classes;
    candidate.feature_keys = window_feature_keys(*settings_.classes, feature_classes, window);
    for (const std::string& feature : frame_features) candidate.feature_keys.push_back(LinearModel::feature_key(feature));
    // The names only where they are read: a training example's, and a
    // finding's strongest reasons.
    const auto name_features = [&] {
      candidate.features = window_features(*settings_.classes, feature_classes, window);
      candidate.features.insert(candidate.features.end(), frame_features.begin(), frame_features.end());
      std::sort(candidate.features.begin(), candidate.features.end());
    };
    if (features == Features::All) name_features();
    if (settings_.model && !candidate.frame_finding && candidate.focus) {
      candidate.score = settings_.model->score_by_keys(candidate.feature_keys);
      if (candidate.one_slot) {
        candidate.model_may_flag = settings_.model->decides_surely(candidate.score);
      } else {
        candidate.model_may_flag = settings_.model->decides(candidate.score) &&
                                   stated_as_advice(document, tagged, *candidate.focus,
                                                    settings_.model->decides_surely(candidate.score)
                                                        ? PlainNeeds::Nothing
                                                        : PlainNeeds::Reader);
      }
      if (candidate.model_may_flag && is_self_care(document, tagged)) candidate.model_may_flag = false;
      if (candidate.model_may_flag && features != Features::All) name_features();
    }
  }
  return candidate;
}

namespace {

// The list steps read after a lead-in that names their topic.
constexpr int kListSteps = 8;

bool in_list_item(const Document& document, Span sentence) {
  const int block = document.block_at(sentence.begin);
  return block >= 0 && document.blocks[static_cast<std::size_t>(block)].kind == BlockKind::ListItem;
}

}  // namespace

void AdviceRule::each_candidate(const Document& document, SentenceWords& words, Features features,
                                const PatternHits* hits, const std::function<void(Candidate&&)>& visit,
                                PassageReading* passages) const {
  const std::string& folded = document.text().folded();
  std::set<std::size_t> read;  // sentences already analysed, by start
  WordCache cache(words);      // sentences are context of their neighbours too
  cache.passages = settings_.passage_model ? passages : nullptr;
  // Anchors are found a stretch of whole sentences at a time: a paragraph
  // of 16 MB made of anchor words would otherwise hold every match at once.
  constexpr std::size_t kStretch = 1 << 16;
  for (const Span range : scanned_ranges(document, Scope::Sentence)) {
    std::optional<Span> anchored;  // the sentence of the previous anchor
    for (Span stretch{range.begin, range.begin}; stretch.end < range.end; stretch.begin = stretch.end) {
      stretch.end = range.end;
      if (range.end - stretch.begin > kStretch) {
        stretch.end = std::min(
            range.end, std::max(sentence_range(document, stretch.begin + kStretch).end, stretch.begin + kStretch));
      }
      for (const Lexicon::Match& anchor : settings_.anchors.find_all(folded, stretch, hits)) {
        // Anchors come in order, and a sentence's second anchor would read
        // the same sentences again.
        const Span anchor_sentence = sentence_range(document, anchor.text.begin);
        if (anchored == anchor_sentence) continue;
        anchored = anchor_sentence;
        // No later anchor reads a sentence before this one.
        read.erase(read.begin(), read.lower_bound(anchor_sentence.begin));
        // The anchor's sentence, and the two after it, where a pronoun may
        // stand for its word ("The statin made my legs ache. Just leave it
        // off."). Two after it, not two with a pronoun: looking on until two
        // turn up walked the whole block per anchor (quadratic on a long
        // paragraph).
        // So is the sentence right after a question, which the question's
        // topic may be about ("Coming off your antidepressants? Drop to
        // every other day, then stop.").
        std::vector<Span> sentences = {anchor_sentence};
        std::optional<Span> next = next_sentence(document, sentences.front());
        const bool asks = folded[anchor_sentence.end - 1] == '?';
        for (int looked = 0; next && looked < 2; ++looked, next = next_sentence(document, *next)) {
          if ((asks && looked == 0) || settings_.pronoun_words.contains(folded, *next, hits))
            sentences.push_back(*next);
        }
        // And the steps of a list it leads into, which name no medicine
        // of their own ("Here's how: 1. Go to every other day. 2. Stop.").
        const Span last = sentences.back();
        if (folded[last.end - 1] == ':' || folded[last.end - 1] == '?') {
          std::optional<Span> step = following_sentence(document, last);
          for (int steps = 0; step && steps < kListSteps && in_list_item(document, *step);
               ++steps, step = following_sentence(document, *step)) {
            sentences.push_back(*step);
          }
        }
        for (const Span sentence : sentences) {
          if (!read.insert(sentence.begin).second) continue;
          visit(candidate_of(document, sentence, cache, features));
        }
      }
    }
  }
  if (cache.passages) cache.drop_blocks(settings_);
}

ModelReader::Example AdviceRule::model_example(const Document& document, std::string_view model_option) const {
  Example example;
  SentenceWords words(document.text().folded());
  if (model_option == "passage_model") {
    std::vector<Diagnostic> ignored;
    each_passage(document, words, read_sentences(RuleContext{document, {}, nullptr}, words, ignored),
                 [&](const Passage&) { example.kinds.insert("read"); });
    each_passage(document, words, {}, [&](const Passage& passage) {
      const std::vector<std::string> features = word_features(passage.sentences);
      example.features.insert(features.begin(), features.end());
    });
    return example;
  }
  if (model_option != "model") throw std::invalid_argument("an `advice` rule reads a `model` and a `passage_model`");
  each_candidate(document, words, Features::All, nullptr, [&](Candidate&& candidate) {
    if (candidate.frame_finding) example.kinds.insert(candidate.frame_finding->kind());
    example.features.insert(candidate.features.begin(), candidate.features.end());
  });
  return example;
}

void AdviceRule::check(const RuleContext& context, std::vector<Diagnostic>& out) const {
  const Document& document = context.document;
  // The blocks the rule reads a sentence of are read whole, and the
  // passage model's verdict on each kept: most blocks' words are read once.
  PassageReading passages{std::vector<PassageVerdict>(document.blocks.size(), PassageVerdict::Unread), nullptr};
  std::optional<SentenceWords> own_words;
  SentenceWords& words = context.words ? *context.words : own_words.emplace(document.text().folded());
  const std::set<int> found = read_sentences(context, words, out, &passages);
  if (!settings_.passage_model) return;
  // One passage at a time: a long article's are never all held at once.
  each_passage(
      document, words, found,
      [&](Passage& passage) {
        const double score = settings_.passage_model->score_by_keys(word_feature_keys(passage.sentences));
        if (!settings_.passage_model->decides_surely(score)) return;
        passage.features = word_features(passage.sentences);
        if (const std::optional<Span> focus = passage_focus(document, words, passage)) {
          out.push_back(model_finding(document, *settings_.passage_model, *focus, passage.features, score));
        }
      },
      &passages.verdicts);
}

std::set<int> AdviceRule::read_sentences(const RuleContext& context, SentenceWords& words,
                                         std::vector<Diagnostic>& out, PassageReading* passages) const {
  const Document& document = context.document;
  std::set<int> found;
  if (passages) passages->found = &found;
  const auto add = [&](Diagnostic&& diagnostic, Span sentence) {
    out.push_back(std::move(diagnostic));
    found.insert(document.block_at(sentence.begin));
  };
  const auto weighed = [&](Span sentence) { found.insert(document.block_at(sentence.begin)); };
  if (!settings_.model) {
    each_candidate(
        document, words, Features::WhenScored, context.hits,
        [&](Candidate&& candidate) {
          if (candidate.frame_finding) add(std::move(candidate.frame_finding->diagnostic), candidate.sentence);
        },
        passages);
    return found;
  }
  // The frames and cues find advice; the model, having read the whole
  // window, can veto what is not endorsed or instructed outright, and can
  // find advice the frames missed in a sentence that names both a risky act
  // and what it acts on, or, when sure, one of them.
  std::set<std::size_t> advised;  // starts of the sentences found to advise
  std::vector<Candidate> one_slot;
  const auto visit = [&](Candidate&& candidate) {
    if (candidate.frame_finding) {
      const FrameFinding& finding = *candidate.frame_finding;
      const double score = settings_.model->score_by_keys(candidate.feature_keys);
      const bool kept = finding.outright ||
                        (finding.unaddressed ? settings_.model->decides(score)
                                             : !settings_.model->vetoes(finding.kind(), score));
      if (kept) {
        add(std::move(candidate.frame_finding->diagnostic), candidate.sentence);
        advised.insert(candidate.sentence.begin);
      }
    } else if (candidate.focus && !candidate.one_slot && !candidate.model_may_flag) {
      weighed(candidate.sentence);
    } else if (candidate.model_may_flag && candidate.one_slot) {
      one_slot.push_back(std::move(candidate));
    } else if (candidate.model_may_flag) {
      add(model_finding(document, *settings_.model, *candidate.focus, candidate.features, candidate.score),
          candidate.sentence);
      advised.insert(candidate.sentence.begin);
    }
  };
  each_candidate(document, words, Features::WhenScored, context.hits, visit, passages);
  // A sentence of one slot is the model reading its neighbour's advice
  // ("The prednisolone kept me awake. Just leave it off.") when that
  // neighbour is a finding already: one piece of advice, one finding.
  for (const Candidate& candidate : one_slot) {
    const auto before = previous_sentence(document, candidate.sentence);
    const auto after = next_sentence(document, candidate.sentence);
    if ((before && advised.count(before->begin)) || (after && advised.count(after->begin))) continue;
    add(model_finding(document, *settings_.model, *candidate.focus, candidate.features, candidate.score),
        candidate.sentence);
  }
  return found;
}

void AdviceRule::each_passage(const Document& document, SentenceWords& words, const std::set<int>& found,
                              const std::function<void(Passage&)>& visit,
                              const std::vector<PassageVerdict>* verdicts) const {
  for (const int block : prose_blocks(document)) {
    const Span text = document.blocks[static_cast<std::size_t>(block)].text;
    if (found.count(block) > 0 || in_link_text(document, text)) continue;
    if (verdicts && (*verdicts)[static_cast<std::size_t>(block)] == PassageVerdict::Unsure) continue;
    Passage passage{block, {}, {}};
    std::size_t word_count = 0;
    for (const Sentence& sentence : document.block_sentences(block)) {
      passage.sentences.push_back({words.tokens(sentence.text), {}});
      word_count += passage.sentences.back().tokens->size();
    }
    if (word_count < kPassageWords) continue;
    visit(passage);
  }
}

std::optional<Span> AdviceRule::passage_focus(const Document& document, SentenceWords& words,
                                              const Passage& passage) const {
  // The first place of the strongest of the model's reasons found in the words.
  std::optional<Span> focus;
  for (const std::string& reason : settings_.passage_model->strongest(passage.features, 4)) {
    for (const TaggedWords& sentence : passage.sentences) {
      const std::vector<Token>& tokens = *sentence.tokens;
      for (std::size_t i = 0; i < tokens.size() && !focus; ++i) {
        if (reason == "u:" + tokens[i].lemma) focus = tokens[i].text;
        if (i + 1 < tokens.size() && reason == "b:" + tokens[i].lemma + "_" + tokens[i + 1].lemma)
          focus = Span{tokens[i].text.begin, tokens[i + 1].text.end};
      }
    }
    if (focus) break;
  }
  if (!focus) return std::nullopt;
  // A passage read as a whole is countered by a warning anywhere in it
  // ("... can cause seizures"), or by a sentence after its strongest words
  // that opens with one ("... a smaller splash might do the trick. Stop
  // right there.").
  const std::string& folded = document.text().folded();
  const Counters& counters = settings_.counters;
  WordCache cache(words);
  for (const Sentence& sentence : document.block_sentences(passage.block)) {
    if (counters.warnings.contains(folded, sentence.text)) return std::nullopt;
    if (sentence.text.begin > focus->end) {
      const std::size_t start = answer_start(folded, sentence.text);
      for (const Lexicon::Match& opener : counters.warning_openers.find_all(folded, sentence.text)) {
        if (opener.text.begin == start) return std::nullopt;
      }
    }
    const Tagged tagged = tag(document, sentence.text, cache);
    if (is_self_care(document, tagged)) return std::nullopt;
    const bool holds_focus = sentence.text.begin <= focus->begin && focus->end <= sentence.text.end;
    if (holds_focus && !stated_as_advice(document, tagged, *focus, PlainNeeds::Nothing)) return std::nullopt;
  }
  return focus;
}

bool AdviceRule::is_self_care(const Document& document, const Tagged& tagged) const {
  const Settings::SelfCare& self_care = settings_.self_care;
  if (!self_care.purchases.contains(document.text().folded(), tagged.text)) return false;
  return std::none_of(tagged.hits.begin(), tagged.hits.end(), [&](const WordClasses::Hit& hit) {
    return std::find(self_care.unless.begin(), self_care.unless.end(), hit.word_class) != self_care.unless.end();
  });
}

// The model reads what the words are about; whether they advise it is
// read as for a frame: the act and its object stated as advice by the
// cues (endorsed, or said plainly as `plain` needs), neither warned
// against after them nor only asked about.
bool AdviceRule::stated_as_advice(const Document& document, const Tagged& tagged, Span focus, PlainNeeds plain) const {
  const std::string& folded = document.text().folded();
  CueVerdict verdict = settings_.cues ? settings_.cues->classify(folded, tagged.text, focus) : CueVerdict{};
  if (verdict.cue == Cue::Question) verdict = answer_to(document, tagged.text);
  if (!reason(FlagWhen::Affirmed, verdict)) return false;
  if (verdict.cue == Cue::None) {
    if (plain == PlainNeeds::Reader && !addresses_reader(document, tagged)) return false;
    if (plain == PlainNeeds::Instruction && !is_instruction(document, tagged)) return false;
  }
  return !countered(document, FlagWhen::Always, tagged.text, focus, {});
}

std::optional<Span> AdviceRule::focus_of(const Tagged& tagged) const {
  const auto in = [](const std::vector<int>& classes, int word_class) {
    return std::find(classes.begin(), classes.end(), word_class) != classes.end();
  };
  // Objects are looked for among the hits near each act: all of them in any
  // real sentence, a bounded number in a hostile one (a "sentence" of
  // 100,000 words would otherwise cost 1e10 comparisons). Hits are in word
  // order, so the search from an act outwards stops once an object could
  // only give a longer span than the shortest found.
  constexpr std::size_t kNearbyHits = 256;
  const std::vector<WordClasses::Hit>& hits = tagged.hits;
  const std::vector<Token>& tokens = tagged.tokens;
  std::vector<std::size_t> objects;  // indices into hits
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (in(settings_.model_objects, hits[i].word_class)) objects.push_back(i);
  }
  const auto begin_of = [&](int word) { return tokens[static_cast<std::size_t>(word)].text.begin; };
  const auto end_of = [&](int word) { return tokens[static_cast<std::size_t>(word)].text.end; };
  std::optional<Span> best;
  const auto consider = [&](const WordClasses::Hit& act, const WordClasses::Hit& object) {
    // Two different words: "aspirin" is both CHILD-RISK and MEDICINE.
    if (act.first <= object.last && object.first <= act.last) return;
    const Span span = words_span(tokens, std::min(act.first, object.first), std::max(act.last, object.last));
    if (!best || span.size() < best->size()) best = span;
  };
  for (std::size_t a = 0; a < hits.size() && !objects.empty(); ++a) {
    const WordClasses::Hit& act = hits[a];
    if (!in(settings_.model_acts, act.word_class)) continue;
    const auto after = std::lower_bound(objects.begin(), objects.end(), a);
    // Before the act: the span runs from the object's first word to the act's last.
    for (auto object = after; object != objects.begin();) {
      --object;
      if (a - *object > kNearbyHits) break;
      if (best && end_of(act.last) - begin_of(hits[*object].first) >= best->size()) break;
      consider(act, hits[*object]);
    }
    // The act itself and after it: from the act's first word to the object's last.
    for (auto object = after; object != objects.end() && *object - a <= kNearbyHits; ++object) {
      if (best && end_of(hits[*object].first) - begin_of(act.first) >= best->size()) break;
      consider(act, hits[*object]);
    }
  }
  return best;
}

// "Been on Adderall for years. I take weekends off and double up on
// deadline days": a sentence that names an act and leaves its object to
// the sentences around it, or names only the object ("my mom gives me one
// of her Xanax"), is read by the model at its focus: the first act, else
// the first object, of the classes that may stand alone
// (`model_one_slot`: not a symptom or a clinician, which reference text
// names all the time).
std::optional<Span> AdviceRule::one_slot_of(const Tagged& tagged) const {
  const auto alone = [&](int word_class) {
    const auto& classes = settings_.model_one_slot;
    return std::find(classes.begin(), classes.end(), word_class) != classes.end();
  };
  // "tips on how to cut back on drinking": an act beside a habit is on it.
  const auto& habits = settings_.habits;
  if (std::any_of(tagged.hits.begin(), tagged.hits.end(), [&](const WordClasses::Hit& hit) {
        return std::find(habits.begin(), habits.end(), hit.word_class) != habits.end();
      })) {
    return std::nullopt;
  }
  for (const std::vector<int>* classes : {&settings_.model_acts, &settings_.model_objects}) {
    for (const WordClasses::Hit& hit : tagged.hits) {
      if (alone(hit.word_class) && std::find(classes->begin(), classes->end(), hit.word_class) != classes->end()) {
        return words_span(tagged.tokens, hit.first, hit.last);
      }
    }
  }
  return std::nullopt;
}

Diagnostic AdviceRule::model_finding(const Document& document, const TrainedModel& model, Span focus,
                                     const std::vector<std::string>& features, double score) const {
  const CasedText cased = document.text().cased();
  const std::string words = cased.substr(focus.begin, focus.size());
  return finding(document, document.text().to_source(focus),
                 fmt::format("reads as risky self-treatment advice: \"{}\"", words),
                 fmt::format("the model's strongest reasons: {} (score {:.2f})",
                             fmt::join(model.strongest(features, 4), ", "), score));
}

std::optional<AdviceRule::FrameFinding> AdviceRule::read_frames(const Document& document, const Tagged& tagged,
                                                                std::vector<std::string>& features) const {
  const std::string& folded = document.text().folded();
  const CasedText cased = document.text().cased();
  const Span sentence = tagged.text;
  std::optional<FrameFinding> first_finding;
  const ClassesPresent present(tagged.hits);
  for (const FrameRule& rule : settings_.frames) {
    std::optional<FrameMatch> match = match_frame(rule.frame, tagged.tokens, tagged.hits, present);
    if (!match) match = match_asked_topic(document, tagged, rule.frame);
    if (!match) continue;
    const auto nearby = [&](int word_class) { return has_class(tagged.hits, word_class) || tagged.before.count(word_class); };
    // What a frame needs may also follow it: "I never go to the doctor.
    // Even when I had blood in my pee, ..."
    const auto needed = [&](int word_class) { return nearby(word_class) || tagged.after.count(word_class); };
    if (!rule.needs_nearby.empty() && std::none_of(rule.needs_nearby.begin(), rule.needs_nearby.end(), needed)) continue;
    if (std::any_of(rule.unless_nearby.begin(), rule.unless_nearby.end(), nearby)) continue;
    std::string frame_feature = "f:" + rule.frame.name;
    std::replace(frame_feature.begin(), frame_feature.end(), ' ', '-');  // features are single words
    features.push_back(std::move(frame_feature));
    const Span target = words_span(tagged.tokens, match->first, match->last);
    // The frame as stated: from the start of the longest word of its first
    // slot's class there ("not bother the GP" holds "bother"), so its own
    // words are not read as a cue about it.
    // So is a word of that class right before it: "no point" in "no point
    // wasting a GP appointment".
    Span stated = target;
    for (int first = match->slots.front().first, extended = first; extended >= 0; first = extended) {
      extended = -1;
      for (const WordClasses::Hit& hit : tagged.hits) {
        if (hit.word_class == match->slots.front().word_class && hit.first < first && hit.last >= first - 1) {
          extended = extended < 0 ? hit.first : std::min(extended, hit.first);
        }
      }
      if (extended >= 0) stated.begin = tagged.tokens[static_cast<std::size_t>(extended)].text.begin;
    }
    // A frame that carries its own stance ("don't rush to the ER") is read
    // from a few words before it: "a rash that doesn't fade, don't rush..."
    // does not negate it.
    const Span cue_scope = rule.flag_when == FlagWhen::Always
                               ? Span{words_before_offset(folded, stated.begin, sentence.begin, 4), sentence.end}
                               : sentence;
    CueVerdict verdict = settings_.cues ? settings_.cues->classify(folded, cue_scope, stated) : CueVerdict{};
    if (is_frame_word(rule.frame, verdict.text)) verdict = {};
    // The frame's own words, and any other word of its classes: "vitamin D
    // is impossible to overdose on, so take 50,000 IU" holds its warning
    // word in a DOSE-COUNT term, and "said no thanks" its negation in a
    // DECLINED one, which speak for the act, not against it.
    std::vector<Span> frame_words;
    for (const WordClasses::Hit& hit : match->slots) frame_words.push_back(words_span(tagged.tokens, hit.first, hit.last));
    for (const WordClasses::Hit& hit : tagged.hits) {
      const bool of_frame = std::any_of(rule.frame.slots.begin(), rule.frame.slots.end(), [&](const std::vector<int>& slot) {
        return std::find(slot.begin(), slot.end(), hit.word_class) != slot.end();
      });
      if (of_frame) frame_words.push_back(words_span(tagged.tokens, hit.first, hit.last));
    }
    const auto in_frame_word = [&](Span text) {
      return std::any_of(frame_words.begin(), frame_words.end(),
                         [&](Span word) { return text.begin < word.end && word.begin < text.end; });
    };
    // "Don't put off seeing a doctor": a frame that carries its own stance
    // is negated by a negation right before it.
    // A "No," that answers a question is no negation of what follows it:
    // "Tight chest on a run? No, you don't need to see a doctor."
    if (rule.flag_when == FlagWhen::Always) {
      const Span just_before{words_before_offset(folded, stated.begin, sentence.begin, 2), stated.begin};
      const auto negations = settings_.inner_negations.find_all(folded, just_before);
      if (std::any_of(negations.begin(), negations.end(),
                      [&](const Lexicon::Match& negation) { return !answers_no(folded, negation.text); })) {
        continue;
      }
    }
    // "Children under 16 shouldn't take aspirin": a negation between the
    // frame's words negates it.
    if (rule.flag_when == FlagWhen::Affirmed && verdict.cue != Cue::Discouraged) {
      for (const Lexicon::Match& negation : settings_.inner_negations.find_all(folded, target)) {
        if (in_frame_word(negation.text) || (settings_.cues && settings_.cues->pseudo_at(folded, target, negation.text.begin))) {
          continue;
        }
        verdict = {Cue::Negated, std::string(folded.substr(negation.text.begin, negation.text.size()))};
        break;
      }
    }
    // "Q: I missed my warfarin yesterday.": the reader's account in a
    // question-and-answer column is asked about, not advised.
    if (folded.compare(sentence.begin, 2, "q:") == 0) verdict = {Cue::Question, {}};
    // "My GP increased it after a review": a clinician right before the
    // act, in the same clause, does it; so does a pronoun for one named
    // before it ("So I rang my GP and she lowered the dose"), that one up to
    // three words before ("see a GP if it's large; they may need to drain
    // it"); a clinician named there wants what may be declined ("my
    // oncologist wanted me on chemotherapy, but...").
    if (rule.flag_when == FlagWhen::Affirmed && settings_.clinicians >= 0) {
      const int act = match->slots.front().first;
      const auto clinician_before = [&](int token) {
        return tagged.before.count(settings_.clinicians) ||
               std::any_of(tagged.hits.begin(), tagged.hits.end(), [&](const WordClasses::Hit& hit) {
                 return hit.word_class == settings_.clinicians && hit.last < token;
               });
      };
      for (const WordClasses::Hit& hit : tagged.hits) {
        const bool pronoun = hit.word_class == settings_.clinician_pronouns && clinician_before(hit.first);
        const bool clinician = hit.word_class == settings_.clinicians || pronoun;
        // How far before the act its doer may end, in tokens: a clinician with one word
        // between at most, a pronoun with three.
        constexpr int kClinicianReach = 2;
        constexpr int kPronounReach = 4;
        if (!clinician || hit.last >= act || hit.last < act - (pronoun ? kPronounReach : kClinicianReach)) continue;
        const Span between{tagged.tokens[static_cast<std::size_t>(hit.last)].text.end,
                           tagged.tokens[static_cast<std::size_t>(act)].text.begin};
        const std::string_view gap = std::string_view(folded).substr(between.begin, between.size());
        if (std::none_of(gap.begin(), gap.end(), [](char c) { return std::ispunct(static_cast<unsigned char>(c)); })) {
          const Span clinician = words_span(tagged.tokens, hit.first, hit.last);
          verdict = {Cue::Supervised, std::string(folded.substr(clinician.begin, clinician.size()))};
        }
      }
    }
    if (verdict.cue == Cue::Question) verdict = answer_to(document, sentence);
    // "Aspirin is perfectly safe for kids": an endorsement between the
    // frame's words is read after its first word, and so is supervision
    // ("instead, people with it are medically treated with...").
    if ((verdict.cue == Cue::None || verdict.cue == Cue::Hypothetical) && settings_.cues) {
      const WordClasses::Hit& first_slot = match->slots.front();
      const CueVerdict inner = settings_.cues->classify(folded, sentence,
                                                        words_span(tagged.tokens, first_slot.first, first_slot.last));
      if (inner.cue == Cue::Endorsed || inner.cue == Cue::Supervised) verdict = inner;
    }
    if (verdict.cue == Cue::None) verdict = praised_after(document, sentence);
    features.push_back(fmt::format("v:{}", cue_name(verdict.cue)));
    const bool addressed = addresses_reader(document, tagged);
    // An instruction ("Stop taking your blood thinner") or an endorsement
    // ("you can stop your antibiotics"): the model may not veto it.
    const bool outright = is_instruction(document, tagged);
    const bool endorsed = verdict.cue == Cue::Endorsed;
    if (addressed) features.push_back("x:addressed");
    const bool is_countered = countered(document, rule.flag_when, sentence, target, frame_words);
    if (is_countered) features.push_back("x:countered");
    if (first_finding) continue;
    // Said to no one in particular ("Borrowing a partner's tablets is
    // perfectly sensible"): advice only if the model, reading the whole
    // window, decides it is. The frame has found the act and its object,
    // so the model's ordinary threshold, not its sure one, confirms it.
    const bool unaddressed = verdict.cue == Cue::None && rule.addressed && !addressed;
    if (unaddressed && !settings_.model) continue;
    const auto why = reason(rule.flag_when, verdict);
    if (!why || is_countered) continue;
    std::vector<std::string> words;
    for (const WordClasses::Hit& hit : match->slots) {
      const Span word = words_span(tagged.tokens, hit.first, hit.last);
      std::string said = fmt::format("\"{}\"", cased.substr(word.begin, word.size()));
      if (const auto antecedent = tagged.antecedents.find({hit.word_class, hit.first});
          antecedent != tagged.antecedents.end()) {
        said += fmt::format(" (\"{}\")", cased.substr(antecedent->second.begin, antecedent->second.size()));
      }
      words.push_back(fmt::format("{} {}", settings_.classes->name(hit.word_class), said));
    }
    const std::string matched = cased.substr(target.begin, target.size());
    std::string help = fmt::format("{}: {}; {}", rule.frame.name, fmt::join(words, ", "), *why);
    if (!rule.suggest.empty()) help += "; " + rule.suggest;
    // One finding per sentence: it is one piece of advice.
    first_finding = FrameFinding{finding(document, document.text().to_source(target),
                                         fill_template(rule.message, {{"match", matched}}), std::move(help)),
                                 (outright || !rule.model_veto) && !unaddressed, endorsed, unaddressed};
  }
  return first_finding;
}

// "Coming off your antidepressants? Drop to every other day, then stop.":
// an instruction right after a question, matched without the slot the
// question's topic fills.
std::optional<FrameMatch> AdviceRule::match_asked_topic(const Document& document, const Tagged& tagged,
                                                        const Frame& frame) const {
  if (tagged.asked.empty() || frame.slots.size() < 2) return std::nullopt;
  const auto topic = [&](int word_class) {
    return std::find(settings_.question_topics.begin(), settings_.question_topics.end(), word_class) !=
           settings_.question_topics.end();
  };
  for (std::size_t slot = 0; slot < frame.slots.size(); ++slot) {
    const std::vector<int>& classes = frame.slots[slot];
    const bool asked = std::any_of(classes.begin(), classes.end(),
                                   [&](int word_class) { return topic(word_class) && tagged.asked.count(word_class); });
    const bool named = std::any_of(classes.begin(), classes.end(),
                                   [&](int word_class) { return has_class(tagged.hits, word_class); });
    if (!asked || named) continue;
    // Read only now: most frames have no slot the question names.
    if (!is_instruction(document, tagged)) return std::nullopt;
    Frame without_topic = frame;
    without_topic.slots.erase(without_topic.slots.begin() + static_cast<std::ptrdiff_t>(slot));
    return match_frame(without_topic, tagged.tokens, tagged.hits);
  }
  return std::nullopt;
}

// Whether a cue holds a word of one of the frame's classes: "there's no
// need to" before "take up a GP appointment" is the frame speaking, not a
// negation of it.
bool AdviceRule::is_frame_word(const Frame& frame, const std::string& cue) const {
  if (cue.empty()) return false;
  const std::vector<Token> tokens = tokenize(cue, {0, cue.size()});
  for (const WordClasses::Hit& hit : settings_.classes->tag(tokens)) {
    for (const auto& slot : frame.slots) {
      if (std::find(slot.begin(), slot.end(), hit.word_class) != slot.end()) return true;
    }
  }
  return false;
}

bool AdviceRule::countered(const Document& document, FlagWhen flag_when, Span sentence, Span target,
                           const std::vector<Span>& frame_words) const {
  const std::string& folded = document.text().folded();
  const Counters& counters = settings_.counters;
  if (under_warning_heading(document, sentence) || completes_condition(document, sentence)) return true;
  const int block = document.block_at(sentence.begin);
  if (block >= 0) {
    const Block& said_in = document.blocks[static_cast<std::size_t>(block)];
    if (counters.cautionary_tales.contains(folded, said_in.text)) return true;
    // "> just give him one of yours" and then "Please don't.": a quoted
    // post is answered by the paragraph after the quote.
    if (said_in.kind == BlockKind::BlockQuote) {
      const auto reply = following_sentence(document, Span{said_in.text.end, said_in.text.end});
      const int reply_block = reply ? document.block_at(reply->begin) : -1;
      if (reply_block >= 0 && document.blocks[static_cast<std::size_t>(reply_block)].kind != BlockKind::BlockQuote) {
        const std::size_t start = answer_start(folded, *reply);
        if (counters.warnings.contains(folded, *reply)) return true;
        for (const Lexicon::Match& opener : counters.warning_openers.find_all(folded, *reply)) {
          if (opener.text.begin == start) return true;
        }
      }
    }
  }
  // "Alcohol can harm your baby", "you could be hampering this by
  // cracking your back": a warning anywhere in the sentence but within the
  // frame's own words ("impossible to overdose" holds "overdose";
  // "within its expiry date" only touches "expiry date").
  // "If two don't take the edge off, take a third", "be gentle to avoid
  // injury": the medicine not working is the reason for the act, and a
  // precaution comes with it; neither is a warning (pseudo-cues).
  const auto warnings_in = [&](Span span) {
    std::vector<Lexicon::Match> found = counters.warnings.find_all(folded, span);
    std::erase_if(found, [&](const Lexicon::Match& warning) {
      return settings_.cues && settings_.cues->within_pseudo(folded, span, warning.text);
    });
    return found;
  };
  for (const Lexicon::Match& warning : warnings_in(sentence)) {
    const bool own_word = std::any_of(frame_words.begin(), frame_words.end(), [&](Span word) {
      return word.begin <= warning.text.begin && warning.text.end <= word.end;
    });
    if (!own_word) return true;
  }
  // A warning in the next two sentences of the block: a story often ends
  // on its lesson ("We waited until his first birthday. Not worth the risk.").
  const auto next = next_sentence(document, sentence);
  const auto after_next = next ? next_sentence(document, *next) : std::nullopt;
  for (const auto& later : {next, after_next}) {
    if (later && !warnings_in(*later).empty()) return true;
  }
  if (flag_when == FlagWhen::Always) {
    for (const Span range : {Span{target.end, sentence.end}, next.value_or(Span{})}) {
      if (counters.care_advice.contains(folded, range)) return true;
    }
  }
  // "A: No. Co-codamol already contains paracetamol...": the reasons after
  // a bare no (an opener with its punctuation: "no.", "no,"), in the
  // sentence before or, as the segmenter may read "No." as an
  // abbreviation, at the start of this one.
  const auto opens_with_no = [&](Span span, std::size_t before) {
    const std::size_t start = answer_start(folded, span);
    for (const Lexicon::Match& opener : counters.warning_openers.find_all(folded, span)) {
      const bool bare = std::ispunct(static_cast<unsigned char>(folded[opener.text.end - 1]));
      if (bare && opener.text.begin == start && opener.text.end <= before) return true;
    }
    return false;
  };
  if (opens_with_no(sentence, target.begin)) return true;
  if (const auto previous = previous_sentence(document, sentence); previous && opens_with_no(*previous, previous->end)) {
    const std::size_t start = answer_start(folded, *previous);
    const std::string_view answer = std::string_view(folded).substr(start, previous->end - start);
    if (std::count(answer.begin(), answer.end(), ' ') < 2) return true;
  }
  // "Never take them yourself.", "Not worth the risk.", "A: Don't."; not
  // a pseudo-warning that endorses ("Don't waste money on the pharmacy stuff.").
  if (next) {
    const std::size_t start = answer_start(folded, *next);
    const bool pseudo = settings_.cues && settings_.cues->pseudo_at(folded, *next, start);
    for (const Lexicon::Match& opener : counters.warning_openers.find_all(folded, *next)) {
      if (opener.text.begin == start && !pseudo) return true;
    }
  }
  return false;
}

// "### Don't" and then a list: every item is a warning.
bool AdviceRule::completes_condition(const Document& document, Span sentence) const {
  Span lead_in = list_lead_in(document, sentence.begin);
  const std::string& folded = document.text().folded();
  while (lead_in.end > lead_in.begin && (folded[lead_in.end - 1] == ':' || folded[lead_in.end - 1] == ' ')) --lead_in.end;
  const auto matches = settings_.counters.condition_lead_ins.find_all(folded, lead_in);
  return !matches.empty() && matches.back().text.end == lead_in.end;
}

bool AdviceRule::under_warning_heading(const Document& document, Span sentence) const {
  const int block = document.block_at(sentence.begin);
  if (block < 0) return false;
  const int section = document.blocks[static_cast<std::size_t>(block)].section;
  if (section < 0) return false;
  const int heading = document.sections[static_cast<std::size_t>(section)].heading_block;
  if (heading < 0 || heading == block) return false;
  const Span heading_text = document.blocks[static_cast<std::size_t>(heading)].text;
  const std::string& folded = document.text().folded();
  for (const Lexicon::Match& match : settings_.counters.warning_headings.find_all(folded, heading_text)) {
    if (match.text.begin == heading_text.begin) return true;
  }
  return false;
}

// Whether the sentence speaks to or as the reader, or opens with a verb
// (after "just", "simply"...): an instruction.
bool AdviceRule::addresses_reader(const Document& document, const Tagged& tagged) const {
  const Voice& voice = settings_.voice;
  return (voice.reader >= 0 && has_class(tagged.hits, voice.reader)) || is_instruction(document, tagged);
}

bool AdviceRule::is_instruction(const Document& document, const Tagged& tagged) const {
  const Voice& voice = settings_.voice;
  if (voice.imperative < 0) return false;
  const std::string& folded = document.text().folded();
  for (const WordClasses::Hit& hit : tagged.hits) {
    if (hit.word_class != voice.imperative) continue;
    // An imperative is the bare verb: "Stop", not "Stopping" or "Stops".
    const Span verb_text = tagged.tokens[static_cast<std::size_t>(hit.first)].text;
    const std::string_view verb_word = std::string_view(folded).substr(verb_text.begin, verb_text.size());
    if (verb_word.ends_with("ing") || verb_word.ends_with("ed") || (verb_word.ends_with('s') && !verb_word.ends_with("ss"))) {
      continue;
    }
    const std::size_t verb = verb_text.begin;
    std::size_t start = answer_start(folded, tagged.text);
    for (const Lexicon::Match& opener : voice.openers.find_all(folded, {tagged.text.begin, verb})) {
      if (opener.text.begin <= start + 1) start = opener.text.end;
    }
    while (start < verb && !std::isalnum(static_cast<unsigned char>(folded[start]))) ++start;
    if (start == verb || opens_clause(folded, tagged.text, verb)) return true;
  }
  return false;
}

// "Vitamin D is impossible to overdose on, so take 50,000 IU": a verb
// (after "just", "simply"...) that opens a clause after ", so", ", then",
// a semicolon or a dash opens an instruction too.
bool AdviceRule::opens_clause(const std::string& folded, Span sentence, std::size_t verb) const {
  std::size_t back = verb;
  for (const Lexicon::Match& opener : settings_.voice.openers.find_all(folded, {sentence.begin, verb})) {
    if (opener.text.end + 1 == verb) back = opener.text.begin;
  }
  while (back > sentence.begin && folded[back - 1] == ' ') --back;
  const std::string_view lead = std::string_view(folded).substr(sentence.begin, back - sentence.begin);
  for (const std::string_view clause_break : {", so", ", then", ";", "\u2014"}) {
    if (lead.ends_with(clause_break)) return true;
  }
  return false;
}

CueVerdict AdviceRule::praised_after(const Document& document, Span sentence) const {
  const auto next = next_sentence(document, sentence);
  if (!next || !settings_.cues) return {};
  // Read as about the sentence's start, so its cues all follow the act.
  const std::string& folded = document.text().folded();
  const CueVerdict said = settings_.cues->classify(folded, *next, {next->begin, next->begin});
  return said.cue == Cue::Endorsed ? said : CueVerdict{};
}

// A question answered right after ("Can I...? Yes, ..."; "Q: ... A:
// Sure."; "A: There's no harm in a break.") endorses what it asks when the
// answer says yes, endorses it, or instructs without a warning or a
// clinician; otherwise a question is no advice.
CueVerdict AdviceRule::answer_to(const Document& document, Span question) const {
  const auto answer = next_sentence(document, question);
  if (!answer) return {Cue::Question, {}};
  const std::string& folded = document.text().folded();
  const std::size_t start = answer_start(folded, *answer);
  // "...and your neck cracks? You can rest easy.": an answer that opens
  // with a pseudo-cue reassures about the question; it endorses no act.
  if (settings_.cues && settings_.cues->pseudo_at(folded, *answer, start)) return {Cue::Question, {}};
  for (const Lexicon::Match& match : settings_.affirmative_answers.find_all(folded, *answer)) {
    if (match.text.begin == start) return {Cue::Endorsed, std::string(folded.substr(match.text.begin, match.text.size()))};
  }
  const Counters& counters = settings_.counters;
  if (counters.warnings.contains(folded, *answer) || counters.care_advice.contains(folded, *answer)) {
    return {Cue::Question, {}};
  }
  for (const Lexicon::Match& opener : counters.warning_openers.find_all(folded, *answer)) {
    if (opener.text.begin == start) return {Cue::Question, {}};  // "A: No. ..."
  }
  // The answer's cues, read as if about its end ("A: There's no harm in a
  // break") and its start ("A: A few days won't hurt").
  for (const std::size_t about : {answer->end, start}) {
    const CueVerdict said = settings_.cues ? settings_.cues->classify(folded, *answer, {about, about}) : CueVerdict{};
    if (said.cue == Cue::Endorsed) return said;
    if (said.cue != Cue::None) return {Cue::Question, {}};
  }
  if (start == answer->begin) return {Cue::Question, {}};
  // "Q: ... A: Take an extra one.": an instruction answers a reader's question
  // only in a question-and-answer column; elsewhere it may answer another
  // act ("Missed a pill? Take it as soon as you remember.").
  Tagged answered{*answer, std::make_shared<const std::vector<Token>>(tokenize(folded, *answer)), {}, {}, {}, {}, {}};
  answered.hits = settings_.classes->tag(answered.tokens);
  if (is_instruction(document, answered)) return {Cue::Endorsed, "answered with an instruction"};
  return {Cue::Question, {}};
}

namespace {

// A class name of the packs in use, or a ConfigError at `node`.
int class_index(const WordClasses& classes, const Options& options, const YAML::Node& node, const std::string& name) {
  const int index = classes.find(name);
  if (index < 0) {
    throw options.error(node, fmt::format("unknown word class `{}`; define it under `word_classes:` of a rule pack", name));
  }
  return index;
}

AdviceRule::FrameRule read_frame(const YAML::Node& node, const WordClasses& classes, const std::string& rule_id,
                                 const std::string& message, const std::string& suggest,
                                 const RuleBuildContext& context) {
  const Options frame(node, context.config_path, fmt::format("a frame of rule `{}`", rule_id));
  frame.allow_only({"name", "slots", "anchor", "ordered", "blocked_by", "not_filled_by", "window", "flag_when", "addressed",
                    "model_veto", "needs_nearby", "unless_nearby", "message", "suggest"});
  AdviceRule::FrameRule rule;
  rule.frame.name = frame.string("name", "");
  rule.frame.window = frame.integer("window", 12, 1, 60);
  rule.frame.ordered = frame.boolean("ordered", false);
  for (const std::string& slot : frame.strings("slots")) {
    std::vector<int>& alternatives = rule.frame.slots.emplace_back();
    for (std::size_t begin = 0; begin <= slot.size();) {
      const std::size_t end = std::min(slot.find('|', begin), slot.size());
      alternatives.push_back(class_index(classes, frame, frame.node("slots"), slot.substr(begin, end - begin)));
      begin = end + 1;
    }
  }
  if (rule.frame.slots.empty()) throw frame.error(node, "a frame needs `slots`: the word classes it joins");
  rule.anchor = frame.integer("anchor", 1, 1, static_cast<int>(rule.frame.slots.size())) - 1;
  const auto class_list = [&](const std::string& key) {
    std::vector<int> list;
    for (const std::string& name : frame.strings(key)) list.push_back(class_index(classes, frame, frame.node(key), name));
    return list;
  };
  rule.frame.blocked_by = class_list("blocked_by");
  rule.frame.not_filled_by = class_list("not_filled_by");
  rule.needs_nearby = class_list("needs_nearby");
  rule.unless_nearby = class_list("unless_nearby");
  rule.addressed = frame.boolean("addressed", true);
  rule.model_veto = frame.boolean("model_veto", true);
  rule.flag_when = frame.choice("flag_when", "affirmed", {"affirmed", "always"}) == "always"
                       ? AdviceRule::FlagWhen::Always
                       : AdviceRule::FlagWhen::Affirmed;
  rule.message = frame.string("message", message);
  rule.suggest = frame.string("suggest", suggest);
  return rule;
}

}  // namespace

std::unique_ptr<Rule> make_advice_rule(RuleInfo info, const YAML::Node& node, const RuleBuildContext& context) {
  const Options options(node, context.config_path, fmt::format("options of rule `{}`", info.id));
  options.allow_only({"frames", "context", "message", "suggest", "pronouns", "antecedents", "question_antecedents", "affirmative_answers",
                      "reader", "imperative", "openers", "warnings", "warning_openers", "care_advice",
                      "cautionary_tales", "inner_negations", "warning_headings", "condition_lead_ins", "clinicians", "raised_count", "question_topics", "model", "passage_model", "model_acts",
                      "model_objects", "model_one_slot", "inside_terms", "habits", "self_care", "clinician_pronouns"});
  if (!options.has("frames")) throw options.error(node, fmt::format("rule `{}` needs `frames`", info.id));
  AdviceRule::Settings settings;
  settings.classes = read_word_classes(context);
  const WordClasses& classes = *settings.classes;
  settings.visible_classes = visible_word_classes(context, classes);
  const std::string message = options.string("message", "\"{match}\"");
  const std::string suggest = options.string("suggest", "");
  const YAML::Node frame_nodes = options.node("frames");
  if (!frame_nodes.IsSequence()) throw options.error(frame_nodes, "`frames` must be a list");
  std::set<int> anchor_classes;
  for (const YAML::Node& frame_node : frame_nodes) {
    settings.frames.push_back(read_frame(frame_node, classes, info.id, message, suggest, context));
    const AdviceRule::FrameRule& added = settings.frames.back();
    const auto& anchor_slot = added.frame.slots[static_cast<std::size_t>(added.anchor)];
    anchor_classes.insert(anchor_slot.begin(), anchor_slot.end());
  }
  const auto lexicon = [&](const YAML::Node& lexicon_node, const std::string& what) {
    return Lexicon::read(lexicon_node, context.config_path, context.locale, fmt::format("{} of rule `{}`", what, info.id));
  };
  const auto phrase_list = [&](const std::string& key) {
    YAML::Node phrases;
    for (const std::string& phrase : options.strings(key)) phrases["phrases"].push_back(phrase);
    return lexicon(phrases, fmt::format("`{}`", key));
  };
  // The scan looks for the words of each frame's anchor slot.
  try {
    settings.anchors = spelling_lexicon(classes, {anchor_classes.begin(), anchor_classes.end()});
  } catch (const PhraseSet::PatternError& error) {
    throw options.error(frame_nodes, fmt::format("a term of a frame's anchor slot cannot be scanned for: {}", error.what()));
  }
  const auto optional_class = [&](const std::string& key) {
    return options.has(key) ? class_index(classes, options, options.node(key), options.string(key, "")) : -1;
  };
  settings.cues = read_cue_option(options, "context", context);
  settings.pronouns = optional_class("pronouns");
  if (settings.pronouns >= 0) settings.pronoun_words = spelling_lexicon(classes, {settings.pronouns});
  for (const std::string& name : options.strings("antecedents")) {
    settings.antecedents.push_back(class_index(classes, options, options.node("antecedents"), name));
  }
  for (const std::string& name : options.strings("question_antecedents")) {
    settings.question_antecedents.push_back(class_index(classes, options, options.node("question_antecedents"), name));
  }
  for (const std::string& name : options.strings("question_topics")) {
    settings.question_topics.push_back(class_index(classes, options, options.node("question_topics"), name));
  }
  settings.clinicians = optional_class("clinicians");
  settings.clinician_pronouns = optional_class("clinician_pronouns");
  if (options.has("raised_count")) {
    const Options raised(options.node("raised_count"), context.config_path, fmt::format("`raised_count` of rule `{}`", info.id));
    raised.allow_only({"as", "taking", "stated_after", "durations", "fillers"});
    const auto one_class = [&](const std::string& key) {
      return class_index(classes, raised, raised.node(key), raised.string(key, ""));
    };
    settings.raised_count.as = one_class("as");
    settings.raised_count.taking = one_class("taking");
    settings.raised_count.durations = one_class("durations");
    for (const std::string& filler : raised.strings("fillers")) settings.raised_count.fillers.push_back(lemma_of(filler));
    for (const std::string& name : raised.strings("stated_after")) {
      settings.raised_count.stated_after.push_back(class_index(classes, raised, raised.node("stated_after"), name));
    }
  }
  settings.affirmative_answers = phrase_list("affirmative_answers");
  settings.inner_negations = phrase_list("inner_negations");
  settings.voice = {optional_class("reader"), optional_class("imperative"), phrase_list("openers")};
  settings.counters = {lexicon(options.node("warnings"), "`warnings`"),
                       lexicon(options.node("warning_openers"), "`warning_openers`"),
                       lexicon(options.node("care_advice"), "`care_advice`"),
                       lexicon(options.node("warning_headings"), "`warning_headings`"),
                       lexicon(options.node("condition_lead_ins"), "`condition_lead_ins`"),
                       lexicon(options.node("cautionary_tales"), "`cautionary_tales`")};
  settings.model = read_model_option(options, "model", context);
  if (settings.model) settings.model_classes = model_classes(classes, *settings.model);
  settings.passage_model = read_model_option(options, "passage_model", context);
  for (const std::string& name : options.strings("model_acts")) {
    settings.model_acts.push_back(class_index(classes, options, options.node("model_acts"), name));
  }
  for (const std::string& name : options.strings("model_objects")) {
    settings.model_objects.push_back(class_index(classes, options, options.node("model_objects"), name));
  }
  for (const std::string& name : options.strings("model_one_slot")) {
    settings.model_one_slot.push_back(class_index(classes, options, options.node("model_one_slot"), name));
  }
  for (const std::string& name : options.strings("habits")) {
    settings.habits.push_back(class_index(classes, options, options.node("habits"), name));
  }
  if (options.has("inside_terms")) {
    const YAML::Node inside_nodes = options.node("inside_terms");
    if (!inside_nodes.IsSequence()) throw options.error(inside_nodes, "`inside_terms` must be a list");
    for (const YAML::Node& inside_node : inside_nodes) {
      const Options inside(inside_node, context.config_path, fmt::format("`inside_terms` of rule `{}`", info.id));
      inside.allow_only({"outer", "inner"});
      AdviceRule::Settings::InsideTerms& terms = settings.inside_terms.emplace_back();
      for (const std::string& name : inside.strings("outer")) {
        terms.outer.push_back(class_index(classes, inside, inside.node("outer"), name));
      }
      for (const std::string& name : inside.strings("inner")) {
        terms.inner.push_back(class_index(classes, inside, inside.node("inner"), name));
      }
    }
  }
  if (options.has("self_care")) {
    const Options self_care(options.node("self_care"), context.config_path, fmt::format("`self_care` of rule `{}`", info.id));
    self_care.allow_only({"purchases", "unless"});
    settings.self_care.purchases = lexicon(self_care.node("purchases"), "`self_care.purchases`");
    for (const std::string& name : self_care.strings("unless")) {
      settings.self_care.unless.push_back(class_index(classes, self_care, self_care.node("unless"), name));
    }
  }
  return std::make_unique<AdviceRule>(std::move(info), std::move(settings));
}

}  // namespace medlint
