#!/usr/bin/env python3
"""Extracts the text modules of WebAssembly spec test scripts (.wast) into .wat files.

    extract-wast-modules.py TESTSUITE_DIR OUT_DIR

Writes OUT_DIR/<script path with / as __>.<n>.wat for each module and prints how many it wrote.

Taken: every `(module ...)` command, and the `(module ...)` inside any other command
(`assert_invalid`, `assert_unlinkable`, `assert_trap`, ...): those are syntactically valid text.
Left out: `(module binary ...)` and `(module quote ...)` (not text), `(module instance ...)` (a
script command), and everything inside `assert_malformed` / `assert_malformed_custom`, which is
broken on purpose. `(module definition ...)` is kept without the script-level word `definition`.
A script made of bare module fields (the spec's inline module) is taken whole.

The scanner knows the WAT lexical rules that matter for finding list boundaries: strings with
escapes, line comments, nested block comments and annotations. It works on bytes, because some
scripts hold bytes that are not UTF-8 inside comments.
"""

import os
import sys

MODULE_FIELDS = {b"type", b"rec", b"import", b"func", b"table", b"memory", b"global", b"tag",
                 b"export", b"start", b"elem", b"data"}
IDCHARS = set(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&'*+-./:<=>?@\\^_`|~")
SKIPPED = (b"assert_malformed", b"assert_malformed_custom")


class Scanner:
    def __init__(self, text: bytes):
        self.text = text

    def skip_trivia(self, i: int) -> int:
        """Skips whitespace and comments from i."""
        t = self.text
        while i < len(t):
            c = t[i]
            if c in b" \t\r\n":
                i += 1
            elif t.startswith(b";;", i):
                while i < len(t) and t[i] not in b"\r\n":
                    i += 1
            elif t.startswith(b"(;", i):
                i = self.block_comment_end(i)
            else:
                break
        return i

    def block_comment_end(self, i: int) -> int:
        t = self.text
        depth = 0
        while i < len(t):
            if t.startswith(b"(;", i):
                depth += 1
                i += 2
            elif t.startswith(b";)", i):
                depth -= 1
                i += 2
                if depth == 0:
                    return i
            else:
                i += 1
        raise ValueError("unterminated block comment")

    def string_end(self, i: int) -> int:
        t = self.text
        i += 1
        while i < len(t):
            if t[i] == 0x5C:  # backslash
                i += 2
            elif t[i] == 0x22:
                return i + 1
            else:
                i += 1
        raise ValueError("unterminated string")

    def token_end(self, i: int) -> int:
        """The end of the token or list starting at i (after trivia)."""
        t = self.text
        if t[i] == 0x28:
            return self.list_end(i)
        if t[i] == 0x22:
            return self.string_end(i)
        j = i
        while j < len(t) and t[j] not in b" \t\r\n()\";":
            if t[j] == 0x22:
                break
            j += 1
        if t.startswith(b'$"', i):
            return self.string_end(i + 1)
        return max(j, i + 1)

    def list_end(self, i: int) -> int:
        """The end of the list whose `(` is at i."""
        t = self.text
        i += 1
        while True:
            i = self.skip_trivia(i)
            if i >= len(t):
                raise ValueError("unclosed list")
            if t[i] == 0x29:
                return i + 1
            i = self.token_end(i)

    def items(self, start: int, end: int):
        """(start, end) of each token or list between start and end, annotations skipped."""
        i = start
        while True:
            i = self.skip_trivia(i)
            if i >= end or self.text[i] == 0x29:
                return
            j = self.token_end(i)
            if not self.text.startswith(b"(@", i):
                yield i, j
            i = j

    def word(self, span) -> bytes:
        s, e = span
        return self.text[s:e]

    def head(self, span) -> bytes:
        """The keyword of the list at span."""
        for item in self.items(span[0] + 1, span[1]):
            return self.word(item)
        return b""


def module_text(sc: Scanner, span):
    """The text of the module list at span, or None when it is not a text module."""
    items = list(sc.items(span[0] + 1, span[1]))
    text = sc.text[span[0]:span[1]]
    # `module` is followed by `definition`?, `$id`? and then `binary`, `quote` or the fields.
    for s, e in items[1:3]:
        word = sc.word((s, e))
        if word in (b"binary", b"quote", b"instance"):
            return None
        if word == b"definition":
            # Blank it out in place, so that positions stay those of the script.
            text = text[:s - span[0]] + b" " * (e - s) + text[e - span[0]:]
        elif not word.startswith(b"$"):
            break
    return text


def extract(path: str):
    sc = Scanner(open(path, "rb").read())
    top = list(sc.items(0, len(sc.text)))
    heads = [sc.head(s) if sc.text[s[0]] == 0x28 else b"" for s in top]
    if any(h in MODULE_FIELDS for h in heads):
        # The spec's inline module: the script is the module's fields.
        return [sc.text]
    modules = []
    for span, head in zip(top, heads):
        if head == b"module":
            candidates = [span]
        elif head in SKIPPED or not head:
            continue
        else:
            candidates = [s for s in sc.items(span[0] + 1, span[1])
                          if sc.text[s[0]] == 0x28 and sc.head(s) == b"module"]
        for c in candidates:
            text = module_text(sc, c)
            if text is not None:
                modules.append(text)
    return modules


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: extract-wast-modules.py TESTSUITE_DIR OUT_DIR")
    root, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    scripts = sorted(
        os.path.relpath(os.path.join(d, f), root)
        for d, _, files in os.walk(root) for f in files if f.endswith(".wast"))
    if not scripts:
        sys.exit(f"extract-wast-modules.py: no .wast scripts under {root}")
    count = 0
    for rel in scripts:
        base = rel[:-len(".wast")].replace(os.sep, "__")
        for n, text in enumerate(extract(os.path.join(root, rel))):
            with open(os.path.join(out, f"{base}.{n}.wat"), "wb") as f:
                f.write(text)
                f.write(b"\n")
            count += 1
    print(f"{count} modules from {len(scripts)} scripts")


if __name__ == "__main__":
    main()
