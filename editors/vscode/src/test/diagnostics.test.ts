import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import {
    charColumnToUtf16,
    formatDiagnostic,
    parseToolOutput,
    primaryLabel,
    summarize,
    utf16Range,
} from '../lib/diagnostics';
import { repoRoot } from './helpers';

const SEVERAL = `error: unknown instruction \`i32.frobnicate\`
  ┌─ tests/diagnostics/several-errors.wat:7:5
  │
7 │     i32.frobnicate)
  │     ^^^^^^^^^^^^^^

error: unknown local \`$nope\`
  ┌─ tests/diagnostics/several-errors.wat:9:15
  │
9 │     local.get $nope)
  │               ^^^^^ no parameter or local has this id

error: integer constant out of range for i32
   ┌─ tests/diagnostics/several-errors.wat:11:15
   │
11 │     i32.const 99999999999)
   │               ^^^^^^^^^^^
`;

describe('codespan output', () => {
    it('reads each diagnostic with its location, underline and label', () => {
        const ds = parseToolOutput(SEVERAL);
        assert.equal(ds.length, 3);
        assert.deepEqual(
            ds.map((d) => [d.severity, d.message, d.file, d.line, d.column]),
            [
                ['error', 'unknown instruction `i32.frobnicate`', 'tests/diagnostics/several-errors.wat', 7, 5],
                ['error', 'unknown local `$nope`', 'tests/diagnostics/several-errors.wat', 9, 15],
                ['error', 'integer constant out of range for i32', 'tests/diagnostics/several-errors.wat', 11, 15],
            ],
        );
        assert.deepEqual(primaryLabel(ds[0]), { line: 7, displayColumn: 5, width: 14, message: '', primary: true });
        assert.deepEqual(primaryLabel(ds[1]), {
            line: 9,
            displayColumn: 15,
            width: 5,
            message: 'no parameter or local has this id',
            primary: true,
        });
        // A two-digit gutter shifts the drawing; the label's column must not move.
        assert.equal(primaryLabel(ds[2])?.displayColumn, 15);
        assert.equal(primaryLabel(ds[2])?.width, 11);
    });

    it('reads secondary labels, notes and help, and several labels on one line', () => {
        const text = `error: repeated visibility qualifier
  ┌─ a.wat:3:25
  │
3 │   (func $f (@sym hidden hidden) (result i32)
  │                  ------ ^^^^^^
  │                  │       
  │                  first given here
  │
  = help: qualifiers may not repeat; remove one

warning: function $f is listed in an element segment but has no \`functable\` relocation
   ┌─ a.wat:11:22
   │
10 │   (func $f)
   │         -- first defined here
11 │   (elem declare func $f)
   │                      ^^
   │
   = note: wasm-ld does not link element segments; a function enters
     the table through a \`functable\` relocation
`;
        const [a, b] = parseToolOutput(text);
        assert.deepEqual(
            a.labels.map((l) => [l.primary, l.line, l.displayColumn, l.width]),
            [
                [false, 3, 18, 6],
                [true, 3, 25, 6],
            ],
        );
        assert.deepEqual(a.notes, ['help: qualifiers may not repeat; remove one']);
        assert.equal(b.severity, 'warning');
        assert.deepEqual(b.labels[0], { line: 10, displayColumn: 9, width: 2, message: 'first defined here', primary: false });
        assert.equal(primaryLabel(b)?.displayColumn, 22);
        // The wrapped note is joined into one.
        assert.deepEqual(b.notes, [
            'note: wasm-ld does not link element segments; a function enters the table through a `functable` relocation',
        ]);
        assert.equal(summarize([a, b]), '1 error, 1 warning');
    });

    it('takes the line and column from the end of a path with colons and spaces', () => {
        const [d] = parseToolOutput('error: x\n  ┌─ C:\\Users\\me\\my project\\a:b.wat:12:3\n');
        assert.equal(d.file, 'C:\\Users\\me\\my project\\a:b.wat');
        assert.equal(d.line, 12);
        assert.equal(d.column, 3);
    });

    it('strips colour codes', () => {
        const coloured = '\x1b[1m\x1b[31merror\x1b[0m\x1b[1m: unknown function `$nope`\x1b[0m\n  \x1b[34m┌─\x1b[0m f.wat:5:10\n';
        const [d] = parseToolOutput(coloured);
        assert.equal(d.message, 'unknown function `$nope`');
        assert.equal(d.file, 'f.wat');
    });

    it('keeps the code of error[CODE] headers', () => {
        const [d] = parseToolOutput('warning[W001]: something\n  ┌─ f.wat:1:1\n');
        assert.equal(d.code, 'W001');
        assert.equal(d.severity, 'warning');
    });

    it('ignores text that is not a diagnostic', () => {
        assert.deepEqual(parseToolOutput(''), []);
        assert.deepEqual(parseToolOutput('some progress line\n  ┌─ f.wat:1:1\n'), []);
    });
});

