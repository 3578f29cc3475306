import assert from 'node:assert/strict';
import * as path from 'path';
import { describe, it } from 'node:test';
import {
    candidateNames,
    cargoBinDir,
    expandSetting,
    looksLikeWindowsPath,
    pathDirs,
    resolveTool,
    ToolNotFoundError,
    type FileChecks,
    type FileState,
    type ResolveContext,
} from '../lib/executables';
import { tempDir, writeFile } from './helpers';

const KEY = 'relwat.server.path';

function linux(env: Record<string, string | undefined>, extra: Partial<ResolveContext> = {}): ResolveContext {
    return { platform: 'linux', env, homeDir: '/home/nobody-here', ...extra };
}

/** A file system of given files (path -> state), for the Windows rules. */
function fakeFiles(files: Record<string, FileState>): FileChecks & { asked: string[] } {
    const asked: string[] = [];
    return {
        asked,
        check(file) {
            asked.push(file);
            return files[file] ?? 'missing';
        },
    };
}

function expectNotFound(f: () => unknown, ...parts: (string | RegExp)[]): ToolNotFoundError {
    let caught: unknown;
    try {
        f();
    } catch (e) {
        caught = e;
    }
    assert.ok(caught instanceof ToolNotFoundError, `expected ToolNotFoundError, got ${String(caught)}`);
    for (const p of parts) {
        if (typeof p === 'string') assert.ok(caught.message.includes(p), `message ${JSON.stringify(caught.message)} lacks ${JSON.stringify(p)}`);
        else assert.match(caught.message, p);
    }
    return caught;
}

describe('PATH search on Linux (real files)', () => {
    it('finds an executable in a directory with spaces, after a missing directory', () => {
        const root = tempDir();
        const dir = path.join(root, 'my tools');
        const exe = writeFile(path.join(dir, 'relwat-lsp'), '#!/bin/sh\n', 0o755);
        const r = resolveTool('relwat-lsp', KEY, '', linux({ PATH: `/definitely/missing:${dir}` }));
        assert.deepEqual(r, { path: exe, source: 'PATH' });
    });

    it('skips a file that is not executable and a directory of the same name', () => {
        const root = tempDir();
        writeFile(path.join(root, 'a', 'relwat-lsp'), 'not a program', 0o644);
        writeFile(path.join(root, 'b', 'relwat-lsp', 'inside'), '', 0o755);
        const exe = writeFile(path.join(root, 'c', 'relwat-lsp'), '#!/bin/sh\n', 0o755);
        const PATH = ['a', 'b', 'c'].map((d) => path.join(root, d)).join(':');
        assert.equal(resolveTool('relwat-lsp', KEY, undefined, linux({ PATH })).path, exe);
    });

    it('never runs from relative, empty or Windows-style PATH entries', () => {
        const root = tempDir();
        // A binary in the "current directory" of a relative entry must not be found.
        writeFile(path.join(root, 'bin', 'relwat-lsp'), '#!/bin/sh\n', 0o755);
        const ctx = linux({ PATH: `bin::.:C:\\tools:${path.join(root, 'nothing')}` });
        const cwd = process.cwd();
        process.chdir(root);
        try {
            expectNotFound(() => resolveTool('relwat-lsp', KEY, '', ctx), 'relwat-lsp was not found', KEY);
        } finally {
            process.chdir(cwd);
        }
        assert.deepEqual(pathDirs(ctx), [path.join(root, 'nothing')]);
    });

    it('drops duplicate PATH entries and trims them', () => {
        assert.deepEqual(pathDirs(linux({ PATH: '/usr/bin: /usr/bin :/bin:/usr/bin' })), ['/usr/bin', '/bin']);
        assert.deepEqual(pathDirs(linux({})), []);
    });

    it('says what it searched when nothing is found', () => {
        const e = expectNotFound(
            () => resolveTool('wat2obj', 'relwat.wat2obj.path', '', linux({ PATH: '/nope/one:/nope/two' }, { bundledDirs: ['/ext/server'] })),
            'wat2obj was not found',
            'set relwat.wat2obj.path',
            '/nope/one',
            '/ext/server',
            '/home/nobody-here/.cargo/bin',
        );
        assert.deepEqual(e.searched, ['/ext/server', '/nope/one', '/nope/two', '/home/nobody-here/.cargo/bin']);
        assert.equal(e.settingKey, 'relwat.wat2obj.path');
    });

    it('says PATH is empty when there was nowhere to look', () => {
        expectNotFound(() => resolveTool('relwat-lsp', KEY, '', { platform: 'linux', env: {} }), 'PATH is empty');
    });

    it('prefers the bundled directory, then adjacent, then PATH, then cargo', () => {
        const root = tempDir();
        const mk = (d: string) => writeFile(path.join(root, d, 'obj2wat'), '#!/bin/sh\n', 0o755);
        const [bundled, adjacent, onPath, cargo] = ['bundled', 'adjacent', 'path', 'cargo/bin'].map(mk);
        const base = linux(
            { PATH: path.join(root, 'path'), CARGO_HOME: path.join(root, 'cargo') },
            { bundledDirs: [path.join(root, 'bundled')], adjacentDirs: [path.join(root, 'adjacent')] },
        );
        assert.deepEqual(resolveTool('obj2wat', 'k', '', base), { path: bundled, source: 'bundled' });
        assert.deepEqual(resolveTool('obj2wat', 'k', '', { ...base, bundledDirs: [] }), { path: adjacent, source: 'adjacent' });
        assert.deepEqual(resolveTool('obj2wat', 'k', '', { ...base, bundledDirs: [], adjacentDirs: [] }), {
            path: onPath,
            source: 'PATH',
        });
        assert.deepEqual(resolveTool('obj2wat', 'k', '', { ...base, bundledDirs: [], adjacentDirs: [], env: { CARGO_HOME: path.join(root, 'cargo') } }), {
            path: cargo,
            source: 'cargo',
        });
    });

    it('uses ~/.cargo/bin when CARGO_HOME is unset or relative', () => {
        assert.equal(cargoBinDir(linux({})), '/home/nobody-here/.cargo/bin');
        assert.equal(cargoBinDir(linux({ CARGO_HOME: 'rel/cargo' })), '/home/nobody-here/.cargo/bin');
        assert.equal(cargoBinDir(linux({ CARGO_HOME: '/opt/cargo' })), '/opt/cargo/bin');
        assert.equal(cargoBinDir({ platform: 'linux', env: {} }), undefined);
    });
});

