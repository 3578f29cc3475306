#!/usr/bin/env python3
"""Writes a large synthetic WAT module for scripts/bench, deterministically.

    scripts/gen-synthetic-wat.py OUT.wat [--size BYTES] [--seed N]

The module looks like compiler output printed as text: a stack pointer global, a memory with data
segments, a function table, imports, and many functions that use params and locals, loads and
stores with offsets, direct and indirect calls, blocks with `br_if`, loops, `if`/`else`,
constants and integer and float arithmetic. Functions are written until the output reaches
--size bytes (default 100,000,000). The same size and seed always give the same bytes: the random
choices come from a fixed xorshift generator, not from Python's `random`. The module is valid.
"""

import argparse
import sys

# Function types: (params, results). Every function uses one of them.
TYPES = [
    ([], []),
    ([], ["i32"]),
    (["i32"], []),
    (["i32"], ["i32"]),
    (["i32", "i32"], ["i32"]),
    (["i32", "i32", "i32"], []),
    (["i32", "i64"], ["i64"]),
    (["i32", "f64"], ["f64"]),
    (["i64", "i64"], ["i32"]),
    (["i32", "i32", "i32", "i32"], ["i32"]),
]
IMPORTS = [("env", "abort", 2), ("env", "write", 4), ("env", "clock", 1), ("env", "log", 7)]
TABLE_SIZE = 512
MEMORY_PAGES = 256
STACK_TOP = 65536 * 16


class Rng:
    """xorshift64*: the same sequence on every Python version."""

    def __init__(self, seed):
        self.state = (seed * 0x9E3779B97F4A7C15 + 1) & 0xFFFFFFFFFFFFFFFF

    def next(self):
        x = self.state
        x ^= x >> 12
        x ^= (x << 25) & 0xFFFFFFFFFFFFFFFF
        x ^= x >> 27
        self.state = x
        return (x * 0x2545F4914F6CDD1D) & 0xFFFFFFFFFFFFFFFF

    def below(self, n):
        return (self.next() >> 11) % n

    def choice(self, items):
        return items[self.below(len(items))]


def sig(ty):
    params, results = TYPES[ty]
    out = ""
    if params:
        out += " (param " + " ".join(params) + ")"
    if results:
        out += " (result " + " ".join(results) + ")"
    return out


