"""`medlint server` against a misbehaving or demanding client.

    server_robustness_test.py MEDLINT_BINARY

Malformed JSON-RPC, unknown methods, requests out of lifecycle, a document
closed while it is linted, a 10 MB document, 10,000 edits (memory must
stay flat), and the exit codes of exit with and without shutdown.
"""

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import LspClient, edit, file_uri, frame  # noqa: E402

HEADER = "---\ntitle: Sprains\nlast_reviewed: 2026-10-06\nreferences: [NHS. Sprains., CDC. Sprains.]\n---\n"
PARAGRAPH = ("Rest the ankle, keep it raised, and use a cold pack wrapped in a towel for short spells "
             "during the first two days; most sprains improve within a week or two.\n\n")
CONFIG = ("extends: [medlint:recommended, house.yaml]\nrules: {self-treatment: off, safety-escalation: off}\n")
HOUSE_PACK = ("rules:\n  - id: no-miracle-cures\n    kind: phrases\n    severity: warning\n    summary: No hype.\n"
              "    options: {targets: {phrases: [miracle cure]}, message: 'hype: \"{match}\"'}\n")
# Growth allowed between 1,000 and 10,000 edits: a leak of the 4 KB text
# per edit would be 36 MB.
MAX_GROWTH_KB = 6 * 1024


def error_code(reply):
    assert "error" in reply, reply
    return reply["error"]["code"]


def resident_kb(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS for %d" % pid)


def article(paragraphs, last_line):
    return HEADER + PARAGRAPH * paragraphs + last_line + "\n"


def malformed_messages(client, folder):
    # Before initialize: requests are refused, notifications dropped.
    assert error_code(client.response(client.request_async("textDocument/hover", {}))) == -32002
    client.open("file:///early.md", "ignored")

    # A header block without a usable length is skipped; the stream goes on.
    client.send_raw(b"Content-Length: many\r\n\r\n")
    client.initialize(folder)
    assert "Content-Length" in client.wait_for(lambda m: m.get("method") == "window/logMessage")["params"]["message"]

    client.send_raw(frame(b'{"jsonrpc": "2.0", "id": 50, "method": '))  # not JSON
    reply = client.wait_for(lambda m: "error" in m)
    assert reply["id"] is None and reply["error"]["code"] == -32700, reply
    for not_a_request in ([1, 2], {"jsonrpc": 2, "id": 51, "method": "x"}, {"jsonrpc": "2.0", "id": {}, "method": "x"},
                          {"jsonrpc": "2.0", "id": 52}):
        client.send(not_a_request)
        assert error_code(client.wait_for(lambda m: "error" in m)) == -32600, not_a_request

    assert error_code(client.response(client.request_async("initialize", {"capabilities": {}}))) == -32600
    assert error_code(client.response(client.request_async("medlint/unknown", {}))) == -32601
    client.notify("$/unknownNotification", {"x": 1})
    client.notify("textDocument/didOpen", {"textDocument": {"uri": 5}})  # wrong types: logged, not fatal
    assert error_code(client.response(client.request_async("textDocument/hover", {"textDocument": {}}))) == -32602
    assert error_code(client.response(client.request_async(
        "textDocument/hover", {"textDocument": {"uri": "file:///not-open.md"}, "position": {"line": 0, "character": 0}}
    ))) == -32602
    assert error_code(client.response(client.request_async(
        "workspace/executeCommand", {"command": "medlint.noSuchCommand"}))) == -32602
    # Nothing answered the notifications: every reply so far had an id.
    assert not [m for m in client.seen if "id" in m and "method" not in m], client.seen


def closed_while_linting(client, folder):
    big = file_uri(os.path.join(folder, "big.md"))
    small = file_uri(os.path.join(folder, "small.md"))
    client.open(big, article(12000, "A miracle cure."))  # about 2 MB: still linting when the close arrives
    client.close(big)
    client.open(small, article(1, ""))
    assert client.diagnostics(small, 1)["diagnostics"] == []
    # The lint thread finished the big document before the small one: any
    # stale result would have been published by now. After the close's
    # empty list, nothing more may come.
    published = client.published(big)
    assert published and published[-1]["diagnostics"] == [], published
    client.close(small)


def ten_megabytes(client, folder):
    uri = file_uri(os.path.join(folder, "huge.md"))
    paragraphs = 10 * 1024 * 1024 // len(PARAGRAPH)
    client.open(uri, article(paragraphs, "So, a miracle cure."))
    last_line = 5 + 2 * paragraphs
    [finding] = client.diagnostics(uri, 1)["diagnostics"]
    assert finding["range"]["start"] == {"line": last_line, "character": 6}, finding
    client.change(uri, 2, [edit(last_line, 0, last_line, 2, "Truly")])
    [finding] = client.diagnostics(uri, 2)["diagnostics"]
    assert finding["range"]["start"] == {"line": last_line, "character": 9}, finding
    client.close(uri)


def memory_over_edits(binary, folder):
    client = LspClient(binary, "--today", "2026-11-23", cwd=folder)
    try:
        client.initialize(folder)
        uri = file_uri(os.path.join(folder, "typing.md"))
        client.open(uri, article(20, "Typing here."))
        client.diagnostics(uri, 1)
        line = 5 + 40
        version = 1

        def type_and_erase(count):
            nonlocal version
            for i in range(count):
                version += 1
                client.change(uri, version, [edit(line, 0, line, 0, "x")] if i % 2 == 0 else
                              [edit(line, 0, line, 1, "")])
            client.diagnostics(uri, version)

        type_and_erase(1000)
        before = resident_kb(client.process.pid)
        type_and_erase(9000)
        after = resident_kb(client.process.pid)
        print("resident memory: %d KB after 1,000 edits, %d KB after 10,000" % (before, after))
        assert after - before < MAX_GROWTH_KB, (before, after)
        assert client.stop() == 0
    finally:
        client.kill()


def lifecycle(binary, folder):
    client = LspClient(binary, cwd=folder)
    try:
        client.initialize(folder)
        assert client.request("shutdown") is None
        assert error_code(client.response(client.request_async("textDocument/hover", {}))) == -32600
        client.notify("exit", None)
        assert client.process.wait(timeout=30) == 0
    finally:
        client.kill()
    # exit without shutdown, and a client that just goes away: code 1, no crash.
    for goodbye in (lambda c: c.notify("exit", None), lambda c: c.process.stdin.close()):
        client = LspClient(binary, cwd=folder)
        try:
            client.initialize(folder)
            goodbye(client)
            assert client.process.wait(timeout=30) == 1
        finally:
            client.kill()


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, ".medlint.yaml"), "w") as out:
            out.write(CONFIG)
        with open(os.path.join(folder, "house.yaml"), "w") as out:
            out.write(HOUSE_PACK)
        client = LspClient(binary, "--today", "2026-11-23", cwd=folder)
        try:
            malformed_messages(client, folder)
            closed_while_linting(client, folder)
            ten_megabytes(client, folder)
            assert client.stop() == 0
        finally:
            client.kill()
        memory_over_edits(binary, folder)
        lifecycle(binary, folder)
    print("ok")


if __name__ == "__main__":
    main()
