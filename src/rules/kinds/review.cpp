// Kind `review`: the article states when it was medically reviewed, the
// date is real, not in the future, and recent enough.
#include <algorithm>
#include <fmt/format.h>

#include "rules/kinds/kinds.h"
#include "rules/options.h"

namespace medlint {
namespace {

using std::chrono::sys_days;

struct ReviewOptions {
  int warn_age_months = 24;
  int max_age_months = 36;
  bool accept_updated = false;       // count "Last updated" as a review date
  bool require_next_review = false;  // require a "Next review due" date, flag it when passed
  DateOrder date_order = DateOrder::MonthDayYear;
};

class ReviewRule final : public Rule {
 public:
  ReviewRule(RuleInfo info, ReviewOptions options) : Rule(std::move(info)), options_(options) {}

  void check(const RuleContext& context, std::vector<Diagnostic>& out) const override {
    const Document& document = context.document;
    struct Reading {
      const DateMention* mention;
      ParsedDate date;
    };
    std::vector<Reading> reviews;
    std::optional<Reading> latest_update;  // counted as a review with accept_updated
    bool any_mention = false;
    std::optional<Reading> next_review;
    for (const DateMention& mention : document.meta.dates) {
      const bool counts = mention.kind == DateMention::Kind::Reviewed ||
                          (options_.accept_updated && mention.kind == DateMention::Kind::Updated);
      const bool is_next = mention.kind == DateMention::Kind::NextReview;
      if (!counts && !(is_next && options_.require_next_review)) continue;
      const DateResult result = parse_date(mention.raw, options_.date_order);
      if (!result.value) {
        out.push_back(finding(document, mention.span, fmt::format("review date cannot be read: {}", result.error),
                              "write the date as YYYY-MM-DD, or as \"March 3, 2026\""));
        any_mention = any_mention || counts;
        continue;
      }
      if (is_next) {
        next_review = Reading{&mention, *result.value};
        continue;
      }
      any_mention = true;
      if (sys_days{result.value->date} > sys_days{context.today}) {
        Diagnostic diagnostic =
            finding(document, mention.span,
                    fmt::format("review date {} is in the future (today is {})", to_iso(result.value->date),
                                to_iso(context.today)),
                    "a review date records a review that has happened; correct the date");
        diagnostic.fix = past_reading_in_other_order(mention, context);
        out.push_back(std::move(diagnostic));
        continue;
      }
      if (mention.kind == DateMention::Kind::Reviewed) {
        reviews.push_back(Reading{&mention, *result.value});
      } else if (!latest_update || sys_days{result.value->date} > sys_days{latest_update->date.date}) {
        latest_update = Reading{&mention, *result.value};
      }
    }
    // Review dates that disagree (a second key, a duplicate key, a body
    // line) cannot all be true: the oldest is the one that can be relied on,
    // and the disagreement is itself a finding.
    std::optional<Reading> judged = latest_update;
    if (!reviews.empty()) {
      const auto by_date = [](const Reading& a, const Reading& b) { return sys_days{a.date.date} < sys_days{b.date.date}; };
      const Reading oldest = *std::min_element(reviews.begin(), reviews.end(), by_date);
      const Reading newest = *std::max_element(reviews.begin(), reviews.end(), by_date);
      if (sys_days{oldest.date.date} != sys_days{newest.date.date}) {
        out.push_back(finding(document, newest.mention->span,
                              fmt::format("conflicting review dates: {} ({}) and {} ({}); judged by the older",
                                          to_iso(newest.date.date), newest.mention->label, to_iso(oldest.date.date),
                                          oldest.mention->label),
                              "state one medical review date"));
      }
      judged = oldest;
    }
    const auto updated = std::find_if(document.meta.dates.begin(), document.meta.dates.end(), [](const DateMention& m) {
      return m.kind == DateMention::Kind::Updated && m.from_front_matter;
    });
    if (!any_mention && updated != document.meta.dates.end()) {
      // The site keeps a date, under a key that is not known as a review.
      out.push_back(finding(document, updated->span,
                            fmt::format("no medical review date: `{}` is an update date, not a medical review",
                                        updated->label),
                            fmt::format("if `{0}` records medical reviews, map it in .medlint.yaml with "
                                        "`fields: {{review_date: {0}}}`; else add `last_reviewed: YYYY-MM-DD`",
                                        updated->label)));
    } else if (!any_mention) {
      const Span where = document.meta.title ? document.meta.title->span : Span{document.source().content_start(), document.source().content_start()};
      out.push_back(finding(document, where,
                            options_.accept_updated ? "no medical review or update date"
                                                    : "no medical review date: readers cannot tell if the advice is current",
                            document.format() != Format::PlainText
                                ? "add `last_reviewed: YYYY-MM-DD` to the front matter"
                                : "add a line such as \"Medically Reviewed on MM/DD/YYYY\""));
    }
    if (judged) check_age(document, context, *judged->mention, judged->date, out);
    if (options_.require_next_review) check_next_review(document, context, next_review ? next_review->mention : nullptr,
                                                        next_review ? &next_review->date : nullptr, out);
  }

