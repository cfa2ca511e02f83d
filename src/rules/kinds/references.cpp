// Kind `references`: the article cites enough sources, and optionally each
// entry is traceable (URL, DOI or PMID) and recent.
#include <algorithm>
#include <fmt/format.h>

#include "medlint/parse.h"
#include "rules/kinds/kinds.h"
#include "rules/options.h"

namespace medlint {
namespace {

struct ReferencesOptions {
  int min_references = 2;
  bool require_source = false;
  int max_reference_age_years = 0;  // 0: any age
  bool count_citation_links = false;  // inline links to PubMed, PMC or a DOI count as references
};

class ReferencesRule final : public Rule {
 public:
  ReferencesRule(RuleInfo info, ReferencesOptions options) : Rule(std::move(info)), options_(options) {}

  void check(const RuleContext& context, std::vector<Diagnostic>& out) const override {
    const Document& document = context.document;
    const auto& references = document.meta.references;
    // An entry left empty (a scaffold not filled in yet) cites nothing.
    const int listed = static_cast<int>(std::count_if(references.begin(), references.end(), [](const Reference& r) {
      return !(r.text.empty() && r.url.empty() && r.doi.empty() && r.pmid.empty());
    }));
    const int count =
        listed + (options_.count_citation_links ? static_cast<int>(document.meta.cited_links.size()) : 0);
    if (count < options_.min_references) {
      Diagnostic diagnostic = finding(
          document, where_list_belongs(document),
          count == 0 ? fmt::format("no references: the article cites no sources (at least {} required)",
                                   options_.min_references)
                     : fmt::format("only {} reference{} (at least {} required)", count, count == 1 ? "" : "s",
                                   options_.min_references),
          document.format() != Format::PlainText
              ? "list sources under `references:` in the front matter or a \"References\" heading"
              : "end the article with its reference list after the review line");
      // Markdown and MDX have front matter to scaffold a list in.
      if (count == 0 && (document.format() == Format::Markdown || document.format() == Format::Mdx)) {
        diagnostic.fix = reference_list_scaffold(document);
      }
      out.push_back(std::move(diagnostic));
    }
    const int this_year = static_cast<int>(context.today.year());
    for (const Reference& reference : references) {
      if (options_.require_source && reference.url.empty() && reference.doi.empty() && reference.pmid.empty()) {
        out.push_back(finding(document, reference.span, "reference has no URL, DOI or PMID",
                              "add a link or identifier so readers can find the source"));
      }
      if (options_.max_reference_age_years > 0 && reference.year &&
          this_year - *reference.year > options_.max_reference_age_years) {
        out.push_back(finding(document, reference.span,
                              fmt::format("reference from {} is {} years old (limit {} years)", *reference.year,
                                          this_year - *reference.year, options_.max_reference_age_years),
                              "cite current guidance, or check the source still holds"));
      }
    }
  }

 private:
  // The reference heading if there is one, else the title, else the start.
  static Span where_list_belongs(const Document& document) {
    if (!document.meta.references.empty()) return document.meta.references.front().span;
    if (document.meta.title) return document.meta.title->span;
    const std::size_t start = document.source().content_start();
    return {start, start};
  }

  // A front matter `references:` list with an empty entry per required
  // reference, for the writer to fill in, in the front matter's own
  // language; none when the front matter already has a (now empty) list
  // key, which a second key would break.
  std::optional<Fix> reference_list_scaffold(const Document& document) const {
    const int entries = std::max(options_.min_references, 1);
    const SourceFile& source = document.source();
    const auto front_matter = find_front_matter(source);
    std::string yaml = "references:\n";
    for (int i = 0; i < entries; ++i) yaml += "  - title: \"\"\n    url: \"\"\n";
    if (!front_matter) {
      const std::size_t start = source.content_start();
      return Fix{"Add a front matter `references:` list", {start, start}, "---\n" + yaml + "---\n"};
    }
    for (const std::string_view key : {"references", "sources", "citations", "bibliography"}) {
      if (front_matter_has_key(source, *front_matter, key)) return std::nullopt;
    }
    if (front_matter->language == FrontMatterLanguage::Toml) {
      // At the top, before any [table] header that would claim the key.
      std::string toml = "references = [\n";
      for (int i = 0; i < entries; ++i) toml += "  {title = \"\", url = \"\"},\n";
      toml += "]\n";
      const std::size_t begin = front_matter->content.begin;
      return Fix{"Add a `references` list to the front matter", {begin, begin}, toml};
    }
    const std::size_t fence = front_matter->closing_fence.begin;
    return Fix{"Add a `references:` list to the front matter", {fence, fence}, yaml};
  }

  ReferencesOptions options_;
};

}  // namespace

std::unique_ptr<Rule> make_references_rule(RuleInfo info, const YAML::Node& node, const RuleBuildContext& context) {
  const Options options(node, context.config_path, fmt::format("options of rule `{}`", info.id));
  options.allow_only({"min_references", "require_source", "max_reference_age_years", "count_citation_links"});
  ReferencesOptions references;
  references.min_references = options.integer("min_references", 2, 0, 1000);
  references.require_source = options.boolean("require_source", false);
  references.max_reference_age_years = options.integer("max_reference_age_years", 0, 0, 1000);
  references.count_citation_links = options.boolean("count_citation_links", false);
  return std::make_unique<ReferencesRule>(std::move(info), references);
}

}  // namespace medlint
