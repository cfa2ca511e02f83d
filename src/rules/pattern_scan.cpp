#include "rules/pattern_scan.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <hs.h>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <sys/mman.h>

#include "core/fnv1a.h"
#include "core/kept_for_build.h"
#include "core/varint.h"
#include "medlint/linter.h"
#include "rules/lexicon.h"
#include "rules/phrase_set.h"
#include "rules/phrase_trie.h"
#include "rules/rule.h"

namespace medlint {

namespace {

// RE2 reads the case-folded text as UTF-8, and so must Hyperscan for `.`
// and classes to step over a character, not a byte (the normalized text is
// valid UTF-8: an invalid byte became U+FFFD). Without HS_FLAG_UCP, \w, \s
// and \b are ASCII as in RE2.
constexpr unsigned kFlags = HS_FLAG_UTF8;
// A set's database answers only whether each pattern occurs.
constexpr unsigned kSetFlags = kFlags | HS_FLAG_SINGLEMATCH;
constexpr std::string_view kImageMagic = "medlint-patterns 1\n";

// A list of patterns' hash, with the library's version: a database is
// Hyperscan's own format, and a cached one from another version is none.
std::uint64_t hash_of(const std::vector<std::string>& patterns) {
  std::uint64_t hash = fnv1a(hs_version());
  for (const std::string& pattern : patterns) {
    hash = fnv1a(pattern, hash);
    hash = fnv1a(std::string_view("\0", 1), hash);
  }
  return hash;
}

// Each thread's scratch space, grown to fit every database it scans with.
struct ThreadScratch {
  hs_scratch_t* scratch = nullptr;
  std::vector<std::uint64_t> fits;  // the databases (by serial number) it was sized for
  ~ThreadScratch() { hs_free_scratch(scratch); }
};

hs_scratch_t* scratch_for(const hs_database_t* database, std::uint64_t serial) {
  thread_local ThreadScratch local;
  if (std::find(local.fits.begin(), local.fits.end(), serial) == local.fits.end()) {
    if (hs_alloc_scratch(database, &local.scratch) != HS_SUCCESS) return nullptr;
    local.fits.push_back(serial);
  }
  return local.scratch;
}

// Reads a serialized database. One of a megabyte or more (the shipped
// scan's is 2.4 MB) goes to memory the kernel may back with huge pages:
// faulted in 4 KB at a time, it was a fifth of a one-article run's page
// faults. Hyperscan's default allocator is malloc's, so hs_free_database
// frees it either way.
hs_database_t* deserialize(std::string_view bytes) {
  hs_database_t* database = nullptr;
  std::size_t size = 0;
  if (hs_serialized_database_size(bytes.data(), bytes.size(), &size) != HS_SUCCESS) return nullptr;
  constexpr std::size_t kHugePage = std::size_t{2} << 20;
  if (size < kHugePage / 2) {
    return hs_deserialize_database(bytes.data(), bytes.size(), &database) == HS_SUCCESS ? database : nullptr;
  }
  const std::size_t rounded = (size + kHugePage - 1) / kHugePage * kHugePage;
  void* memory = std::aligned_alloc(kHugePage, rounded);
  if (!memory) return nullptr;
  madvise(memory, rounded, MADV_HUGEPAGE);
  database = static_cast<hs_database_t*>(memory);
  if (hs_deserialize_database_at(bytes.data(), bytes.size(), database) != HS_SUCCESS) {
    std::free(memory);
    return nullptr;
  }
  return database;
}

}  // namespace

struct PatternScan::Database {
  std::vector<std::string> patterns;  // by expression number, sorted
  std::vector<bool> refused;          // Hyperscan refused it: RE2 alone finds it
  std::unordered_map<std::string_view, int> number;  // of each pattern (views of `patterns`)
  hs_database_t* compiled = nullptr;
  std::uint64_t serial = 0;  // tells scratch spaces apart

  Database(std::vector<std::string> patterns_in, std::vector<bool> refused_in, hs_database_t* database)
      : patterns(std::move(patterns_in)), refused(std::move(refused_in)), compiled(database) {
    static std::atomic<std::uint64_t> serials{0};
    serial = ++serials;
    for (std::size_t i = 0; i < patterns.size(); ++i) number.emplace(patterns[i], static_cast<int>(i));
  }
  ~Database() { hs_free_database(compiled); }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  bool holds(const std::vector<std::string>& wanted) const {
    return std::all_of(wanted.begin(), wanted.end(), [&](const std::string& pattern) { return number.count(pattern); });
  }