describe('one-line and tool-level messages', () => {
    it('reads file:line:col: severity: message', () => {
        const ds = parseToolOutput('dir/my file.wat:3:17: warning: unused label\n/abs/x.wat:1:1: error[E1]: bad\n');
        assert.deepEqual(
            ds.map((d) => [d.file, d.line, d.column, d.severity, d.message, d.code]),
            [
                ['dir/my file.wat', 3, 17, 'warning', 'unused label', undefined],
                ['/abs/x.wat', 1, 1, 'error', 'bad', 'E1'],
            ],
        );
    });

    it('reads `tool: error: message` without a location', () => {
        const [d] = parseToolOutput('wat2obj: error: cannot read `missing.wat`: No such file or directory (os error 2)\n');
        assert.equal(d.severity, 'error');
        assert.equal(d.file, undefined);
        assert.equal(d.message, 'cannot read `missing.wat`: No such file or directory (os error 2)');
        assert.equal(formatDiagnostic(d), 'error: cannot read `missing.wat`: No such file or directory (os error 2)');
        const [w] = parseToolOutput('obj2wat: warning: x.o: a custom section; the text will not re-assemble to the same bytes');
        assert.equal(w.severity, 'warning');
    });

    it('formats a located diagnostic as compilers do', () => {
        const [d] = parseToolOutput(SEVERAL);
        assert.equal(formatDiagnostic(d), 'tests/diagnostics/several-errors.wat:7:5: error: unknown instruction `i32.frobnicate`');
    });
});

describe("the repository's diagnostic snapshots", () => {
    // tests/diagnostics/*.stderr are what wat2obj prints today: the parser must read all of them.
    const dir = path.join(repoRoot, 'tests', 'diagnostics');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.stderr'));

    it('has snapshots to read', () => assert.ok(files.length >= 5, `only ${files.length} snapshots in ${dir}`));

    for (const f of files) {
        it(f, () => {
            const text = fs.readFileSync(path.join(dir, f), 'utf8');
            const headers = text.split('\n').filter((l) => /^(error|warning|note|help|bug)(\[|:)/.test(l)).length;
            const ds = parseToolOutput(text);
            assert.equal(ds.length, headers);
            const wat = `tests/diagnostics/${f.replace(/\.stderr$/, '.wat')}`;
            const source = fs.readFileSync(path.join(repoRoot, wat), 'utf8').split('\n');
            for (const d of ds) {
                assert.equal(d.file, wat, d.message);
                assert.ok(d.line! >= 1 && d.line! <= source.length, `${d.message}: line ${d.line}`);
                assert.ok(d.column! >= 1, d.message);
                // The underline of the primary location starts at the reported column (the snapshots
                // have no tabs, so display columns are character columns).
                const p = primaryLabel(d);
                if (p) assert.equal(p.displayColumn, d.column, `${f}: ${d.message}`);
            }
            assert.ok(
                ds.some((d) => primaryLabel(d) !== undefined),
                `${f}: no primary underline was read`,
            );
        });
    }
});

describe('columns', () => {
    // wat2obj counts characters; VS Code counts UTF-16 code units.
    const line = '(module (data "😀é") (func call $nope))';

    it('converts character columns to UTF-16 offsets past astral characters', () => {
        assert.equal(charColumnToUtf16(line, 32), line.indexOf('$nope'));
        assert.equal(charColumnToUtf16(line, 1), 0);
        assert.equal(charColumnToUtf16(line, 16), line.indexOf('😀'));
        assert.equal(charColumnToUtf16(line, 17), line.indexOf('é'));
        assert.equal(charColumnToUtf16('abc', 99), 3);
    });

    it('builds a range of at least one character, clamped to the line', () => {
        assert.deepEqual(utf16Range(line, 32, 5), { start: 32, end: 37 });
        assert.deepEqual(utf16Range(line, 16, 1), { start: 15, end: 17 });
        assert.deepEqual(utf16Range('ab', 2, 0), { start: 1, end: 2 });
        assert.deepEqual(utf16Range('ab', 5, 3), { start: 2, end: 2 });
        assert.deepEqual(utf16Range('', 1, 1), { start: 0, end: 0 });
    });
});
