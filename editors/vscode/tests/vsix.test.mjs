// Checks the packaged extension (.vsix): its files and manifest, then loads the packaged bundle in
// Node.js with a stand-in `vscode` module (tests/vscode-mock.cjs) and drives it against the real
// relwat binaries: activation starts relwat-lsp from `relwat.server.path` over stdio, and the
// commands assemble, print and report errors.
//
//   RELWAT_VSIX         the package (default: build/relwat-VERSION.vsix)
//   RELWAT_BIN_DIR      directory of relwat-lsp, wat2obj and obj2wat (default: target/release)
//   RELWAT_GRAMMAR_DIR  where the grammar files were copied from (default: grammar/textmate)

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const extRoot = path.resolve(here, '..');
const repoRoot = path.resolve(extRoot, '..', '..');
const require = createRequire(import.meta.url);
const source = JSON.parse(fs.readFileSync(path.join(extRoot, 'package.json'), 'utf8'));
const vsix = path.resolve(process.env.RELWAT_VSIX ?? path.join(extRoot, 'build', `${source.name}-${source.version}.vsix`));
const binDir = path.resolve(process.env.RELWAT_BIN_DIR ?? path.join(repoRoot, 'target', 'release'));
const grammarDir = path.resolve(process.env.RELWAT_GRAMMAR_DIR ?? path.join(repoRoot, 'grammar', 'textmate'));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'relwat vsix '));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const unpacked = path.join(tmp, 'unpacked');
const ext = path.join(unpacked, 'extension');

/** Every file in the package, relative, with forward slashes. */
let files = [];

function walk(dir, base = dir) {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        return e.isDirectory() ? walk(p, base) : [path.relative(base, p).split(path.sep).join('/')];
    });
}

before(() => {
    assert.ok(fs.existsSync(vsix), `no package at ${vsix}`);
    // A .vsix is a zip; Python's zipfile is on every machine that has python3.
    execFileSync('python3', ['-m', 'zipfile', '-e', vsix, unpacked], { stdio: 'inherit' });
    files = walk(unpacked).sort();
});

const readJson = (rel) => JSON.parse(fs.readFileSync(path.join(ext, rel), 'utf8'));

describe('package contents', () => {
    it('holds exactly the bundle, grammar, configuration, manifest and documents', () => {
        assert.deepEqual(files, [
            '[Content_Types].xml',
            'extension.vsixmanifest',
            'extension/LICENSE.txt',
            'extension/changelog.md',
            'extension/dist/THIRD-PARTY-NOTICES.txt',
            'extension/dist/extension.js',
            'extension/language-configuration.json',
            'extension/package.json',
            'extension/readme.md',
            'extension/syntaxes/wat.tmLanguage.json',
        ]);
    });

    it('bundles its dependencies: the code requires only vscode and Node.js built-ins', () => {
        const js = fs.readFileSync(path.join(ext, 'dist', 'extension.js'), 'utf8');
        const required = new Set([...js.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]));
        const builtins = new Set(require('node:module').builtinModules);
        const foreign = [...required].filter((m) => m !== 'vscode' && !builtins.has(m.replace(/^node:/, '')));
        assert.deepEqual(foreign, []);
        assert.ok(required.has('vscode'));
        assert.ok(js.includes('relwat-lsp'), 'not the relwat bundle');
        const notices = fs.readFileSync(path.join(ext, 'dist', 'THIRD-PARTY-NOTICES.txt'), 'utf8');
        assert.match(notices, /^vscode-languageclient \d+\.\d+\.\d+ \(MIT\)$/m);
    });

    it('carries the grammar and language configuration from grammar/textmate unchanged', () => {
        const grammar = readJson('syntaxes/wat.tmLanguage.json');
        assert.equal(grammar.scopeName, 'source.wat');
        assert.ok(Array.isArray(grammar.patterns) && grammar.patterns.length > 0);
        assert.equal(
            fs.readFileSync(path.join(ext, 'syntaxes', 'wat.tmLanguage.json'), 'utf8'),
            fs.readFileSync(path.join(grammarDir, 'wat.tmLanguage.json'), 'utf8'),
        );
        const config = readJson('language-configuration.json');
        assert.equal(typeof config, 'object');
        assert.equal(
            fs.readFileSync(path.join(ext, 'language-configuration.json'), 'utf8'),
            fs.readFileSync(path.join(grammarDir, 'language-configuration.json'), 'utf8'),
        );
    });

    it('has a VSIX manifest naming the publisher, id and version', () => {
        const xml = fs.readFileSync(path.join(unpacked, 'extension.vsixmanifest'), 'utf8');
        assert.match(xml, new RegExp(`<Identity [^>]*Id="${source.name}"[^>]*Version="${source.version}"[^>]*Publisher="${source.publisher}"`));
        assert.match(xml, /Microsoft\.VisualStudio\.Code\.Engine" Value="\^1\.85\.0"/);
    });
});

