// The view of an article's prose that rules match against.
//
// Text pieces are taken from the source (markup stripped by the parser) and
// normalized: NFKC, curly quotes and apostrophes made straight, every dash
// made '-', invalid UTF-8 made U+FFFD. Two strings of identical length are
// kept: `cased()` keeps letter case (the sentence segmenter needs capitals),
// `folded()` is case folded (rules match on it). Every offset of either
// maps back to an exact byte offset of the source file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "medlint/source.h"

namespace medlint {

class NormalizedText {
 public:
  const std::string& folded() const { return folded_; }
  const std::string& cased() const { return cased_; }
  std::size_t size() const { return folded_.size(); }

  // Source byte offset of a text offset. Inside a piece whose normalization
  // changed its length, offsets clamp to that piece's source bytes, so a
  // span's begin and end both map into (or onto the edges of) the source
  // characters that produced it.
  std::size_t to_source(std::size_t offset) const;
  Span to_source(Span text_span) const;

 private:
  friend class NormalizedTextBuilder;
  // A piece of text starting at text offset `text` that came from source
  // bytes starting at `source`; the piece runs to the next anchor. Inside an
  // `identity` piece text and source bytes correspond one to one. Sorted by
  // both offsets; the last anchor marks the end.
  struct Anchor {
    std::size_t text;
    std::size_t source;
    bool identity;
  };
  // Index of the piece holding text offset `offset`.
  std::size_t piece_at(std::size_t offset) const;
  std::string folded_;
  std::string cased_;
  std::vector<Anchor> anchors_;
};

class NormalizedTextBuilder {
 public:
  explicit NormalizedTextBuilder(const SourceFile& source) : source_(source) {}

  // Appends the normalized form of the source bytes in `span`.
  void append_source(Span span);
  // Appends text that is not literally in the source (a decoded entity, the
  // space standing for a soft line break), mapped to the source `span`.
  void append_synthetic(std::string_view utf8, Span span);
  // Appends a separator that no pattern should match across ("\n\n"),
  // mapped to `source_offset`.
  void append_break(std::size_t source_offset);

  std::size_t size() const { return text_.folded_.size(); }
  NormalizedText finish() &&;

 private:
  void add_piece(std::string_view cased, std::string_view folded, Span source, bool identity);
  const SourceFile& source_;
  NormalizedText text_;
  std::size_t end_source_ = 0;  // source end of the last piece
};

}  // namespace medlint
