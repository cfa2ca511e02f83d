#!/usr/bin/env python3
"""Memory a large article costs: medlint's peak RSS on one generated article
of 8 MB, less its peak on a small one (the compiled packs), stays under a
few times the article's size. The analysis of such an article keeps the
source, one normalized text and compact per-block and per-sentence
structures; per-sentence findings held for the whole document or a second
copy of the text would show here (8x before they were removed).

    memory_test.py MEDLINT SOURCE_DIR
"""
import os
import subprocess
import sys
import tempfile

ARTICLE_BYTES = 8_000_000
# Measured at 3.7x on a 50 MB article; the bound leaves room for the
# allocator, not for another copy of the text.
MOST_BYTES_PER_ARTICLE_BYTE = 4.5


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


def main():
    medlint, source_dir = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as work:
        subprocess.run([sys.executable, os.path.join(source_dir, "bench", "generate_corpus.py"), work,
                        "--one-article", str(ARTICLE_BYTES)], check=True, stdout=subprocess.DEVNULL)
        article = os.path.join(work, "article.md")
        size = os.path.getsize(article)
        lint = [medlint, "--today", "2026-11-23", "--fail-on", "never", "-q", "--max-file-size", str(2 * size)]
        packs = peak_rss_bytes(lint + [os.path.join(source_dir, "content", "migraine.md")])
        large = peak_rss_bytes(lint + [article])
    per_byte = (large - packs) / size
    print(f"{size / 1e6:.1f} MB article: peak RSS {large / 1e6:.0f} MB, {packs / 1e6:.0f} MB of it the packs: "
          f"{per_byte:.2f} bytes per article byte (at most {MOST_BYTES_PER_ARTICLE_BYTE})")
    return 0 if per_byte <= MOST_BYTES_PER_ARTICLE_BYTE else 1


if __name__ == "__main__":
    sys.exit(main())