  // Compiles `patterns` (pattern i as expression i) with `flags`; null when
  // none compiles.
  static std::unique_ptr<Database> compile(std::vector<std::string> patterns, unsigned flags) {
    std::vector<bool> refused(patterns.size(), false);
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      // A pattern that can match nothing at all is refused by Hyperscan;
      // asking first saves a failed compile of the whole list.
      hs_expr_info_t* info = nullptr;
      hs_compile_error_t* error = nullptr;
      if (hs_expression_info(patterns[i].c_str(), flags, &info, &error) != HS_SUCCESS) {
        hs_free_compile_error(error);
        refused[i] = true;
        continue;
      }
      refused[i] = info->min_width == 0;
      std::free(info);
    }
    for (;;) {
      std::vector<const char*> expressions;
      std::vector<unsigned> expression_flags, ids;
      for (std::size_t i = 0; i < patterns.size(); ++i) {
        if (refused[i]) continue;
        expressions.push_back(patterns[i].c_str());
        expression_flags.push_back(flags);
        ids.push_back(static_cast<unsigned>(i));
      }
      if (expressions.empty()) return nullptr;
      hs_database_t* database = nullptr;
      hs_compile_error_t* error = nullptr;
      // For any x86-64 CPU Hyperscan runs on, not the one compiling: the
      // build machine's database ships in the binary and a cache directory
      // may be shared. Over this project's patterns it scans as fast as one
      // tuned for AVX2 or AVX-512 (and is smaller).
      hs_platform_info_t any_cpu{};
      any_cpu.tune = HS_TUNE_FAMILY_GENERIC;
      any_cpu.cpu_features = 0;
      if (hs_compile_multi(expressions.data(), expression_flags.data(), ids.data(), static_cast<unsigned>(expressions.size()),
                           HS_MODE_BLOCK, &any_cpu, &database, &error) == HS_SUCCESS) {
        return std::make_unique<Database>(std::move(patterns), std::move(refused), database);
      }
      const int failed = error->expression;
      hs_free_compile_error(error);
      // An error of the whole list (too large for one database): RE2 for all.
      if (failed < 0) return nullptr;
      refused[ids[static_cast<std::size_t>(failed)]] = true;
    }
  }

  std::string image() const {
    std::string out(kImageMagic);
    append_varint(patterns.size(), out);
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      out += refused[i] ? '1' : '0';
      append_varint(patterns[i].size(), out);
      out += patterns[i];
    }
    const std::uint64_t hash = hash_of(patterns);
    for (int byte = 0; byte < 8; ++byte) out += static_cast<char>((hash >> (8 * byte)) & 0xFF);
    char* bytes = nullptr;
    std::size_t length = 0;
    if (hs_serialize_database(compiled, &bytes, &length) != HS_SUCCESS) return {};
    append_varint(length, out);
    out.append(bytes, length);
    std::free(bytes);
    return out;
  }

  // Reads an image; null when it is damaged, its patterns do not hash to the
  // hash it carries, or Hyperscan cannot load its database here (another
  // version, or a CPU without the instructions it was compiled for).
  static std::unique_ptr<Database> load(std::string_view image) {
    if (!image.starts_with(kImageMagic)) return nullptr;
    image.remove_prefix(kImageMagic.size());
    std::uint64_t count = 0;
    if (!read_varint(image, count) || count > image.size()) return nullptr;
    std::vector<std::string> patterns;
    std::vector<bool> refused;
    for (std::uint64_t i = 0; i < count; ++i) {
      std::uint64_t length = 0;
      if (image.empty()) return nullptr;
      refused.push_back(image.front() == '1');
      image.remove_prefix(1);
      if (!read_varint(image, length) || length > image.size()) return nullptr;
      patterns.emplace_back(image.substr(0, length));
      image.remove_prefix(length);
    }
    if (image.size() < 8) return nullptr;
    std::uint64_t hash = 0;
    for (int byte = 0; byte < 8; ++byte) hash |= std::uint64_t{static_cast<unsigned char>(image[byte])} << (8 * byte);
    image.remove_prefix(8);
    std::uint64_t length = 0;
    if (hash != hash_of(patterns) || !read_varint(image, length) || length != image.size()) return nullptr;
    hs_database_t* database = deserialize(image);
    if (!database) return nullptr;
    return std::make_unique<Database>(std::move(patterns), std::move(refused), database);
  }
};

