// The view of an article's prose that rules match against.
//
// Text pieces are taken from the source (markup stripped by the parser) and
// normalized: NFKC, curly quotes and apostrophes made straight, every dash
// made '-', invalid UTF-8 made U+FFFD. So that text reads to rules as it
// reads to people, default-ignorable code points (zero-width spaces, joiners,
// soft hyphens, variation selectors, tag characters) and bidi controls are
// removed, combining marks on Latin letters dropped, Unicode spaces and blank
// glyphs (Hangul fillers, the Braille blank) made spaces, and look-alike
// letters of other scripts folded to their Latin skeleton (Unicode
// confusables, as ICU's spoof checker computes them). Two texts of identical length are
// read: `cased()` keeps letter case (the sentence segmenter needs capitals),
// `folded()` is case folded (rules match on it). Every offset of either
// maps back to an exact byte offset of the source file. Only the folded
// text is stored whole; the cased one is read from it and the bytes
// folding changed, so a long article's text is held once, not twice.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "medlint/source.h"

namespace medlint {

// Something a reader cannot see (or cannot tell apart) that the view
// removed or folded: evidence of text disguised from rules.
struct HiddenMark {
  enum class Kind {
    Invisible,  // a default-ignorable code point or bidi control, removed
    LookAlike,  // a letter of another script folded to a Latin one
    Entity,     // a character reference for a letter or digit, decoded
    Markup,     // an inline tag or comment, read as nothing
  };
  Kind kind = Kind::Invisible;
  Span source;      // the source bytes
  std::size_t text = 0;  // the text offset where the view put what it read
  std::size_t text_size = 0;  // how many text bytes it became (0 when removed)
};

class NormalizedText;

// The text with its letter case: read a byte or a piece at a time (each
// piece is a copy), never held whole.
class CasedText {
 public:
  static constexpr std::size_t npos = std::string::npos;
  char operator[](std::size_t offset) const;
  std::size_t size() const;
  std::string substr(std::size_t offset = 0, std::size_t count = npos) const;

 private:
  friend class NormalizedText;
  explicit CasedText(const NormalizedText& text) : text_(&text) {}
  const NormalizedText* text_;
};

class NormalizedText {
 public:
  // What stands between two blocks: no pattern matches across it.
  static constexpr std::string_view kBlockBreak = "\n\n";

  const std::string& folded() const { return folded_; }
  CasedText cased() const { return CasedText(*this); }
  std::size_t size() const { return folded_.size(); }

  // Source byte offset of a text offset. Inside a piece whose normalization
  // changed its length, offsets clamp to that piece's source bytes, so a
  // span's begin and end both map into (or onto the edges of) the source
  // characters that produced it.
  std::size_t to_source(std::size_t offset) const;
  Span to_source(Span text_span) const;

  // Marks that sit inside a word: between letters or digits when removed,
  // next to a letter or digit of the source when folded or decoded.
  std::vector<HiddenMark> hidden_in_words() const;

 private:
  friend class NormalizedTextBuilder;
  friend class CasedText;
  // A piece of text starting at text offset `text` that came from source
  // bytes starting at `source`; the piece runs to the next anchor. Inside an
  // `identity` piece text and source bytes correspond one to one. Sorted by
  // both offsets; the last anchor marks the end.
  // Eight bytes each: text with many short pieces (a look-alike in every
  // word) keeps one anchor per piece, and a large article one per line or
  // markup. Offsets fit in 31 bits: files are at most 1 GiB
  // (kLargestFileSizeLimit in medlint/lint.h).
  struct Anchor {
    std::uint32_t text;
    std::uint32_t source : 31;
    std::uint32_t identity : 1;
  };
  // Index of the piece holding text offset `offset`.
  std::size_t piece_at(std::size_t offset) const;
  std::string folded_;
  // The bytes where the cased text differs from the folded one, one bit
  // each. Such a byte that folds to an ASCII letter is that letter's
  // capital (folding keeps a character's length, so ASCII stays ASCII);
  // any other is in `cased_bytes_`, by text offset.
  std::vector<std::uint64_t> case_changed_;
  std::vector<std::pair<std::uint32_t, char>> cased_bytes_;
  std::vector<Anchor> anchors_;
  std::vector<HiddenMark> hidden_;
};

class NormalizedTextBuilder {
 public:
  explicit NormalizedTextBuilder(const SourceFile& source) : source_(source) {}

  // Appends the normalized form of the source bytes in `span`.
  void append_source(Span span);
  // Appends text that is not literally in the source (a decoded entity, the
  // space standing for a soft line break), normalized as source text is,
  // mapped to the source `span`.
  void append_synthetic(std::string_view utf8, Span span);
  // Records markup or a character reference the view read at this point.
  void note_hidden(HiddenMark::Kind kind, Span source, std::size_t text_size = 0);
  // Appends NormalizedText::kBlockBreak, mapped to `source_offset`.
  void append_break(std::size_t source_offset);

  // Takes back everything appended from text offset `size` on.
  void truncate(std::size_t size);

  std::size_t size() const { return text_.folded_.size(); }
  NormalizedText finish() &&;

 private:
  void add_piece(std::string_view cased, std::string_view folded, Span source, bool identity);
  // Records that text byte `offset` reads `cased` with its case.
  void note_case(std::size_t offset, char cased);
  // Records a mark over the last `text_before` text bytes and the next
  // `text_after` ones.
  void note_hidden(HiddenMark::Kind kind, Span source, std::size_t text_before, std::size_t text_after);
  // Hidden marks kept per text; a file with more is hostile, and these are
  // evidence enough.
  static constexpr std::size_t kMaxHiddenMarks = 100'000;
  // Appends one non-ASCII (or invalid, c < 0) code point read from `source`.
  void append_code_point(int c, std::string_view original, Span source);
  const SourceFile& source_;
  NormalizedText text_;
  std::size_t end_source_ = 0;  // source end of the last piece
};

}  // namespace medlint
