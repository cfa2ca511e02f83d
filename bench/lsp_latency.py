#!/usr/bin/env python3
"""Time from an edit to its diagnostics in `medlint server`, as an editor sees it.

    bench/lsp_latency.py [--binary build/medlint] [--edits 20] [ARTICLE...]

For each article (default: content/migraine.md, and the same article's
body repeated to 1 MB), sends one-character didChange edits and times each
until publishDiagnostics for that version arrives; the server waits its
debounce (150 ms) after an edit first. didSave is linted at once, so its
times are the lint and publish alone.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "server"))
from lsp_client import LspClient, edit, file_uri  # noqa: E402


def megabyte_article(path):
    """The article with its body repeated to 1 MB, front matter once."""
    with open(path, encoding="utf-8") as file:
        text = file.read()
    end = text.index("\n---\n", 4) + 5
    header, body = text[:end], text[end:]
    copies = (1024 * 1024 - len(header.encode())) // len(body.encode()) + 1
    return header + body * copies


def measure(client, uri, text, edits):
    client.open(uri, text)
    client.diagnostics(uri, 1)
    lines = text.count("\n")
    change_times, save_times = [], []
    version = 1
    for i in range(edits):
        version += 1
        started = time.perf_counter()
        client.change(uri, version, [edit(lines, 0, lines, 0, "x")] if i % 2 == 0 else [edit(lines, 0, lines, 1, "")])
        client.diagnostics(uri, version)
        change_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        client.diagnostics(uri, version)
        save_times.append(time.perf_counter() - started)
    client.close(uri)
    client.diagnostics(uri)
    return change_times, save_times


def report(name, size, times):
    milliseconds = sorted(t * 1000 for t in times)
    print("%-28s %9d %10.1f %10.1f %10.1f" % (name, size, statistics.median(milliseconds),
                                               milliseconds[int(len(milliseconds) * 0.9)], milliseconds[-1]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "medlint"))
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("articles", nargs="*")
    options = parser.parse_args()
    migraine = os.path.join(ROOT, "content", "migraine.md")
    with open(migraine, encoding="utf-8") as file:
        articles = [(migraine, file.read())]
    articles.append((os.path.join(ROOT, "content", "migraine-1mb.md"), megabyte_article(migraine)))
    for path in options.articles:
        with open(path, encoding="utf-8") as file:
            articles.append((os.path.abspath(path), file.read()))

    with tempfile.TemporaryDirectory() as folder:
        client = LspClient(options.binary, cwd=folder)
        try:
            client.initialize(ROOT)
            print("%-28s %9s %10s %10s %10s" % ("article, event", "bytes", "median ms", "p90 ms", "max ms"))
            for path, text in articles:
                changes, saves = measure(client, file_uri(path), text, options.edits)
                size = len(text.encode())
                report(os.path.basename(path) + ", didChange", size, changes)
                report(os.path.basename(path) + ", didSave", size, saves)
            client.stop()
        finally:
            client.kill()


if __name__ == "__main__":
    main()