namespace {

std::mutex& cache_mutex() {
  static std::mutex mutex;
  return mutex;
}

std::optional<std::filesystem::path>& cache_dir() {
  static std::optional<std::filesystem::path> dir;
  return dir;
}

std::filesystem::path cache_file(const std::filesystem::path& dir, const std::vector<std::string>& patterns) {
  char name[40];
  std::snprintf(name, sizeof name, "patterns-%016llx.hsdb", static_cast<unsigned long long>(hash_of(patterns)));
  return dir / name;
}

std::shared_ptr<const PatternScan::Database> cached(const std::vector<std::string>& patterns) {
  if (!cache_dir()) return nullptr;
  std::ifstream in(cache_file(*cache_dir(), patterns), std::ios::binary);
  if (!in) return nullptr;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::shared_ptr<const PatternScan::Database> database = PatternScan::Database::load(bytes.str());
  return database && database->patterns == patterns ? database : nullptr;
}

// Written beside and renamed into place: a run reading it meanwhile sees
// the old file or the new one whole. A cache that cannot be written is
// only slower.
void cache(const PatternScan::Database& database) {
  if (!cache_dir()) return;
  std::error_code error;
  std::filesystem::create_directories(*cache_dir(), error);
  const std::filesystem::path file = cache_file(*cache_dir(), database.patterns);
  const std::filesystem::path partial = file.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    const std::string image = database.image();
    out.write(image.data(), static_cast<std::streamsize>(image.size()));
    if (!out) return;
  }
  std::filesystem::rename(partial, file, error);
}

const std::shared_ptr<const PatternScan::Database>& shipped_database() {
  static const std::shared_ptr<const PatternScan::Database> shipped = PatternScan::Database::load(shipped_pattern_image());
  return shipped;
}

std::shared_ptr<const PatternScan::Database> database_for(const std::vector<std::string>& patterns) {
  std::lock_guard lock(cache_mutex());
  const std::shared_ptr<const PatternScan::Database>& shipped = shipped_database();
  if (shipped && shipped->holds(patterns)) return shipped;
  // Compiled this run and still in use: configurations often share their
  // patterns, and a language server drops those of a pack being edited.
  static std::map<std::vector<std::string>, std::weak_ptr<const PatternScan::Database>> compiled;
  std::erase_if(compiled, [](const auto& entry) { return entry.second.expired(); });
  std::weak_ptr<const PatternScan::Database>& known = compiled[patterns];
  if (auto database = known.lock()) return database;
  std::shared_ptr<const PatternScan::Database> database = cached(patterns);
  if (!database) {
    database = PatternScan::Database::compile(patterns, kFlags);
    if (database) cache(*database);
  }
  known = database;
  return database;
}

}  // namespace

bool checked_when_built(std::string_view pattern) {
  const std::shared_ptr<const PatternScan::Database>& shipped = shipped_database();
  return shipped && shipped->number.count(pattern) > 0;
}

std::vector<const PhraseSet*> scanned_sets(const std::vector<std::unique_ptr<Rule>>& rules) {
  std::vector<const PhraseSet*> sets;
  for (const auto& rule : rules) {
    for (const Lexicon* lexicon : rule->scanned_lexicons()) sets.push_back(&lexicon->phrase_set());
  }
  return sets;
}

void set_pattern_cache_dir(std::optional<std::filesystem::path> dir) {
  std::lock_guard lock(cache_mutex());
  cache_dir() = std::move(dir);
}

std::string PatternScan::image() const { return database_->image(); }

std::optional<std::span<const std::uint32_t>> PatternHits::OfSet::ends(std::size_t regex) const {
  const int expression = (*expressions_)[regex];
  if (expression < 0) return std::nullopt;
  const auto number = static_cast<std::size_t>(expression);
  return std::span<const std::uint32_t>(hits_->ends_).subspan(hits_->starts_[number],
                                                               hits_->starts_[number + 1] - hits_->starts_[number]);
}

PatternHits::OfSet PatternHits::of(const PhraseSet& set) const {
  OfSet result;
  if (!scan_) return result;
  const auto found = scan_->expressions_.find(&set);
  if (found == scan_->expressions_.end()) return result;
  using SetExpressions = PatternScan::SetExpressions;
  const SetExpressions& of_set = found->second;
  result.hits_ = this;
  result.expressions_ = &of_set.numbers;
  result.occurring_ = std::span<const std::uint32_t>(occurring_)
                          .subspan(occurring_starts_[of_set.index],
                                   occurring_starts_[of_set.index + 1] - occurring_starts_[of_set.index]);
  result.covers_all_ = of_set.covers_all;
  return result;
}