describe('the path setting', () => {
    it('uses an absolute path with spaces as given', () => {
        const exe = writeFile(path.join(tempDir(), 'build dir', "relwat's lsp"), '#!/bin/sh\n', 0o755);
        assert.deepEqual(resolveTool('relwat-lsp', KEY, exe, linux({})), { path: exe, source: 'setting' });
        // Surrounding whitespace from a hand-edited settings.json does not matter.
        assert.equal(resolveTool('relwat-lsp', KEY, `  ${exe}\t`, linux({})).path, exe);
    });

    it('is an error, not a fallback, when it names a missing file', () => {
        const root = tempDir();
        writeFile(path.join(root, 'path', 'relwat-lsp'), '#!/bin/sh\n', 0o755);
        const missing = path.join(root, 'no such', 'relwat-lsp');
        const e = expectNotFound(
            () => resolveTool('relwat-lsp', KEY, missing, linux({ PATH: path.join(root, 'path') })),
            `${KEY} is "${missing}"`,
            'no such file',
        );
        assert.deepEqual(e.searched, [missing]);
    });

    it('reports a directory and a file without the execute bit', () => {
        const root = tempDir();
        writeFile(path.join(root, 'dir', 'x'), '');
        const plain = writeFile(path.join(root, 'relwat-lsp'), '#!/bin/sh\n', 0o644);
        expectNotFound(() => resolveTool('relwat-lsp', KEY, path.join(root, 'dir'), linux({})), 'it is a directory');
        expectNotFound(() => resolveTool('relwat-lsp', KEY, plain, linux({})), 'it is not executable');
    });

    it('expands ~, ${userHome}, ${workspaceFolder} and ${env:NAME}', () => {
        const root = tempDir();
        const exe = writeFile(path.join(root, 'target', 'release', 'relwat-lsp'), '#!/bin/sh\n', 0o755);
        const ctx = linux({ RELWAT_HOME: path.join(root, 'target') }, { homeDir: root, workspaceFolder: root });
        for (const setting of [
            '~/target/release/relwat-lsp',
            '${userHome}/target/release/relwat-lsp',
            '${workspaceFolder}/target/release/relwat-lsp',
            '${env:RELWAT_HOME}/release/relwat-lsp',
            'target/release/relwat-lsp',
            './target/../target/release/relwat-lsp',
        ]) {
            assert.equal(resolveTool('relwat-lsp', KEY, setting, ctx).path, exe, setting);
        }
    });

    it('explains a variable it cannot expand', () => {
        expectNotFound(() => resolveTool('relwat-lsp', KEY, '${workspaceFolder}/x', linux({})), 'no folder is open');
        expectNotFound(() => resolveTool('relwat-lsp', KEY, '${env:RELWAT_UNSET_VAR}/x', linux({})), 'RELWAT_UNSET_VAR is not set');
        expectNotFound(() => resolveTool('relwat-lsp', KEY, '${config:foo}/x', linux({})), 'unknown variable ${config:foo}');
        expectNotFound(() => resolveTool('relwat-lsp', KEY, 'target/relwat-lsp', linux({})), 'relative path', 'no folder is open');
        assert.deepEqual(expandSetting('~/x', { platform: 'linux', env: {} }), { problem: 'the home directory is unknown' });
        // `~user` is not expanded (only the current user's home is known).
        assert.deepEqual(expandSetting('~other/x', linux({})), { value: '~other/x' });
    });

    it('looks a bare command name up on PATH', () => {
        const root = tempDir();
        const exe = writeFile(path.join(root, 'relwat-lsp-nightly'), '#!/bin/sh\n', 0o755);
        assert.deepEqual(resolveTool('relwat-lsp', KEY, 'relwat-lsp-nightly', linux({ PATH: root })), { path: exe, source: 'setting' });
        expectNotFound(() => resolveTool('relwat-lsp', KEY, 'relwat-lsp-other', linux({ PATH: root })), 'no executable of that name is on PATH');
    });

    it('ignores a Windows path on Linux, with a warning, and searches instead', () => {
        const root = tempDir();
        const exe = writeFile(path.join(root, 'relwat-lsp'), '#!/bin/sh\n', 0o755);
        const setting = 'C:\\Program Files\\relwat\\relwat-lsp.exe';
        const r = resolveTool('relwat-lsp', KEY, setting, linux({ PATH: root }));
        assert.equal(r.path, exe);
        assert.equal(r.source, 'PATH');
        assert.match(r.warning ?? '', /is a Windows path, ignored on linux/);
        // With nothing to fall back on, the error says both things.
        expectNotFound(() => resolveTool('relwat-lsp', KEY, setting, linux({ PATH: '/nope' })), 'Windows path', 'was not found');
    });

    it('rejects a setting that is not a string', () => {
        expectNotFound(() => resolveTool('relwat-lsp', KEY, 42, linux({})), 'must be a string');
        expectNotFound(() => resolveTool('relwat-lsp', KEY, ['/bin/x'], linux({})), 'must be a string');
    });
});

