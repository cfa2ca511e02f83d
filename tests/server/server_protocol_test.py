"""Drives `medlint server` as an editor would and checks exactly what it answers.

    server_protocol_test.py MEDLINT_BINARY

A test-local configuration with a small phrases pack (`no-miracle-cures`)
keeps the expectations independent of the shipped lexicons; the shipped
rules asserted on are review-freshness and citations-present.
"""

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import LspClient, edit, file_uri, utf16_length  # noqa: E402

CONFIG = "extends: [medlint:recommended, house.yaml]\nrules: {self-treatment: off, safety-escalation: off%s}\n"
HOUSE_PACK = """rules:
  - id: no-miracle-cures
    kind: phrases
    severity: warning
    summary: No hype.
    options:
      targets: {phrases: [miracle cure]}
      message: 'hype: "{match}"'
      suggest: say what the treatment does and for whom
"""
DOCS = "https://github.com/medlint/medlint/blob/main/docs/rules/"
CITATIONS_MESSAGE = ("no references: the article cites no sources (at least 2 required)\n"
                     "help: list sources under `references:` in the front matter or a \"References\" heading")

ARTICLE = ("---\n"
           "title: \"Crème brûlée and café au lait 😀\"\n"
           "last_reviewed: 2026-10-06\n"
           "---\n"
           "# Héllo\n"
           "\n"
           "Ginger tea 🍵 is a miracle cure for nausea, say fans.\n")


def rng(start_line, start_char, end_line, end_char):
    return {"start": {"line": start_line, "character": start_char}, "end": {"line": end_line, "character": end_char}}


def citations_finding():
    # The title's text, inside its quotes: 30 characters and an emoji (two UTF-16 units).
    return {"range": rng(1, 8, 1, 40), "severity": 1, "code": "citations-present", "source": "medlint",
            "codeDescription": {"href": DOCS + "citations-present.md"}, "message": CITATIONS_MESSAGE}


def check_hype(finding, line, start):
    assert finding["range"] == rng(line, start, line, start + len("miracle cure")), finding
    assert finding["code"] == "no-miracle-cures" and finding["severity"] == 2, finding
    assert "codeDescription" not in finding, finding  # a project's own rule has no shipped doc page
    message, help_text = finding["message"].split("\nhelp: ")
    assert message == 'hype: "miracle cure"', finding
    assert help_text.endswith("say what the treatment does and for whom"), finding


def by_code(diagnostics):
    return sorted(diagnostics, key=lambda d: (d["range"]["start"]["line"], d["code"]))


def apply_edit(client, uri, version, action):
    """Sends a code action's edit as the editor applies it: the next version."""
    [document_change] = action["edit"]["documentChanges"]
    assert document_change["textDocument"] == {"uri": uri, "version": version - 1}, action
    client.change(uri, version, [{"range": e["range"], "text": e["newText"]} for e in document_change["edits"]])


def code_actions(client, uri, at):
    return client.request("textDocument/codeAction",
                          {"textDocument": {"uri": uri}, "range": rng(*at, *at), "context": {"diagnostics": []}})


def article_session(client, folder):
    uri = file_uri(os.path.join(folder, "article.md"))  # never saved: linted from the editor's text
    client.open(uri, ARTICLE)
    published = client.diagnostics(uri, 1)
    citations, hype = by_code(published["diagnostics"])
    assert citations == citations_finding(), citations
    # "Ginger tea " and the tea emoji (two units) and " is a ": character 19, not code point 18.
    check_hype(hype, 6, 19)

    # Two versions in quick succession, with multibyte edits: an emoji
    # before the sentence (3 units), a title letter, then the phrase
    # replaced by accented text. Only the latest version counts.
    client.change(uri, 2, [edit(6, 0, 6, 0, "🌿 "), edit(1, 8, 1, 13, "Creme")])
    client.change(uri, 3, [edit(6, 22, 6, 34, "remède")])
    latest = client.diagnostics(uri, 3)
    assert latest["diagnostics"] == [citations_finding()], latest
    versions = [p["version"] for p in client.published(uri)]
    assert versions == sorted(versions) and all(v < 3 for v in versions), versions

    # Typing at the end of the line proves the server's text matches the editor's.
    line6 = "🌿 Ginger tea 🍵 is a remède for nausea, say fans."
    end = utf16_length(line6)
    client.change(uri, 4, [edit(6, end, 6, end, " A miracle cure?")])
    check_hype(by_code(client.diagnostics(uri, 4)["diagnostics"])[1], 6, end + 3)

    # A stale version is ignored (and logged); a save relints what the server has.
    client.change(uri, 3, [edit(6, 0, 6, 0, "miracle cure ")])
    log = client.wait_for(lambda m: m.get("method") == "window/logMessage")
    assert "version 3" in log["params"]["message"] and log["params"]["type"] == 2, log
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    saved = by_code(client.diagnostics(uri, 4)["diagnostics"])
    assert len(saved) == 2, saved
    check_hype(saved[1], 6, end + 3)

    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": 6, "character": end + 5}})
    assert hover["range"] == rng(6, end + 3, 6, end + 15), hover
    assert hover["contents"]["kind"] == "markdown", hover
    text = hover["contents"]["value"]
    assert text.startswith('**no-miracle-cures** (warning): No hype.\n\nhype: "miracle cure"\n\n*Why, and what to do:* '), text
    assert text.endswith("say what the treatment does and for whom"), text
    assert client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": 4, "character": 2}}) is None

    # Suppress on this line: the comment goes above the finding's line, and works.
    [suppress] = code_actions(client, uri, (6, end + 4))
    assert suppress["title"] == "Suppress no-miracle-cures on this line", suppress
    assert suppress["kind"] == "quickfix" and suppress["diagnostics"][0]["code"] == "no-miracle-cures", suppress
    assert suppress["edit"]["documentChanges"][0]["edits"] == [
        {"range": rng(6, 0, 6, 0), "newText": "<!-- medlint-disable-next-line no-miracle-cures -->\n"}], suppress
    apply_edit(client, uri, 5, suppress)
    assert client.diagnostics(uri, 5)["diagnostics"] == [citations_finding()]

    # On the citations finding: the references scaffold, the front matter
    # suppression (a comment would break the YAML), the rule's doc page.
    scaffold, disable, documentation = code_actions(client, uri, (1, 10))
    assert scaffold["title"] == "Add a `references:` list to the front matter" and scaffold["isPreferred"], scaffold
    assert scaffold["edit"]["documentChanges"][0]["edits"] == [
        {"range": rng(3, 0, 3, 0), "newText": 'references:\n  - title: ""\n    url: ""\n  - title: ""\n    url: ""\n'}]
    assert disable["title"] == "Disable citations-present for this article (front matter)", disable
    assert disable["edit"]["documentChanges"][0]["edits"] == [
        {"range": rng(3, 0, 3, 0), "newText": "medlint: {disable: [citations-present]}\n"}], disable
    assert documentation["title"] == "Open the documentation of citations-present", documentation
    assert documentation["command"]["command"] == "medlint.openRuleDocumentation", documentation
    assert documentation["command"]["arguments"] == [DOCS + "citations-present.md"], documentation
    assert client.request("workspace/executeCommand", documentation["command"]) is None
    show = client.wait_for(lambda m: m.get("method") == "window/showDocument")
    assert show["params"] == {"uri": DOCS + "citations-present.md", "external": True}, show
    client.send({"jsonrpc": "2.0", "id": show["id"], "result": {"success": True}})

    apply_edit(client, uri, 6, disable)
    assert client.diagnostics(uri, 6)["diagnostics"] == []
    return uri


