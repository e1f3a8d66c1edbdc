#!/usr/bin/env python3
"""Measures what an editor shows of SafeAuth through a C# language server over LSP (standard input/output).

Starts the server in a project folder, opens one C# file that holds a misuse, and reports:
  * the time from opening the file to the first published SafeAuth warning (the project loads first),
  * for each simulated keystroke (an Enter typed at the top of the file, so the warning must move one line down),
    the time from the change to diagnostics that show the warning at its new line: median, 90th percentile, worst,
  * which code actions the server offers at the warning (whether the SafeAuth code fix reaches the editor).
Exits 1 when no SafeAuth warning arrives, or a keystroke is not followed by fresh diagnostics, within the timeouts.

usage: lsp_latency.py --server CMD... --root DIR --file FILE --rule AUTH101 [--keystrokes 20] [--json OUT]
"""
import argparse
import json
import os
import queue
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path


class LspClient:
    """A minimal JSON-RPC 2.0 client with the LSP base protocol (Content-Length framed messages)."""

    def __init__(self, command, cwd, settings):
        self.process = subprocess.Popen(command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.settings = settings
        self.next_id = 1
        self.responses = {}
        self.diagnostics = queue.Queue()
        self.lock = threading.Condition()
        self.reader = threading.Thread(target=self._read_loop, daemon=True)
        self.reader.start()

    def _send(self, message):
        body = json.dumps(message).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read_message(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                return None
            line = line.strip()
            if not line:
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.lower() == "content-length":
                length = int(value.strip())
        return json.loads(self.process.stdout.read(length)) if length is not None else None

    def _read_loop(self):
        while True:
            message = self._read_message()
            if message is None:
                with self.lock:
                    self.lock.notify_all()
                return
            if "method" in message and "id" in message:
                self._answer(message)
            elif "method" in message:
                if message["method"] == "textDocument/publishDiagnostics":
                    self.diagnostics.put((time.monotonic(), message["params"]))
            else:
                with self.lock:
                    self.responses[message["id"]] = message
                    self.lock.notify_all()

    def _answer(self, request):
        """Server-to-client requests: settings, capability registration, progress tokens."""
        result = None
        if request["method"] == "workspace/configuration":
            result = [self._section(item.get("section")) for item in request["params"].get("items", [])]
        self._send({"jsonrpc": "2.0", "id": request["id"], "result": result})

    def _section(self, section):
        value = self.settings
        for part in (section or "").split("."):
            if part:
                value = value.get(part, {}) if isinstance(value, dict) else None
        return value

    def request(self, method, params, timeout=120):
        request_id = self.next_id
        self.next_id += 1
        self._send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        with self.lock:
            while request_id not in self.responses:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self.process.poll() is not None:
                    raise TimeoutError(f"no answer to {method} within {timeout} s")
                self.lock.wait(remaining)
            return self.responses.pop(request_id)

    def notify(self, method, params):
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def close(self):
        try:
            self.request("shutdown", None, timeout=20)
            self.notify("exit", None)
            self.process.wait(timeout=20)
        except Exception:
            self.process.kill()


def rule_lines(params, rule):
    return sorted(d["range"]["start"]["line"] for d in params.get("diagnostics", []) if str(d.get("code")) == rule)


def wait_for(client, uri, predicate, timeout):
    """The first publishDiagnostics for uri whose diagnostics satisfy predicate; (time, params) or None."""
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        try:
            at, params = client.diagnostics.get(timeout=remaining)
        except queue.Empty:
            return None
        if params.get("uri") == uri and predicate(params):
            return at, params


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", nargs="+", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--file", required=True)
    parser.add_argument("--rule", required=True)
    parser.add_argument("--keystrokes", type=int, default=20)
    parser.add_argument("--load-timeout", type=float, default=600)
    parser.add_argument("--keystroke-timeout", type=float, default=60)
    parser.add_argument("--json")
    args = parser.parse_args()

    root = Path(args.root).resolve()
    path = Path(args.file).resolve()
    uri = path.as_uri()
    text = path.read_text(encoding="utf-8")
    settings = {"csharp": {"analyzersEnabled": True}}
    client = LspClient(args.server, root, settings)
    started = time.monotonic()
    result = {"server": " ".join(args.server), "file": str(path.relative_to(root)), "rule": args.rule}
    try:
        initialize = client.request("initialize", {
            "processId": os.getpid(),
            "rootUri": root.as_uri(),
            "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
            "capabilities": {
                "workspace": {"configuration": True, "didChangeConfiguration": {"dynamicRegistration": True}},
                "textDocument": {
                    "synchronization": {"didSave": True},
                    "publishDiagnostics": {"relatedInformation": True},
                    "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["", "quickfix", "refactor"]}}},
                },
                "window": {"workDoneProgress": True},
            },
            "initializationOptions": settings,
        })
        server_info = initialize.get("result", {}).get("serverInfo", {})
        result["serverVersion"] = f"{server_info.get('name', '?')} {server_info.get('version', '?')}"
        client.notify("initialized", {})
        client.notify("workspace/didChangeConfiguration", {"settings": settings})
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "csharp", "version": 1, "text": text}})

        first = wait_for(client, uri, lambda p: rule_lines(p, args.rule), args.load_timeout)
        if first is None:
            print(f"lsp latency: FAIL: no {args.rule} warning for {path.name} within {args.load_timeout:.0f} s", file=sys.stderr)
            return 1
        at, params = first
        result["openToFirstWarningSeconds"] = round(at - started, 2)
        base_line = rule_lines(params, args.rule)[0]
        print(f"lsp latency: {result['serverVersion']}: first {args.rule} warning {at - started:.1f} s after start (line {base_line + 1})")

        # Quiet period, so a keystroke is not answered by a publish that was already on its way.
        time.sleep(2)
        while not client.diagnostics.empty():
            client.diagnostics.get()

        latencies = []
        for stroke in range(1, args.keystrokes + 1):
            version = stroke + 1
            sent = time.monotonic()
            client.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "\n"}],
            })
            expected = base_line + stroke
            fresh = wait_for(client, uri, lambda p: expected in rule_lines(p, args.rule), args.keystroke_timeout)
            if fresh is None:
                print(f"lsp latency: FAIL: keystroke {stroke}: no {args.rule} warning at line {expected + 1} within {args.keystroke_timeout:.0f} s", file=sys.stderr)
                return 1
            latencies.append(fresh[0] - sent)
            time.sleep(0.3)  # typing pace

        result["keystrokes"] = len(latencies)
        result["keystrokeMedianSeconds"] = round(statistics.median(latencies), 3)
        result["keystrokeP90Seconds"] = round(percentile(latencies, 0.9), 3)
        result["keystrokeWorstSeconds"] = round(max(latencies), 3)
        print(f"lsp latency: {len(latencies)} keystrokes: {args.rule} at its new line after median {result['keystrokeMedianSeconds']:.2f} s, "
              f"90th percentile {result['keystrokeP90Seconds']:.2f} s, worst {result['keystrokeWorstSeconds']:.2f} s")

        line = base_line + args.keystrokes
        diagnostic = next(d for d in fresh[1]["diagnostics"] if str(d.get("code")) == args.rule and d["range"]["start"]["line"] == line)
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]},
        }).get("result") or []
        titles = sorted({action.get("title", "?") for action in actions})
        result["codeActionsAtWarning"] = titles
        print(f"lsp latency: code actions at the {args.rule} warning: {', '.join(titles) if titles else 'none'}")
    finally:
        client.close()
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