describe('package.json manifest', () => {
    let m;
    before(() => {
        m = readJson('package.json');
    });

    it('identifies the extension and its engine', () => {
        assert.equal(m.name, 'relwat');
        assert.equal(m.publisher, 'relwat');
        assert.equal(m.version, source.version);
        assert.equal(m.engines.vscode, '^1.85.0');
        // @types/vscode must not be newer than the engine, or the code may use APIs the engine lacks.
        assert.equal(source.devDependencies['@types/vscode'], m.engines.vscode.slice(1));
        assert.equal(m.main, './dist/extension.js');
        assert.ok(files.includes('extension/dist/extension.js'));
        assert.ok(m.activationEvents.includes('onLanguage:wat'));
        // A printed object restored with the window needs the content provider.
        assert.ok(m.activationEvents.includes('onFileSystem:relwat-obj'));
    });

    it('registers the wat language for .wat only (not .wast)', () => {
        assert.deepEqual(m.contributes.languages.map((l) => l.id), ['wat']);
        const [lang] = m.contributes.languages;
        assert.deepEqual(lang.extensions, ['.wat']);
        assert.ok(files.includes(`extension/${path.posix.normalize(lang.configuration)}`), lang.configuration);
    });

    it('contributes the grammar for wat, pointing at an included file', () => {
        assert.equal(m.contributes.grammars.length, 1);
        const [g] = m.contributes.grammars;
        assert.equal(g.language, 'wat');
        assert.equal(g.scopeName, 'source.wat');
        assert.ok(files.includes(`extension/${path.posix.normalize(g.path)}`), g.path);
        assert.equal(readJson(g.path).scopeName, g.scopeName);
    });

    it('contributes the commands, and menus only for contributed commands', () => {
        const commands = new Map(m.contributes.commands.map((c) => [c.command, c]));
        assert.deepEqual([...commands.keys()].sort(), ['relwat.assemble', 'relwat.restartServer', 'relwat.showObject', 'relwat.showOutput']);
        assert.equal(commands.get('relwat.assemble').title, 'Assemble to Object');
        assert.equal(commands.get('relwat.showObject').title, 'Show Object as WAT');
        assert.equal(commands.get('relwat.restartServer').title, 'Restart Language Server');
        for (const c of commands.values()) assert.equal(c.category, 'relwat');
        for (const [menu, items] of Object.entries(m.contributes.menus)) {
            for (const i of items) assert.ok(commands.has(i.command), `${menu}: ${i.command}`);
        }
        const explorer = m.contributes.menus['explorer/context'];
        assert.ok(explorer.some((i) => i.command === 'relwat.showObject' && /resourceExtname == \.o\b/.test(i.when)));
        assert.ok(m.contributes.menus['editor/title'].some((i) => i.command === 'relwat.assemble' && /resourceLangId == wat/.test(i.when)));
    });

    it('declares the settings with their types and defaults', () => {
        const p = m.contributes.configuration.properties;
        const expect = {
            'relwat.server.path': ['string', ''],
            'relwat.server.extraArgs': ['array', []],
            'relwat.trace.server': ['string', 'off'],
            'relwat.wat2obj.path': ['string', ''],
            'relwat.wat2obj.extraArgs': ['array', []],
            'relwat.obj2wat.path': ['string', ''],
        };
        assert.deepEqual(Object.keys(p).sort(), Object.keys(expect).sort());
        for (const [k, [type, def]] of Object.entries(expect)) {
            assert.equal(p[k].type, type, k);
            assert.deepEqual(p[k].default, def, k);
            assert.ok(p[k].markdownDescription || p[k].description, `${k} has no description`);
        }
        assert.deepEqual(p['relwat.trace.server'].enum, ['off', 'messages', 'verbose']);
        // In untrusted workspaces VS Code must ignore workspace values of the settings that run programs.
        const restricted = m.capabilities.untrustedWorkspaces.restrictedConfigurations;
        for (const k of Object.keys(p)) if (k !== 'relwat.trace.server') assert.ok(restricted.includes(k), k);
    });
});