std::shared_ptr<const PatternScan> PatternScan::of(const std::vector<const PhraseSet*>& sets) {
  std::vector<std::string> patterns;
  for (const PhraseSet* set : sets) patterns.insert(patterns.end(), set->patterns().begin(), set->patterns().end());
  std::sort(patterns.begin(), patterns.end());
  patterns.erase(std::unique(patterns.begin(), patterns.end()), patterns.end());
  if (patterns.empty()) return nullptr;
  std::shared_ptr<const Database> database = database_for(patterns);
  if (!database) return nullptr;
  std::shared_ptr<PatternScan> scan(new PatternScan(std::move(database)));
  for (const PhraseSet* set : sets) {
    const auto [entry, added] = scan->expressions_.try_emplace(set);
    if (!added) continue;
    SetExpressions& of_set = entry->second;
    for (const std::string& pattern : set->patterns()) {
      const int number = scan->database_->number.at(pattern);
      of_set.numbers.push_back(scan->database_->refused[static_cast<std::size_t>(number)] ? -1 : number);
      of_set.covers_all = of_set.covers_all && of_set.numbers.back() >= 0;
    }
    of_set.index = scan->by_index_.size();
    scan->by_index_.push_back(&of_set);
  }
  return scan;
}

PatternScan::PatternScan(std::shared_ptr<const Database> database) : database_(std::move(database)) {}
PatternScan::~PatternScan() = default;

std::vector<std::string> PatternScan::refused() const {
  std::vector<std::string> result;
  for (const auto& [set, of_set] : expressions_) {
    for (std::size_t i = 0; i < of_set.numbers.size(); ++i) {
      if (of_set.numbers[i] < 0) result.push_back(set->patterns()[i]);
    }
  }
  std::sort(result.begin(), result.end());
  result.erase(std::unique(result.begin(), result.end()), result.end());
  return result;
}

PatternHits PatternScan::scan(std::string_view text) const {
  PatternHits hits;
  hits.text_ = text;
  hits.text_id_ = PhraseTrie::next_text_id();
  if (text.size() > UINT32_MAX) return hits;
  hs_scratch_t* scratch = scratch_for(database_->compiled, database_->serial);
  if (!scratch) return hits;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> found;  // expression, end
  const auto on_match = [](unsigned expression, unsigned long long, unsigned long long end, unsigned,
                           void* context) -> int {
    static_cast<decltype(found)*>(context)->emplace_back(expression, static_cast<std::uint32_t>(end));
    return 0;
  };
  if (hs_scan(database_->compiled, text.data(), static_cast<unsigned>(text.size()), 0, scratch, on_match, &found) !=
      HS_SUCCESS) {
    return hits;
  }
  // Grouped by expression, ends ascending, each once: one sort of the
  // matches, as most of the database's expressions match nothing in a text.
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  hits.starts_.assign(database_->patterns.size() + 1, 0);
  hits.ends_.reserve(found.size());
  for (const auto& [expression, end] : found) {
    ++hits.starts_[expression + 1];
    hits.ends_.push_back(end);
  }
  for (std::size_t i = 1; i < hits.starts_.size(); ++i) hits.starts_[i] += hits.starts_[i - 1];
  // Each set's patterns that occur, once per text rather than per question.
  hits.occurring_starts_.reserve(by_index_.size() + 1);
  for (const SetExpressions* of_set : by_index_) {
    hits.occurring_starts_.push_back(static_cast<std::uint32_t>(hits.occurring_.size()));
    for (std::size_t regex = 0; regex < of_set->numbers.size(); ++regex) {
      const int number = of_set->numbers[regex];
      if (number >= 0 && hits.starts_[static_cast<std::size_t>(number) + 1] > hits.starts_[static_cast<std::size_t>(number)]) {
        hits.occurring_.push_back(static_cast<std::uint32_t>(regex));
      }
    }
  }
  hits.occurring_starts_.push_back(static_cast<std::uint32_t>(hits.occurring_.size()));
  hits.scan_ = this;
  return hits;
}

