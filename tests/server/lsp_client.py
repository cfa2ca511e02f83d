"""A scripted LSP client for `medlint server` (standard library only).

Messages from the server are read on a thread into a queue; the test
waits for the ones it expects and keeps the rest for later checks.
"""

import json
import os
import queue
import subprocess
import threading
import time
import urllib.parse

# How long to wait for a message the server owes before failing: generous
# for a loaded machine, never hit when the server behaves.
REPLY_TIMEOUT = 30


def frame(body):
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def file_uri(path):
    return "file://" + urllib.parse.quote(os.path.abspath(path))


class LspClient:
    def __init__(self, binary, *args, cwd=None):
        self.process = subprocess.Popen([os.path.abspath(binary), "server", *args], cwd=cwd, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.inbox = queue.Queue()
        self.seen = []  # messages read while waiting for others
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            self.inbox.put(json.loads(stream.read(length)))

    def send_raw(self, data):
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message):
        self.send_raw(frame(json.dumps(message).encode("utf-8")))

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request_async(self, method, params=None):
        request_id = self.next_id
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": request_id, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return request_id

    def response(self, request_id):
        return self.wait_for(lambda m: m.get("id") == request_id and "method" not in m)

    def request(self, method, params=None):
        """The result of a request; fails on an error reply."""
        reply = self.response(self.request_async(method, params))
        assert "error" not in reply, reply
        return reply["result"]

    def wait_for(self, matches, timeout=REPLY_TIMEOUT):
        """The first message (already seen or new) that `matches`."""
        for i, message in enumerate(self.seen):
            if matches(message):
                return self.seen.pop(i)
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError("timed out waiting for a message; seen: %s" % json.dumps(self.seen)[:2000])
            try:
                message = self.inbox.get(timeout=remaining)
            except queue.Empty:
                continue
            if message is None:
                raise AssertionError("the server closed its output; seen: %s" % json.dumps(self.seen)[:2000])
            if matches(message):
                return message
            self.seen.append(message)

    def diagnostics(self, uri, version=None):
        """The next diagnostics published for `uri` (of `version`, when given)."""
        message = self.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                and m["params"]["uri"] == uri
                                and (version is None or m["params"].get("version") == version))
        return message["params"]

    def published(self, uri):
        """Diagnostics already published for `uri`, taken from what was seen."""
        found = [m["params"] for m in self.seen
                 if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri]
        self.seen = [m for m in self.seen
                     if not (m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)]
        return found

    def initialize(self, root, capabilities=None):
        result = self.request("initialize", {"processId": os.getpid(), "rootUri": file_uri(root),
                                             "capabilities": capabilities or {}})
        self.notify("initialized", {})
        return result

    def open(self, uri, text, language="markdown", version=1):
        self.notify("textDocument/didOpen",
                    {"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}})

    def change(self, uri, version, changes):
        self.notify("textDocument/didChange",
                    {"textDocument": {"uri": uri, "version": version}, "contentChanges": changes})

    def close(self, uri):
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})

    def stop(self):
        """shutdown, then exit; the server's exit code."""
        assert self.request("shutdown") is None
        self.notify("exit", None)
        return self.process.wait(timeout=REPLY_TIMEOUT)

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def edit(start_line, start_char, end_line, end_char, text):
    return {"range": {"start": {"line": start_line, "character": start_char},
                      "end": {"line": end_line, "character": end_char}}, "text": text}


def utf16_length(text):
    return len(text.encode("utf-16-le")) // 2