 private:
  void check_age(const Document& document, const RuleContext& context, const DateMention& mention,
                 const ParsedDate& date, std::vector<Diagnostic>& out) const {
    const int age = months_between(date.date, context.today);
    const bool too_old = age >= options_.max_age_months;
    const bool aging = age >= options_.warn_age_months;
    if (!too_old && !aging) return;
    Diagnostic diagnostic = finding(
        document, mention.span,
        fmt::format("medical review is {} months old (reviewed {}; limit {} months)", age, to_iso(date.date),
                    too_old ? options_.max_age_months : options_.warn_age_months),
        too_old ? "have the article medically reviewed again and update the review date"
                : fmt::format("plan a medical review: it becomes overdue at {} months", options_.max_age_months));
    // Past the warning age but within the limit, the finding is a reminder.
    if (!too_old) diagnostic.severity = std::min(diagnostic.severity, Severity::Warning);
    out.push_back(std::move(diagnostic));
  }

  void check_next_review(const Document& document, const RuleContext& context, const DateMention* mention,
                         const ParsedDate* date, std::vector<Diagnostic>& out) const {
    if (!mention) {
      const Span where = document.meta.title ? document.meta.title->span : Span{0, 0};
      out.push_back(finding(document, where, "no \"next review due\" date",
                            "state when the article is due for its next medical review"));
      return;
    }
    if (sys_days{date->date} < sys_days{context.today}) {
      out.push_back(finding(document, mention->span,
                            fmt::format("the next review was due {} and has passed", to_iso(date->date)),
                            "review the article and set a new next-review date"));
    }
  }

  // A numeric date in the future as the locale reads it (day and month
  // both 12 or less) that is in the past read the other way round was most
  // likely written in the other locale's order: rewrite it unambiguously.
  std::optional<Fix> past_reading_in_other_order(const DateMention& mention, const RuleContext& context) const {
    if (options_.date_order == DateOrder::YearMonthDay) return std::nullopt;
    const DateOrder other =
        options_.date_order == DateOrder::MonthDayYear ? DateOrder::DayMonthYear : DateOrder::MonthDayYear;
    const DateResult reading = parse_date(mention.raw, other);
    if (!reading.value || reading.value->precision != ParsedDate::Precision::Day ||
        sys_days{reading.value->date} > sys_days{context.today}) {
      return std::nullopt;
    }
    const std::string iso = to_iso(reading.value->date);
    return Fix{fmt::format("Write the date as {} ({} first)", iso, other == DateOrder::DayMonthYear ? "day" : "month"),
               mention.span, iso};
  }

  ReviewOptions options_;
};

}  // namespace

std::unique_ptr<Rule> make_review_rule(RuleInfo info, const YAML::Node& node, const RuleBuildContext& context) {
  const Options options(node, context.config_path, fmt::format("options of rule `{}`", info.id));
  options.allow_only({"warn_age_months", "max_age_months", "accept_updated", "require_next_review", "date_order"});
  ReviewOptions review;
  review.max_age_months = options.integer("max_age_months", 36, 1, 1200);
  review.warn_age_months = options.integer("warn_age_months", 24, 0, 1200);
  review.accept_updated = options.boolean("accept_updated", false);
  review.require_next_review = options.boolean("require_next_review", false);
  review.date_order = context.locale.date_order;
  if (options.has("date_order")) {
    const std::string order = options.choice("date_order", "", {"month-day-year", "day-month-year", "year-month-day"});
    review.date_order = order == "day-month-year"   ? DateOrder::DayMonthYear
                        : order == "year-month-day" ? DateOrder::YearMonthDay
                                                    : DateOrder::MonthDayYear;
  }
  return std::make_unique<ReviewRule>(std::move(info), review);
}

}  // namespace medlint
