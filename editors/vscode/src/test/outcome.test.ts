import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assembleOutcome, failureText, printOutcome } from '../lib/outcome';
import type { RunResult } from '../lib/run';

const run = (code: number | null, stderr = '', stdout = '', signal: NodeJS.Signals | null = null): RunResult => ({
    code,
    signal,
    stdout,
    stderr,
});

const ERR = `error: unknown function \`$nope\`
  ┌─ /w/my dir/a.wat:5:10
  │
5 │     call $nope)
  │          ^^^^^ no function has this id

error: unknown local \`$x\`
  ┌─ /w/my dir/a.wat:7:15
`;
const WARN = `warning: a start function is dropped by wasm-ld
   ┌─ /w/a.wat:13:3
`;

describe('assembleOutcome', () => {
    it('succeeds on status 0, counting warnings', () => {
        assert.deepEqual(assembleOutcome(run(0), '/w/a.wat', '/w/a.o'), { ok: true, diagnostics: [], message: 'Assembled a.wat to a.o' });
        const o = assembleOutcome(run(0, WARN), '/w/a.wat', '/w/a.o');
        assert.equal(o.ok, true);
        assert.equal(o.message, 'Assembled a.wat to a.o (1 warning)');
    });

    it('names the first error of status 1 with its position', () => {
        const o = assembleOutcome(run(1, ERR), '/w/my dir/a.wat', '/w/my dir/a.o');
        assert.equal(o.ok, false);
        assert.equal(o.diagnostics.length, 2);
        assert.equal(o.message, 'a.wat did not assemble (2 errors): a.wat:5:10: unknown function `$nope`');
    });

    it('reports usage and I/O errors (status 2) by their message', () => {
        const o = assembleOutcome(run(2, 'wat2obj: error: cannot write `/ro/a.o`: Permission denied (os error 13)\n'), '/ro/a.wat', '/ro/a.o');
        assert.equal(o.ok, false);
        assert.equal(o.message, 'error: cannot write `/ro/a.o`: Permission denied (os error 13)');
    });

    it('asks for a report on an internal error (status 3)', () => {
        const o = assembleOutcome(run(3, "thread 'main' panicked at src/x.rs:1:1\n"), '/w/a.wat', '/w/a.o');
        assert.match(o.message, /internal error: thread 'main' panicked.*please report it/);
    });

    it('says when the tool was killed or printed nothing', () => {
        assert.equal(assembleOutcome(run(null, '', '', 'SIGKILL'), '/w/a.wat', '/w/a.o').message, 'wat2obj was killed by SIGKILL');
        assert.equal(assembleOutcome(run(1), '/w/a.wat', '/w/a.o').message, 'wat2obj exited with status 1');
        // A signal wins over a zero status.
        assert.equal(assembleOutcome(run(0, '', '', 'SIGTERM'), '/w/a.wat', '/w/a.o').ok, false);
    });
});

describe('printOutcome', () => {
    it('returns the text of status 0 and counts warnings', () => {
        assert.deepEqual(printOutcome(run(0, '', '(module)\n')), { ok: true, diagnostics: [], text: '(module)\n', message: '' });
        const o = printOutcome(run(0, 'obj2wat: warning: x.o: a; the text will not re-assemble\nobj2wat: warning: x.o: b\n', '(module)\n'));
        assert.equal(o.message, 'obj2wat: 2 warnings');
        assert.equal(o.text, '(module)\n');
    });

    it('gives no text on failure', () => {
        const o = printOutcome(run(1, 'obj2wat: error: g.o: not a WebAssembly file (no `\\0asm` header)\n', 'partial'));
        assert.equal(o.ok, false);
        assert.equal(o.text, '');
        assert.equal(o.message, 'error: g.o: not a WebAssembly file (no `\\0asm` header)');
    });
});

describe('failureText', () => {
    it('is made of WAT line comments only and repeats nothing', () => {
        const t = failureText('/w/g.o', 'error: bad', 'error: bad\n\nmore detail\n');
        assert.equal(t, ';; obj2wat could not print /w/g.o:\n;; error: bad\n;; more detail\n');
        for (const l of t.trimEnd().split('\n')) assert.ok(l.startsWith(';; '), l);
    });
});