namespace {

// Calls `each` with the hash and the image of each database of the shipped
// set databases' image: per list, the hash of its patterns (hash_of), then
// its database's image (Database::image), its size first; stops when
// `each` returns true.
template <typename Each>
void each_shipped_set_image(Each each) {
  std::string_view images = shipped_set_pattern_images();
  while (images.size() >= 8) {
    std::uint64_t key = 0;
    for (int byte = 0; byte < 8; ++byte) key |= std::uint64_t{static_cast<unsigned char>(images[byte])} << (8 * byte);
    images.remove_prefix(8);
    std::uint64_t size = 0;
    if (!read_varint(images, size) || size > images.size()) return;
    if (each(key, images.substr(0, size))) return;
    images.remove_prefix(size);
  }
}

std::optional<std::string_view> shipped_set_image(std::uint64_t hash) {
  std::optional<std::string_view> found;
  each_shipped_set_image([&](std::uint64_t key, std::string_view image) {
    if (key == hash) found = image;
    return key == hash;
  });
  return found;
}

KeptForBuild<std::set<std::vector<std::string>>>& kept_set_lists() {
  static KeptForBuild<std::set<std::vector<std::string>>> kept;
  return kept;
}

}  // namespace

std::shared_ptr<const SetPatternScan> SetPatternScan::shipped(const std::vector<std::string>& patterns) {
  const std::optional<std::string_view> image = shipped_set_image(hash_of(patterns));
  if (!image) return nullptr;
  return std::make_shared<const SetPatternScan>(patterns, *image);
}

std::string SetPatternScan::image(const std::vector<std::vector<std::string>>& lists) {
  std::string images;
  for (const std::vector<std::string>& patterns : lists) {
    const std::unique_ptr<PatternScan::Database> database = PatternScan::Database::compile(patterns, kSetFlags);
    if (!database) continue;
    const std::string image = database->image();
    const std::uint64_t hash = hash_of(patterns);
    for (int byte = 0; byte < 8; ++byte) images += static_cast<char>((hash >> (8 * byte)) & 0xFF);
    append_varint(image.size(), images);
    images += image;
  }
  return images;
}

std::vector<std::vector<std::string>> SetPatternScan::shipped_lists() {
  std::vector<std::vector<std::string>> lists;
  each_shipped_set_image([&](std::uint64_t, std::string_view image) {
    if (const std::unique_ptr<PatternScan::Database> database = PatternScan::Database::load(image)) {
      lists.push_back(database->patterns);
    }
    return false;
  });
  return lists;
}

SetPatternScan::SetPatternScan(std::vector<std::string> patterns, std::string_view image)
    : patterns_(std::move(patterns)), image_(image) {}
SetPatternScan::~SetPatternScan() = default;

std::vector<int> SetPatternScan::occurring(std::string_view text) const {
  std::call_once(loaded_, [&] {
    std::unique_ptr<const PatternScan::Database> database = PatternScan::Database::load(image_);
    if (database && database->patterns == patterns_) database_ = std::move(database);
  });
  std::vector<int> occur;
  hs_scratch_t* scratch = database_ ? scratch_for(database_->compiled, database_->serial) : nullptr;
  const auto on_match = [](unsigned expression, unsigned long long, unsigned long long, unsigned, void* context) -> int {
    static_cast<std::vector<int>*>(context)->push_back(static_cast<int>(expression));
    return 0;
  };
  if (!scratch || text.size() > UINT32_MAX ||
      hs_scan(database_->compiled, text.data(), static_cast<unsigned>(text.size()), 0, scratch, on_match, &occur) !=
          HS_SUCCESS) {
    // Every pattern, for RE2 to locate.
    occur.resize(patterns_.size());
    for (std::size_t i = 0; i < occur.size(); ++i) occur[i] = static_cast<int>(i);
    return occur;
  }
  for (std::size_t i = 0; i < database_->refused.size(); ++i) {
    if (database_->refused[i]) occur.push_back(static_cast<int>(i));
  }
  std::sort(occur.begin(), occur.end());
  return occur;
}

void keep_set_patterns() { kept_set_lists().keep(); }

void note_set_patterns(const std::vector<std::string>& patterns) {
  kept_set_lists().add([&](auto& lists) { lists.insert(patterns); });
}

std::vector<std::vector<std::string>> kept_set_patterns() {
  const std::set<std::vector<std::string>> lists = kept_set_lists().items();
  return {lists.begin(), lists.end()};
}

}  // namespace medlint
