import assert from 'node:assert/strict';
import * as path from 'path';
import { describe, it } from 'node:test';
import { ToolNotFoundError, type ResolveContext } from '../lib/executables';
import {
    adjacentDirs,
    documentSelector,
    OBJECT_SCHEME,
    resolveAssemblerTool,
    SERVER_RESTART_SETTINGS,
    serverLaunch,
    SETTINGS,
} from '../lib/serverOptions';
import { InvocationError } from '../lib/toolCommands';
import { tempDir, writeFile } from './helpers';

const exe = (file: string) => writeFile(file, '#!/bin/sh\n', 0o755);

function ctx(env: Record<string, string | undefined> = {}, extra: Partial<ResolveContext> = {}): ResolveContext {
    return { platform: 'linux', env, homeDir: '/home/nobody-here', ...extra };
}

describe('serverLaunch', () => {
    it('runs the configured path with the extra arguments over stdio', () => {
        const server = exe(path.join(tempDir(), 'relwat build', 'relwat-lsp'));
        const { executable, resolved } = serverLaunch(
            { serverPath: server, serverExtraArgs: ['--log', 'a b'] },
            ctx({ PATH: '/usr/bin', HOME: '/h' }, { workspaceFolder: '/w/project' }),
        );
        assert.equal(executable.command, server);
        assert.deepEqual(executable.args, ['--log', 'a b']);
        assert.equal(executable.options.cwd, '/w/project');
        assert.equal(executable.options.env.PATH, '/usr/bin');
        assert.equal(executable.options.env.RUST_BACKTRACE, '1');
        // No transport: vscode-languageclient then uses stdio and adds no --stdio argument.
        assert.ok(!('transport' in executable));
        assert.equal(resolved.source, 'setting');
    });

    it("keeps the user's RUST_BACKTRACE and has no cwd without a folder", () => {
        const server = exe(path.join(tempDir(), 'relwat-lsp'));
        const { executable } = serverLaunch({ serverPath: server }, ctx({ RUST_BACKTRACE: '0' }));
        assert.equal(executable.options.env.RUST_BACKTRACE, '0');
        assert.equal(executable.options.cwd, undefined);
        assert.deepEqual(executable.args, []);
    });

    it('finds relwat-lsp on PATH when the setting is empty', () => {
        const dir = tempDir();
        const server = exe(path.join(dir, 'relwat-lsp'));
        assert.equal(serverLaunch({ serverPath: '' }, ctx({ PATH: dir })).executable.command, server);
    });

    it('fails with the setting to change when relwat-lsp is missing', () => {
        assert.throws(
            () => serverLaunch({}, ctx({ PATH: '/nope' })),
            (e: unknown) => e instanceof ToolNotFoundError && e.settingKey === SETTINGS.serverPath && /relwat-lsp was not found/.test(e.message),
        );
    });

    it('rejects extra arguments that are not strings', () => {
        const server = exe(path.join(tempDir(), 'relwat-lsp'));
        assert.throws(() => serverLaunch({ serverPath: server, serverExtraArgs: '--x' }, ctx()), InvocationError);
        assert.throws(() => serverLaunch({ serverPath: server, serverExtraArgs: [1] }, ctx()), /relwat.server.extraArgs must be an array of strings/);
    });
});

describe('wat2obj and obj2wat', () => {
    it('are found beside a configured relwat-lsp before PATH', () => {
        const root = tempDir();
        const server = exe(path.join(root, 'built', 'relwat-lsp'));
        const beside = exe(path.join(root, 'built', 'wat2obj'));
        exe(path.join(root, 'path', 'wat2obj'));
        const onPath = exe(path.join(root, 'path', 'obj2wat'));
        const c = ctx({ PATH: path.join(root, 'path') });
        assert.deepEqual(adjacentDirs({ serverPath: server }, c), [path.join(root, 'built')]);
        assert.deepEqual(resolveAssemblerTool('wat2obj', { serverPath: server }, c), { path: beside, source: 'adjacent' });
        // Not beside it: PATH.
        assert.deepEqual(resolveAssemblerTool('obj2wat', { serverPath: server }, c), { path: onPath, source: 'PATH' });
    });

    it('use their own setting first, and report it when it is wrong', () => {
        const root = tempDir();
        const mine = exe(path.join(root, 'mine', 'obj2wat'));
        const c = ctx({ PATH: '' });
        assert.equal(resolveAssemblerTool('obj2wat', { obj2watPath: mine }, c).path, mine);
        assert.throws(
            () => resolveAssemblerTool('wat2obj', { wat2objPath: path.join(root, 'nope') }, c),
            (e: unknown) => e instanceof ToolNotFoundError && e.settingKey === 'relwat.wat2obj.path' && /no such file/.test(e.message),
        );
    });

    it('do not look beside a server found on PATH (PATH is searched anyway)', () => {
        const dir = tempDir();
        exe(path.join(dir, 'relwat-lsp'));
        assert.deepEqual(adjacentDirs({}, ctx({ PATH: dir })), []);
        assert.deepEqual(adjacentDirs({ serverPath: '/missing/relwat-lsp' }, ctx()), []);
    });
});

describe('client settings', () => {
    it('serves WAT files, unsaved buffers and printed objects', () => {
        assert.deepEqual(documentSelector(), [
            { language: 'wat', scheme: 'file' },
            { language: 'wat', scheme: 'untitled' },
            { language: 'wat', scheme: OBJECT_SCHEME },
        ]);
    });

    it('restarts on the settings that change the process', () => {
        assert.deepEqual(SERVER_RESTART_SETTINGS, ['relwat.server.path', 'relwat.server.extraArgs']);
    });
});