describe('Windows rules (fake file system)', () => {
    const win = (env: Record<string, string>, files: FileChecks, extra: Partial<ResolveContext> = {}): ResolveContext => ({
        platform: 'win32',
        env,
        homeDir: 'C:\\Users\\me',
        files,
        ...extra,
    });

    it('searches PATH with ; and quoted entries, adding .exe', () => {
        const files = fakeFiles({ 'C:\\Program Files\\relwat\\relwat-lsp.exe': 'ok' });
        const r = resolveTool('relwat-lsp', KEY, '', win({ PATH: 'C:\\Windows;"C:\\Program Files\\relwat";relative\\dir', PATHEXT: '.COM;.EXE;.BAT' }, files));
        assert.deepEqual(r, { path: 'C:\\Program Files\\relwat\\relwat-lsp.exe', source: 'PATH' });
        assert.ok(!files.asked.some((f) => f.startsWith('relative')), 'relative PATH entries are not searched');
    });

    it('prefers .exe over other PATHEXT forms in the same directory', () => {
        const files = fakeFiles({ 'C:\\bin\\wat2obj.bat': 'ok', 'C:\\bin\\wat2obj.exe': 'ok' });
        assert.equal(resolveTool('wat2obj', 'k', '', win({ PATH: 'C:\\bin', PATHEXT: '.BAT;.EXE' }, files)).path, 'C:\\bin\\wat2obj.exe');
        assert.deepEqual(candidateNames('wat2obj', win({ PATHEXT: '.COM;.EXE' }, files)), ['wat2obj.exe', 'wat2obj.com']);
        assert.deepEqual(candidateNames('wat2obj.exe', win({}, files)), ['wat2obj.exe']);
    });

    it('accepts a setting without .exe, with either slash, and relative to the folder', () => {
        const files = fakeFiles({ 'C:\\relwat\\relwat-lsp.exe': 'ok', 'D:\\src\\relwat\\target\\release\\relwat-lsp.exe': 'ok' });
        assert.equal(resolveTool('relwat-lsp', KEY, 'C:\\relwat\\relwat-lsp', win({}, files)).path, 'C:\\relwat\\relwat-lsp.exe');
        assert.equal(resolveTool('relwat-lsp', KEY, 'C:/relwat/relwat-lsp.exe', win({}, files)).path, 'C:\\relwat\\relwat-lsp.exe');
        assert.equal(
            resolveTool('relwat-lsp', KEY, 'target\\release\\relwat-lsp', win({}, files, { workspaceFolder: 'D:\\src\\relwat' })).path,
            'D:\\src\\relwat\\target\\release\\relwat-lsp.exe',
        );
    });

    it('does not treat a Windows path as foreign on Windows', () => {
        expectNotFound(() => resolveTool('relwat-lsp', KEY, 'C:\\missing\\relwat-lsp.exe', win({}, fakeFiles({}))), 'cannot be run', 'no such file');
    });

    it('finds cargo installs under %USERPROFILE%\\.cargo\\bin', () => {
        const files = fakeFiles({ 'C:\\Users\\me\\.cargo\\bin\\obj2wat.exe': 'ok' });
        assert.deepEqual(resolveTool('obj2wat', 'k', '', win({ PATH: 'C:\\Windows' }, files)), {
            path: 'C:\\Users\\me\\.cargo\\bin\\obj2wat.exe',
            source: 'cargo',
        });
    });
});

describe('looksLikeWindowsPath', () => {
    it('recognises drive letters, UNC paths and backslashes only', () => {
        for (const p of ['C:\\x', 'c:/x', '\\\\server\\share\\x', 'dir\\file']) assert.ok(looksLikeWindowsPath(p), p);
        for (const p of ['/usr/bin/x', 'x', './C:/x', 'C:', 'relwat-lsp']) assert.ok(!looksLikeWindowsPath(p), p);
    });
});