def review_date_session(client, folder):
    """A date that is in the future month-first but past day-first gets an ISO rewrite."""
    uri = file_uri(os.path.join(folder, "review.md"))
    text = "---\ntitle: Sore throat\nlast_reviewed: 12/11/2026\nreferences: [NHS. Sore throat., CDC. Sore throat.]\n---\nBody.\n"
    client.open(uri, text)
    [finding] = client.diagnostics(uri, 1)["diagnostics"]
    assert finding == {"range": rng(2, 15, 2, 25), "severity": 1, "code": "review-freshness", "source": "medlint",
                       "codeDescription": {"href": DOCS + "review-freshness.md"},
                       "message": "review date 2026-12-11 is in the future (today is 2026-11-23)\n"
                                  "help: a review date records a review that has happened; correct the date"}, finding
    fix = code_actions(client, uri, (2, 20))[0]
    assert fix["title"] == "Write the date as 2026-11-12 (day first)" and fix["isPreferred"], fix
    assert fix["edit"]["documentChanges"][0]["edits"] == [{"range": rng(2, 15, 2, 25), "newText": "2026-11-12"}]
    apply_edit(client, uri, 2, fix)
    assert client.diagnostics(uri, 2)["diagnostics"] == []


def plain_text_session(client, folder):
    """Plain text has no comments: the suppression is a hint at `overrides`."""
    uri = file_uri(os.path.join(folder, "notes.txt"))
    client.open(uri, "Notes\n\nA miracle cure, they say.\n\nMedically Reviewed on 10/06/2026\n", language="plaintext")
    diagnostics = by_code(client.diagnostics(uri, 1)["diagnostics"])
    assert [d["code"] for d in diagnostics] == ["citations-present", "no-miracle-cures"], diagnostics
    check_hype(diagnostics[1], 2, 2)
    [hint] = code_actions(client, uri, (2, 3))
    assert hint["title"] == "Turn no-miracle-cures off for notes.txt in .medlint.yaml…", hint
    assert hint["command"]["arguments"] == ["no-miracle-cures", "notes.txt"], hint
    assert client.request("workspace/executeCommand", hint["command"]) is None
    shown = client.wait_for(lambda m: m.get("method") == "window/showMessage")
    assert shown["params"]["message"].endswith(
        'overrides:\n  - files: ["notes.txt"]\n    rules: {no-miracle-cures: off}'), shown
    return uri


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory() as folder:
        config = os.path.join(folder, ".medlint.yaml")
        with open(config, "w") as out:
            out.write(CONFIG % "")
        with open(os.path.join(folder, "house.yaml"), "w") as out:
            out.write(HOUSE_PACK)
        client = LspClient(binary, "--today", "2026-11-23", cwd=folder)
        try:
            capabilities = {"workspace": {"workspaceEdit": {"documentChanges": True}},
                            "window": {"showDocument": {"support": True}}}
            result = client.initialize(folder, capabilities)
            assert result["capabilities"]["positionEncoding"] == "utf-16", result
            assert result["capabilities"]["textDocumentSync"]["change"] == 2, result
            assert result["serverInfo"]["name"] == "medlint", result

            article = article_session(client, folder)
            review_date_session(client, folder)
            notes = plain_text_session(client, folder)

            # The configuration changes on disk: the open documents are relinted with it.
            with open(config, "w") as out:
                out.write(CONFIG % ", citations-present: off, no-miracle-cures: error")
            client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": file_uri(config), "type": 2}]})
            [hype] = client.diagnostics(notes, 1)["diagnostics"]
            assert hype["code"] == "no-miracle-cures" and hype["severity"] == 1, hype
            assert client.diagnostics(article, 6)["diagnostics"] == []

            client.close(article)
            assert client.diagnostics(article)["diagnostics"] == []
            assert client.stop() == 0
        finally:
            client.kill()
    print("ok")


if __name__ == "__main__":
    main()