// An error after astral characters on its line: wat2obj counts characters, VS Code UTF-16 units.
const BAD_LINE = '    (drop (i32.const 0x1F600)) (; 😀é ;) call $nope))';
const BAD_TEXT = `(module\n  (func $f (result i32)\n${BAD_LINE}\n`;
const BAD_UTF16 = BAD_LINE.indexOf('$nope');
const BAD_CHAR_COLUMN = [...BAD_LINE.slice(0, BAD_UTF16)].length + 1;

/** Resolves when `check()` is truthy; fails after `ms`. */
async function until(what, check, ms = 20_000) {
    const t0 = Date.now();
    for (;;) {
        const v = await check();
        if (v) return v;
        if (Date.now() - t0 > ms) assert.fail(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 25));
    }
}

describe('the packaged extension, activated', () => {
    let vscode;
    let mock;
    let extension;
    const spawns = [];
    const work = path.join(tmp, 'work dir');
    const bin = path.join(tmp, 'relwat bin');
    const serverPath = path.join(bin, 'relwat-lsp');
    let savedEnv;

    before(async () => {
        for (const n of ['relwat-lsp', 'wat2obj', 'obj2wat']) {
            assert.ok(fs.existsSync(path.join(binDir, n)), `${n} is not built in ${binDir}`);
        }
        // The binaries in a directory with a space, found only through the setting (and beside it).
        fs.mkdirSync(bin);
        for (const n of ['relwat-lsp', 'wat2obj', 'obj2wat']) fs.symlinkSync(path.join(binDir, n), path.join(bin, n));
        savedEnv = { PATH: process.env.PATH, CARGO_HOME: process.env.CARGO_HOME };
        process.env.PATH = '/usr/bin:/bin';
        process.env.CARGO_HOME = path.join(tmp, 'no-cargo');
        fs.mkdirSync(work);

        const mockDir = path.join(unpacked, 'node_modules', 'vscode');
        fs.mkdirSync(mockDir, { recursive: true });
        fs.copyFileSync(path.join(here, 'vscode-mock.cjs'), path.join(mockDir, 'index.js'));
        vscode = require(path.join(mockDir, 'index.js'));
        mock = vscode.__mock;
        mock.config.set('relwat.server.path', serverPath);
        mock.config.set('relwat.trace.server', 'messages');

        // vscode-languageclient and the extension call child_process.spawn through the module object.
        const cp = require('node:child_process');
        const realSpawn = cp.spawn;
        cp.spawn = function (command, args, options) {
            const child = realSpawn.call(this, command, args, options);
            spawns.push({ command, args, options, child });
            return child;
        };
        extension = require(path.join(ext, 'dist', 'extension.js'));
        const context = { subscriptions: [], extensionPath: ext, extensionUri: vscode.Uri.file(ext), extensionMode: 3 };
        await extension.activate(context);
    });

    after(async () => {
        if (extension) await extension.deactivate();
        for (const s of spawns) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill();
        Object.assign(process.env, savedEnv);
    });

    const lspSpawns = () => spawns.filter((s) => path.basename(s.command) === 'relwat-lsp');
    const lastMessage = () => mock.messages[mock.messages.length - 1];

    it('starts relwat.server.path over stdio and registers the server features', async () => {
        await until('the hover provider', () => mock.registrations.some((r) => r.kind === 'HoverProvider'));
        const [s] = lspSpawns();
        assert.equal(s.command, serverPath);
        assert.deepEqual(s.args, []);
        assert.equal(s.options.env.RUST_BACKTRACE, '1');
        assert.equal(s.options.shell, undefined);
        for (const kind of ['DefinitionProvider', 'ReferenceProvider', 'RenameProvider', 'DocumentSymbolProvider', 'CompletionItemProvider', 'InlayHintsProvider', 'CodeActionsProvider']) {
            assert.ok(mock.registrations.some((r) => r.kind === kind), kind);
        }
        const hover = mock.registrations.find((r) => r.kind === 'HoverProvider');
        assert.deepEqual(
            hover.args[0].map((s) => `${s.language}:${s.scheme}`),
            ['wat:file', 'wat:untitled', 'wat:relwat-obj'],
        );
        const status = mock.statusItems.find((i) => i.id === 'relwat.server');
        await until('the status to show the version', () => /^relwat-lsp \d+\.\d+/.test(status.text));
        assert.equal(status.severity, vscode.LanguageStatusSeverity.Information);
        const log = mock.outputs.get('relwat Language Server').text;
        assert.match(log, /starting .*'.*relwat bin\/relwat-lsp' \(setting; activation\)/);
        // relwat.trace.server is the setting the client reads.
        assert.match(log, /Sending request 'initialize - \(0\)'/);
    });

    it('registers exactly the contributed commands and the relwat-obj content provider', () => {
        const contributed = readJson('package.json').contributes.commands.map((c) => c.command).sort();
        assert.deepEqual([...mock.commands.keys()].filter((k) => k.startsWith('relwat.')).sort(), contributed);
        assert.ok(mock.contentProviders.has('relwat-obj'));
    });

    it('assembles a file to NAME.o beside it', async () => {
        const input = path.join(work, 'hello.wat');
        fs.copyFileSync(path.join(repoRoot, 'examples', 'hello.wat'), input);
        await mock.commands.get('relwat.assemble')(vscode.Uri.file(input));
        assert.equal(lastMessage().text, 'relwat: Assembled hello.wat to hello.o');
        assert.deepEqual(lastMessage().items, ['Show Object as WAT']);
        assert.ok(fs.existsSync(path.join(work, 'hello.o')));
        const log = mock.outputs.get('relwat').text;
        assert.match(log, /\$ '.*relwat bin\/wat2obj' --color never -o '.*work dir\/hello\.o' -- '.*work dir\/hello\.wat'/);
    });

    it('assembles every file of an explorer selection, without waiting for notifications to close', async () => {
        mock.answer = () => new Promise(() => {});
        try {
            const a = path.join(work, 'sel a.wat');
            const b = path.join(work, 'sel b.wat');
            fs.writeFileSync(a, '(module (func $a))\n');
            fs.writeFileSync(b, '(module (func $b))\n');
            await mock.commands.get('relwat.assemble')(vscode.Uri.file(a), [vscode.Uri.file(a), vscode.Uri.file(b)]);
            assert.ok(fs.existsSync(path.join(work, 'sel a.o')));
            assert.ok(fs.existsSync(path.join(work, 'sel b.o')));
            assert.deepEqual(mock.messages.slice(-2).map((m) => m.text), [
                'relwat: Assembled sel a.wat to sel a.o',
                'relwat: Assembled sel b.wat to sel b.o',
            ]);
        } finally {
            mock.answer = () => undefined;
        }
    });

    it('shows an object as WAT on the relwat-obj scheme, which the server checks', async () => {
        const object = path.join(work, 'hello.o');
        await mock.commands.get('relwat.showObject')(vscode.Uri.file(object));
        const doc = vscode.window.activeTextEditor.document;
        assert.equal(doc.uri.scheme, 'relwat-obj');
        assert.equal(doc.uri.path, `${object}.wat`);
        assert.equal(doc.languageId, 'wat');
        assert.match(doc.getText(), /^\(module\n/);
        assert.match(doc.getText(), /\(@sym \$greeting \(size 15\)\)/);
        // The server got the document and found nothing wrong with obj2wat's text.
        const diags = await until('diagnostics for the printed object', () => mock.collections.get('relwat')?.get(doc.uri));
        assert.deepEqual(diags.map((d) => d.message), []);
    });

    it('prints the object again when it changes on disk', async () => {
        const object = path.join(work, 'hello.o');
        const doc = vscode.window.activeTextEditor.document;
        const watcher = mock.watchers.find((w) => w.pattern.pattern === 'hello.o' && !w.disposed);
        assert.ok(watcher, 'the object is watched');
        assert.equal(watcher.pattern.base, work);
        const input = path.join(work, 'hello.wat');
        fs.writeFileSync(input, fs.readFileSync(input, 'utf8').replace(/\)\s*$/, '\n  (func $added (result i32) i32.const 7))\n'));
        await mock.commands.get('relwat.assemble')(vscode.Uri.file(input));
        assert.match(lastMessage().text, /Assembled hello.wat/);
        watcher._emitters.onDidChange.fire(vscode.Uri.file(object));
        await until('the refreshed text', () => doc.getText().includes('$added'));
        assert.ok(fs.statSync(object).size > 0);
    });

    it('reports errors with their position, and leaves them to the running server', async () => {
        const input = path.join(work, 'bad.wat');
        fs.writeFileSync(input, BAD_TEXT);
        await mock.commands.get('relwat.assemble')(vscode.Uri.file(input));
        const m = lastMessage();
        assert.equal(m.level, 'error');
        assert.equal(m.text, `relwat: bad.wat did not assemble (1 error): bad.wat:3:${BAD_CHAR_COLUMN}: unknown function \`$nope\``);
        assert.deepEqual(m.items, ['Go to Error', 'Show Output']);
        assert.ok(!fs.existsSync(path.join(work, 'bad.o')));
        assert.equal(mock.collections.get('wat2obj').get(vscode.Uri.file(input)), undefined);
        // The server reports the same error once the file is open in an editor (the client pulls
        // the diagnostics of the documents in tabs).
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(input)));
        const diags = await until('the server diagnostics', () => mock.collections.get('relwat').get(vscode.Uri.file(input)));
        assert.deepEqual(
            diags.map((d) => [d.message, d.range.start.line, d.range.start.character]),
            [['unknown function `$nope`: no function has this id', 2, BAD_UTF16]],
        );
    });

    it('goes to the error from the notification', async () => {
        const input = path.join(work, 'bad.wat');
        mock.answer = (level, text, items) => (items.includes('Go to Error') ? 'Go to Error' : undefined);
        try {
            await mock.commands.get('relwat.assemble')(vscode.Uri.file(input));
            const editor = await until('the editor', () => vscode.window.activeTextEditor?.document.uri.fsPath === input && vscode.window.activeTextEditor);
            const sel = editor.options.selection;
            assert.deepEqual([sel.start.line, sel.start.character, sel.end.line, sel.end.character], [2, BAD_UTF16, 2, BAD_UTF16 + 5]);
        } finally {
            mock.answer = () => undefined;
        }
    });

    it('refuses an unsaved buffer and a printed object', async () => {
        await mock.commands.get('relwat.assemble')(vscode.Uri.parse('untitled:Untitled-1'));
        assert.equal(lastMessage().text, 'relwat: save the file before assembling it');
        await mock.commands.get('relwat.assemble')(vscode.Uri.parse('relwat-obj:/w/a.o.wat'));
        assert.match(lastMessage().text, /object shown as text/);
    });

    it('asks for an object when run without one', async () => {
        mock.openDialog = undefined;
        vscode.window.activeTextEditor = undefined;
        const before = mock.messages.length;
        await mock.commands.get('relwat.showObject')();
        assert.deepEqual(mock.openDialogOptions.filters['WebAssembly objects'], ['o']);
        assert.equal(mock.messages.length, before, 'cancelling the dialog is not an error');
    });

    it('reports an object that obj2wat cannot print', async () => {
        const bogus = path.join(work, 'bogus.o');
        fs.writeFileSync(bogus, 'not wasm');
        await mock.commands.get('relwat.showObject')(vscode.Uri.file(bogus));
        await until('the error', () => /not a WebAssembly file/.test(lastMessage().text));
        assert.equal(lastMessage().level, 'error');
    });

    it('restarts the server on the command', async () => {
        const n = lspSpawns().length;
        const first = lspSpawns()[n - 1].child;
        await mock.commands.get('relwat.restartServer')();
        assert.equal(lspSpawns().length, n + 1);
        await until('the old server to exit', () => first.exitCode !== null || first.signalCode !== null);
    });

    it('restarts when relwat.server.path changes, and explains a wrong path', async () => {
        const old = lspSpawns().at(-1).child;
        // The user leaves the notification open: nothing may wait for it.
        mock.answer = () => new Promise(() => {});
        const wrong = path.join(tmp, 'nowhere', 'relwat-lsp');
        mock.config.set('relwat.server.path', wrong);
        mock.events.onDidChangeConfiguration.fire({ affectsConfiguration: (k) => k === 'relwat.server.path' || k === 'relwat.server' || k === 'relwat' });
        const m = await until('the error about the setting', () => mock.messages.find((x) => x.text.includes(wrong)));
        assert.equal(m.level, 'error');
        assert.match(m.text, /relwat\.server\.path is ".*nowhere\/relwat-lsp", which cannot be run: no such file/);
        assert.deepEqual(m.items, ['Open Settings']);
        await until('the old server to exit', () => old.exitCode !== null || old.signalCode !== null);
        const status = mock.statusItems.find((i) => i.id === 'relwat.server');
        assert.equal(status.severity, vscode.LanguageStatusSeverity.Error);
        // Fixed while the notification is still open: the server starts again.
        const before = lspSpawns().length;
        mock.config.set('relwat.server.path', serverPath);
        mock.events.onDidChangeConfiguration.fire({ affectsConfiguration: (k) => k === 'relwat.server.path' });
        await until('the server to start again', () => lspSpawns().length === before + 1 && /^relwat-lsp \d/.test(status.text));
        mock.answer = () => undefined;
        // Broken again, for the tests that follow.
        mock.config.set('relwat.server.path', wrong);
        mock.events.onDidChangeConfiguration.fire({ affectsConfiguration: (k) => k === 'relwat.server.path' });
        await until('the server to stop', () => status.severity === vscode.LanguageStatusSeverity.Error);
        // A change of another setting does not restart.
        const n = lspSpawns().length;
        const errors = mock.messages.length;
        mock.events.onDidChangeConfiguration.fire({ affectsConfiguration: (k) => k === 'relwat.wat2obj.path' || k === 'relwat' });
        await new Promise((r) => setTimeout(r, 200));
        assert.equal(lspSpawns().length, n);
        assert.equal(mock.messages.length, errors);
    });

    it("puts wat2obj's errors into Problems while no server runs", async () => {
        const input = path.join(work, 'bad.wat');
        // wat2obj is still found: beside a configured server path only when it exists, so configure it.
        mock.config.set('relwat.wat2obj.path', path.join(bin, 'wat2obj'));
        await mock.commands.get('relwat.assemble')(vscode.Uri.file(input));
        const diags = mock.collections.get('wat2obj').get(vscode.Uri.file(input));
        assert.equal(diags.length, 1);
        const [d] = diags;
        assert.equal(d.source, 'wat2obj');
        assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
        // Worded as the language server words it.
        assert.equal(d.message, 'unknown function `$nope`: no function has this id');
        assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [2, BAD_UTF16, 2, BAD_UTF16 + 5]);
    });

    it('explains a wat2obj that cannot be found, naming the setting', async () => {
        mock.config.set('relwat.wat2obj.path', '');
        await mock.commands.get('relwat.assemble')(vscode.Uri.file(path.join(work, 'hello.wat')));
        const m = lastMessage();
        assert.match(m.text, /^relwat: wat2obj was not found: set relwat\.wat2obj\.path to its path, or put it on PATH \(searched .*\/usr\/bin/);
        assert.deepEqual(m.items, ['Open Settings']);
    });

    it('explains an obj2wat that cannot be found, naming the setting', async () => {
        mock.config.set('relwat.obj2wat.path', path.join(tmp, 'nowhere', 'obj2wat'));
        await mock.commands.get('relwat.showObject')(vscode.Uri.file(path.join(work, 'hello.o')));
        const m = lastMessage();
        assert.match(m.text, /^relwat: relwat\.obj2wat\.path is ".*nowhere\/obj2wat", which cannot be run: no such file/);
        assert.deepEqual(m.items, ['Open Settings']);
        mock.config.set('relwat.obj2wat.path', '');
    });

    it('stops the server on deactivation', async () => {
        mock.config.set('relwat.server.path', serverPath);
        await mock.commands.get('relwat.restartServer')();
        const child = lspSpawns().at(-1).child;
        await until('the server to run', () => /^relwat-lsp \d/.test(mock.statusItems.find((i) => i.id === 'relwat.server').text));
        await extension.deactivate();
        extension = undefined;
        await until('the server to exit', () => child.exitCode !== null || child.signalCode !== null);
        assert.equal(child.exitCode, 0);
    });
});
