// Kind `references`: the article cites enough sources, and optionally each
// entry is traceable (URL, DOI or PMID) and recent.
#include <fmt/format.h>

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
    const int count = static_cast<int>(references.size()) +
                      (options_.count_citation_links ? static_cast<int>(document.meta.cited_links.size()) : 0);
    if (count < options_.min_references) {
      out.push_back(finding(document, where_list_belongs(document),
                            count == 0 ? fmt::format("no references: the article cites no sources (at least {} required)",
                                                     options_.min_references)
                                       : fmt::format("only {} reference{} (at least {} required)", count,
                                                     count == 1 ? "" : "s", options_.min_references),
                            document.format() != Format::PlainText
                                ? "list sources under `references:` in the front matter or a \"References\" heading"
                                : "end the article with its reference list after the review line"));
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