class Func:
    """Writes the body of one function."""

    I32_BINOPS = ["i32.add", "i32.sub", "i32.mul", "i32.and", "i32.or", "i32.xor", "i32.shl", "i32.shr_u"]
    I64_BINOPS = ["i64.add", "i64.sub", "i64.mul", "i64.and", "i64.or", "i64.shr_s"]
    F64_BINOPS = ["f64.add", "f64.sub", "f64.mul", "f64.div", "f64.min"]
    CMP = ["i32.lt_s", "i32.gt_u", "i32.eq", "i32.ne", "i32.le_u"]

    def __init__(self, rng, index, ty, callees, out):
        self.rng = rng
        self.index = index
        self.ty = ty
        self.callees = callees  # (function index or name, type) pairs a call may target
        self.out = out
        params, self.results = TYPES[ty]
        self.locals = list(params)
        n_i32 = 3 + rng.below(6)
        n_i64 = rng.below(3)
        n_f64 = rng.below(2)
        self.decl = ["i32"] * n_i32 + ["i64"] * n_i64 + ["f64"] * n_f64
        self.locals += self.decl
        self.depth = 0

    def local(self, ty):
        candidates = [i for i, t in enumerate(self.locals) if t == ty]
        return self.rng.choice(candidates) if candidates else None

    def emit(self, text):
        self.out.append("    " + "  " * self.depth + text + "\n")

    def push(self, ty):
        """Instructions that push one value of type `ty`."""
        r = self.rng
        local = self.local(ty)
        if local is not None and r.below(3) != 0:
            self.emit(f"local.get {local}")
        elif ty == "i32":
            self.emit(f"i32.const {r.below(2000) - 1000}")
        elif ty == "i64":
            self.emit(f"i64.const {r.below(1 << 40) - (1 << 39)}")
        else:
            self.emit(f"f64.const {r.below(100000) / 64}")

    def address(self):
        base = self.local("i32")
        self.emit(f"local.get {base}")

    def statement(self, budget):
        r = self.rng
        kind = r.below(100)
        if kind < 18:  # load with an offset into a local
            self.address()
            ty = r.choice(["i32", "i32", "i32", "i64", "f64"])
            op = {"i32": r.choice(["i32.load", "i32.load8_u", "i32.load16_s"]), "i64": "i64.load", "f64": "f64.load"}[ty]
            self.emit(f"{op} offset={4 * r.below(64)}" + (" align=1" if r.below(8) == 0 else ""))
            dst = self.local(ty)
            if dst is None:
                self.emit("drop")
            else:
                self.emit(f"local.set {dst}")
        elif kind < 32:  # store with an offset
            self.address()
            ty = r.choice(["i32", "i32", "i64", "f64"])
            self.push(ty)
            op = {"i32": r.choice(["i32.store", "i32.store8", "i32.store16"]), "i64": "i64.store", "f64": "f64.store"}[ty]
            self.emit(f"{op} offset={4 * r.below(64)}")
        elif kind < 52:  # arithmetic into a local
            ty = r.choice(["i32", "i32", "i32", "i64", "f64"])
            dst = self.local(ty)
            if dst is None:
                ty, dst = "i32", self.local("i32")
            self.push(ty)
            self.push(ty)
            ops = {"i32": self.I32_BINOPS, "i64": self.I64_BINOPS, "f64": self.F64_BINOPS}[ty]
            self.emit(r.choice(ops))
            if r.below(4) == 0:
                self.emit(f"local.tee {dst}")
                self.emit("drop")
            else:
                self.emit(f"local.set {dst}")
        elif kind < 66:  # direct call
            callee, ty = r.choice(self.callees)
            params, results = TYPES[ty]
            for p in params:
                self.push(p)
            self.emit(f"call {callee}")
            for res in results:
                dst = self.local(res)
                self.emit("drop" if dst is None or r.below(3) == 0 else f"local.set {dst}")
        elif kind < 70:  # indirect call through the table
            ty = r.below(len(TYPES))
            params, results = TYPES[ty]
            for p in params:
                self.push(p)
            self.emit(f"i32.const {r.below(TABLE_SIZE)}")
            self.emit(f"call_indirect (type $t{ty})")
            for _ in results:
                self.emit("drop")
        elif kind < 82 and budget > 2 and self.depth < 4:  # block with br_if
            self.emit("block  ;; label = @%d" % (self.depth + 1))
            self.depth += 1
            self.push("i32")
            self.push("i32")
            self.emit(r.choice(self.CMP))
            self.emit("br_if 0 (;@%d;)" % self.depth)
            self.block_body(budget)
            self.depth -= 1
            self.emit("end")
        elif kind < 88 and budget > 2 and self.depth < 4:  # counted loop
            counter = self.local("i32")
            self.emit("loop  ;; label = @%d" % (self.depth + 1))
            self.depth += 1
            self.block_body(budget)
            self.emit(f"local.get {counter}")
            self.emit("i32.const 1")
            self.emit("i32.sub")
            self.emit(f"local.tee {counter}")
            self.emit("br_if 0 (;@%d;)" % self.depth)
            self.depth -= 1
            self.emit("end")
        elif kind < 94 and budget > 2 and self.depth < 4:  # if / else
            self.push("i32")
            self.emit("if  ;; label = @%d" % (self.depth + 1))
            self.depth += 1
            self.block_body(budget)
            self.depth -= 1
            self.emit("else")
            self.depth += 1
            self.block_body(budget)
            self.depth -= 1
            self.emit("end")
        else:  # stack pointer adjustment, as clang writes it
            sp = self.local("i32")
            self.emit("global.get $__stack_pointer")
            self.emit(f"i32.const {16 * (1 + r.below(8))}")
            self.emit("i32.sub")
            self.emit(f"local.tee {sp}")
            self.emit("global.set $__stack_pointer")

    def block_body(self, budget):
        for _ in range(1 + self.rng.below(min(budget // 2, 6))):
            self.statement(budget // 2)

    def write(self):
        out = self.out
        out.append(f"  (func $f{self.index} (type $t{self.ty})")
        params = TYPES[self.ty][0]
        if params:
            out.append(" (param " + " ".join(params) + ")")
        if self.results:
            out.append(" (result " + " ".join(self.results) + ")")
        out.append("\n")
        if self.decl:
            out.append("    (local " + " ".join(self.decl) + ")\n")
        for _ in range(4 + self.rng.below(28)):
            self.statement(12)
        for res in self.results:
            self.push(res)
        out.append("  )\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--size", type=int, default=100_000_000, help="stop after this many bytes")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = Rng(args.seed)

    head = ["(module\n"]
    for i in range(len(TYPES)):
        head.append(f"  (type $t{i} (func{sig(i)}))\n")
    for module, name, ty in IMPORTS:
        head.append(f'  (import "{module}" "{name}" (func ${name} (type $t{ty})))\n')
    head.append(f"  (memory $mem {MEMORY_PAGES})\n")
    head.append(f"  (global $__stack_pointer (mut i32) (i32.const {STACK_TOP}))\n")
    head.append(f"  (table $tab {TABLE_SIZE} funcref)\n")
    written = sum(len(s) for s in head)

    # Functions, each calling imports or functions already written (any of them: calls may recurse).
    callees = [(f"${name}", ty) for _, name, ty in IMPORTS]
    body = []
    index = 0
    tail_reserve = 4096  # the table, exports and data written after the functions
    while written + tail_reserve < args.size:
        ty = rng.below(len(TYPES))
        chunk = []
        Func(rng, index, ty, callees + [(f"$f{index}", ty)], chunk).write()
        callees.append((f"$f{index}", ty))
        if len(callees) > 256:  # keep the candidate list small: recent functions and the imports
            del callees[len(IMPORTS)]
        text = "".join(chunk)
        body.append(text)
        written += len(text)
        index += 1

    tail = []
    elems = [f"$f{i * max(1, index // TABLE_SIZE) % max(index, 1)}" for i in range(min(TABLE_SIZE, index))]
    lines = "\n".join("    " + " ".join(elems[i : i + 16]) for i in range(0, len(elems), 16))
    tail.append(f"  (elem (i32.const 0) func\n{lines})\n")
    for i in range(0, index, max(1, index // 64)):
        tail.append(f'  (export "f{i}" (func $f{i}))\n')
    tail.append('  (export "memory" (memory $mem))\n')
    for i in range(16):
        text = "".join(chr(0x61 + rng.below(26)) for _ in range(24 + rng.below(40)))
        tail.append(f'  (data (i32.const {1024 + 256 * i}) "{text}\\00")\n')
    tail.append(")\n")

    with open(args.out, "w", encoding="ascii", newline="\n") as f:
        f.writelines(head)
        f.writelines(body)
        f.writelines(tail)
    print(f"{args.out}: {index} functions, {written + sum(len(s) for s in tail)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
