import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    assembleInvocation,
    formatCommandLine,
    InvocationError,
    outputPathFor,
    printInvocation,
    shellQuote,
    stringArraySetting,
} from '../lib/toolCommands';

describe('outputPathFor', () => {
    const cases: Array<[string, string, string]> = [
        ['/a/b/foo.wat', '.o', '/a/b/foo.o'],
        ['/a/my dir/x y.wat', '.o', '/a/my dir/x y.o'],
        ['/a/lib.v2.wat', '.o', '/a/lib.v2.o'],
        ['/a/noext', '.o', '/a/noext.o'],
        ['/a/.hidden', '.o', '/a/.hidden.o'],
        ['/a/b/foo.WAT', '.wasm', '/a/b/foo.wasm'],
        ['/foo.wat', '.o', '/foo.o'],
    ];
    for (const [input, ext, expected] of cases) {
        it(`${input} -> ${expected}`, () => assert.equal(outputPathFor(input, ext, 'linux'), expected));
    }

    it('uses Windows separators on Windows', () => {
        assert.equal(outputPathFor('C:\\Users\\me\\my project\\foo.wat', '.o', 'win32'), 'C:\\Users\\me\\my project\\foo.o');
        // On Linux a backslash is part of the name, not a separator.
        assert.equal(outputPathFor('/tmp/a\\b.wat', '.o', 'linux'), '/tmp/a\\b.o');
    });

    it('refuses something that is not a file name', () => {
        assert.throws(() => outputPathFor('/', '.o', 'linux'), InvocationError);
    });
});

describe('assembleInvocation', () => {
    it('writes NAME.o beside the input, without colour, with -- before the input', () => {
        const inv = assembleInvocation('/opt/relwat/wat2obj', '/w/my dir/-odd.wat', [], 'linux');
        assert.deepEqual(inv, {
            command: '/opt/relwat/wat2obj',
            args: ['--color', 'never', '-o', '/w/my dir/-odd.o', '--', '/w/my dir/-odd.wat'],
            output: '/w/my dir/-odd.o',
        });
    });

    it('passes feature flags first, including ones that take a value', () => {
        const inv = assembleInvocation('wat2obj', '/w/a.wat', ['--disable-all', '--enable', 'simd', '--enable-threads'], 'linux');
        assert.deepEqual(inv.args.slice(0, 4), ['--disable-all', '--enable', 'simd', '--enable-threads']);
        assert.equal(inv.output, '/w/a.o');
    });

    it('writes NAME.wasm with --module, as wat2obj does', () => {
        assert.equal(assembleInvocation('wat2obj', '/w/a.wat', ['--module'], 'linux').output, '/w/a.wasm');
    });

    it('rejects extra arguments that would change the output or the input', () => {
        const bad: Array<[string[], RegExp]> = [
            [['-o', 'x.o'], /contains "-o".*remove it/],
            [['--output', 'x.o'], /"--output"/],
            [['--output=x.o'], /"--output=x.o"/],
            [['-ox.o'], /"-ox.o"/],
            [['--color', 'always'], /without colour/],
            [['--color=always'], /without colour/],
            [['other.wat'], /"other.wat", which is not an option/],
            [['--enable'], /"--enable" needs a value/],
            [['--'], /may not contain "--"/],
        ];
        for (const [args, re] of bad) {
            assert.throws(() => assembleInvocation('wat2obj', '/w/a.wat', args, 'linux'), (e: unknown) => {
                assert.ok(e instanceof InvocationError, String(e));
                assert.match(e.message, re);
                return true;
            });
        }
    });

    it('refuses a relative input and an input that the output would overwrite', () => {
        assert.throws(() => assembleInvocation('wat2obj', 'a.wat', [], 'linux'), /absolute path/);
        assert.throws(() => assembleInvocation('wat2obj', '/w/a.o', [], 'linux'), /would overwrite the input/);
        assert.throws(() => assembleInvocation('wat2obj', '/w/a.wasm', ['--module'], 'linux'), /would overwrite/);
    });

    it('handles Windows paths on Windows', () => {
        const inv = assembleInvocation('C:\\relwat\\wat2obj.exe', 'C:\\w\\a b.wat', [], 'win32');
        assert.equal(inv.output, 'C:\\w\\a b.o');
        assert.deepEqual(inv.args.slice(-2), ['--', 'C:\\w\\a b.wat']);
        assert.throws(() => assembleInvocation('wat2obj', 'C:\\w\\a.wat', [], 'linux'), /absolute path/);
    });
});

describe('printInvocation', () => {
    it('prints to standard output', () => {
        assert.deepEqual(printInvocation('/bin/obj2wat', '/w/x y.o', 'linux'), {
            command: '/bin/obj2wat',
            args: ['-o', '-', '--', '/w/x y.o'],
            output: '-',
        });
        assert.throws(() => printInvocation('obj2wat', 'x.o', 'linux'), /absolute path/);
    });
});

describe('command lines for the log', () => {
    it('quotes only what a shell would misread', () => {
        assert.equal(shellQuote('/usr/bin/wat2obj'), '/usr/bin/wat2obj');
        assert.equal(shellQuote('--enable=simd'), '--enable=simd');
        assert.equal(shellQuote('my file.wat'), `'my file.wat'`);
        assert.equal(shellQuote("it's.wat"), `'it'\\''s.wat'`);
        assert.equal(shellQuote(''), `''`);
        assert.equal(shellQuote('$HOME'), `'$HOME'`);
        assert.equal(formatCommandLine('/a b/wat2obj', ['-o', '-']), `'/a b/wat2obj' -o -`);
    });
});

describe('stringArraySetting', () => {
    it('accepts arrays of strings and nothing', () => {
        assert.deepEqual(stringArraySetting('k', undefined), []);
        assert.deepEqual(stringArraySetting('k', null), []);
        assert.deepEqual(stringArraySetting('k', ['--a', 'b c']), ['--a', 'b c']);
    });
    it('explains anything else', () => {
        assert.throws(() => stringArraySetting('relwat.wat2obj.extraArgs', '--module'), /relwat.wat2obj.extraArgs must be an array of strings/);
        assert.throws(() => stringArraySetting('k', ['--a', 3]), InvocationError);
        assert.throws(() => stringArraySetting('k', { a: 1 }), InvocationError);
    });
});
