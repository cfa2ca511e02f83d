#!/usr/bin/env python3
"""Memory checks, each medlint's peak RSS less its peak on one small article
(the compiled packs):

large-article (default): one generated article of 8 MB stays under a few
times the article's size. The analysis of such an article keeps the
source, one normalized text and compact per-block and per-sentence
structures; per-sentence findings held for the whole document or a second
copy of the text would show here (8x before they were removed).

many-articles: 30,000 small articles, two findings each, cost a few
hundred bytes an article at most. Reports are fed file by file as files
are linted; a run that kept every file's findings, configuration or walked
target until its end would show here (1,600 bytes an article before).

    memory_test.py MEDLINT SOURCE_DIR [large-article|many-articles]
"""
import os
import subprocess
import sys
import tempfile

ARTICLE_BYTES = 8_000_000
# Measured at 2.16x on this article (2.1x on a 50 MB one): the folded text
# is one byte per byte (the source is mapped and let go as it is read),
# blocks, text anchors, case bits, sentences and the rules' scratch the
# rest. The bound leaves room for the allocator, not for another copy of
# the text.
MOST_BYTES_PER_ARTICLE_BYTE = 2.5
SMALL_ARTICLES = 30_000
# Measured at about 90: the walked path of each article and the allocator's
# slack.
MOST_BYTES_PER_SMALL_ARTICLE = 400


def peak_rss_bytes(command):
    """Peak RSS of one child process run to its end."""
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execv(command[0], command)
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{command} exited with {os.waitstatus_to_exitcode(status)}")
    return usage.ru_maxrss * 1024


def lint_command(medlint, *extra):
    return [medlint, "--today", "2026-11-23", "--fail-on", "never", "-q", *extra]


def rss_past_packs(lint, source_dir, path, what):
    """Peak RSS linting `path` less that of one small article (the packs)."""
    packs = peak_rss_bytes(lint + [os.path.join(source_dir, "content", "migraine.md")])
    peak = peak_rss_bytes(lint + [path])
    print(f"{what}: peak RSS {peak / 1e6:.0f} MB, {packs / 1e6:.0f} MB of it the packs")
    return peak - packs


def large_article(medlint, source_dir, work):
    subprocess.run([sys.executable, os.path.join(source_dir, "bench", "generate_corpus.py"), work,
                    "--one-article", str(ARTICLE_BYTES)], check=True, stdout=subprocess.DEVNULL)
    article = os.path.join(work, "article.md")
    size = os.path.getsize(article)
    past_packs = rss_past_packs(lint_command(medlint, "--max-file-size", str(2 * size)), source_dir, article,
                                f"{size / 1e6:.1f} MB article")
    per_byte = past_packs / size
    print(f"  {per_byte:.2f} bytes per article byte (at most {MOST_BYTES_PER_ARTICLE_BYTE})")
    return per_byte <= MOST_BYTES_PER_ARTICLE_BYTE


def many_articles(medlint, source_dir, work):
    # Stale and without references: two findings each.
    for i in range(SMALL_ARTICLES):
        folder = os.path.join(work, f"{i // 1000:03d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"article-{i:05d}.md"), "w", encoding="utf-8") as article:
            article.write(f"---\ntitle: Article {i}\nlast_reviewed: 2020-01-{1 + i % 28:02d}\n---\n"
                          f"Rest and fluids help most colds get better within {i % 9 + 3} days.\n")
    past_packs = rss_past_packs(lint_command(medlint), source_dir, work, f"{SMALL_ARTICLES} small articles")
    per_article = past_packs / SMALL_ARTICLES
    print(f"  {per_article:.0f} bytes per article (at most {MOST_BYTES_PER_SMALL_ARTICLE})")
    return per_article <= MOST_BYTES_PER_SMALL_ARTICLE


def main():
    medlint, source_dir = sys.argv[1], sys.argv[2]
    check = {"large-article": large_article, "many-articles": many_articles}[sys.argv[3] if len(sys.argv) > 3 else
                                                                              "large-article"]
    with tempfile.TemporaryDirectory() as work:
        return 0 if check(medlint, source_dir, work) else 1


if __name__ == "__main__":
    sys.exit(main())
