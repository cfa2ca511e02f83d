#include "medlint/parse.h"

#include <algorithm>
#include <fmt/format.h>

#include "parse/reader_problems.h"

namespace medlint {

std::optional<Format> format_for_path(std::string_view path) {
  auto ends_with = [&](std::string_view suffix) {
    if (path.size() < suffix.size()) return false;
    return std::equal(suffix.rbegin(), suffix.rend(), path.rbegin(),
                      [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
  };
  if (ends_with(".md") || ends_with(".markdown")) return Format::Markdown;
  if (ends_with(".mdx")) return Format::Mdx;
  if (ends_with(".html") || ends_with(".htm")) return Format::Html;
  if (ends_with(".txt")) return Format::PlainText;
  return std::nullopt;
}

namespace {

Document read(std::shared_ptr<const SourceFile> source, Format format, const ReaderOptions& options) {
  switch (format) {
    case Format::Markdown: return parse_markdown(std::move(source), options);
    case Format::Mdx: return parse_mdx(std::move(source), options);
    case Format::Html: return parse_html(std::move(source));
    case Format::PlainText: break;
  }
  return parse_plain_text(std::move(source));
}

}  // namespace

Document parse(std::shared_ptr<const SourceFile> source, Format format, const ReaderOptions& options) {
  const SourceFile& file = *source;
  Document document = read(std::move(source), format, options);
  // Rules read the normalized text; of the source, reports need only the
  // lines of findings.
  file.release_before(file.text().size());
  return document;
}

void add_reader_problems(Document& document) {
  const SourceFile& source = document.source();
  // A file of mojibake would otherwise bury every real finding.
  constexpr std::size_t max_reported = 20;
  const auto& invalid = source.invalid_utf8();
  for (std::size_t i = 0; i < std::min(invalid.size(), max_reported); ++i) {
    document.problems.push_back(make_diagnostic(
        source, "invalid-utf8", Severity::Warning, invalid[i],
        fmt::format("invalid UTF-8 at byte {} ({} byte{}); read as U+FFFD", invalid[i].begin, invalid[i].size(),
                    invalid[i].size() == 1 ? "" : "s"),
        i + 1 == max_reported && invalid.size() > max_reported
            ? std::optional<std::string>(fmt::format("{} more invalid sequences not shown", invalid.size() - max_reported))
            : std::optional<std::string>("save the file as UTF-8")));
  }
  // A NUL byte is no part of a text article: an editor would not show the
  // text around it as the reader sees it. The rest is checked all the same.
  if (const std::size_t count = source.nul_count(); count > 0) {
    const std::size_t nul = source.first_nul();
    document.problems.push_back(make_diagnostic(
        source, "nul-byte", Severity::Error, {nul, nul + 1},
        fmt::format("the file contains {} NUL byte{}: it is not plain text; the rest was checked", count,
                    count == 1 ? "" : "s"),
        "remove the NUL bytes, or save the file as UTF-8 text"));
  }
  const bool blank = std::all_of(source.text().begin() + static_cast<std::ptrdiff_t>(source.content_start()),
                                 source.text().end(), [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; });
  if (blank) {
    document.problems.push_back(make_diagnostic(source, "empty-file", Severity::Warning, {0, 0},
                                                "the file is empty: there is no article to check"));
  }
}

}  // namespace medlint
