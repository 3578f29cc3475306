// Against the real relwat binaries: the command lines this extension builds must work with them,
// and what they print must parse. The binaries come from RELWAT_BIN_DIR, else target/release of
// this repository; when they are missing these tests are skipped, unless RELWAT_REQUIRE_BINARIES=1
// (editors/vscode/tests/run sets it after building them).

import assert from 'node:assert/strict';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { parseToolOutput, primaryLabel } from '../lib/diagnostics';
import { assembleOutcome, printOutcome } from '../lib/outcome';
import { runTool } from '../lib/run';
import { serverLaunch, resolveAssemblerTool } from '../lib/serverOptions';
import { assembleInvocation, printInvocation } from '../lib/toolCommands';
import { repoRoot, tempDir, writeFile } from './helpers';

const binDir = process.env.RELWAT_BIN_DIR ?? path.join(repoRoot, 'target', 'release');
const names = ['wat2obj', 'obj2wat', 'relwat-lsp'];
const missing = names.filter((n) => !fs.existsSync(path.join(binDir, n)));
if (missing.length && process.env.RELWAT_REQUIRE_BINARIES === '1') {
    throw new Error(`RELWAT_REQUIRE_BINARIES=1 but ${missing.join(', ')} missing in ${binDir}`);
}
const skip = missing.length ? `${missing.join(', ')} not built in ${binDir}` : false;

const BROKEN = '(module\n  (data "😀é") (func $f (result i32)\n    call $nope))\n';

/** Resolution as the extension does it, with relwat-lsp configured: the tools are found beside it. */
function settings() {
    return { serverPath: path.join(binDir, 'relwat-lsp') };
}
const ctx = (workspaceFolder?: string) => ({ platform: process.platform, env: { ...process.env, PATH: '' }, workspaceFolder });

describe('the wat2obj and obj2wat binaries', { skip }, () => {
    it('assembles hello.wat beside itself, in a directory with spaces, and prints it back', async () => {
        const dir = tempDir();
        const input = path.join(dir, 'my project', 'hello world.wat');
        writeFile(input, fs.readFileSync(path.join(repoRoot, 'examples', 'hello.wat'), 'utf8'));
        const wat2obj = resolveAssemblerTool('wat2obj', settings(), ctx());
        assert.equal(wat2obj.source, 'adjacent');
        const inv = assembleInvocation(wat2obj.path, input, []);
        const r = await runTool(inv.command, inv.args, { cwd: path.dirname(input), env: { ...process.env, NO_COLOR: '1' } });
        assert.equal(r.code, 0, r.stderr);
        const outcome = assembleOutcome(r, input, inv.output);
        assert.equal(outcome.ok, true);
        assert.equal(outcome.message, 'Assembled hello world.wat to hello world.o');
        assert.equal(inv.output, path.join(dir, 'my project', 'hello world.o'));
        assert.deepEqual([...fs.readFileSync(inv.output).subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d]);

        const obj2wat = resolveAssemblerTool('obj2wat', settings(), ctx());
        const pinv = printInvocation(obj2wat.path, inv.output);
        const p = printOutcome(await runTool(pinv.command, pinv.args));
        assert.equal(p.ok, true, p.message);
        assert.match(p.text, /^\(module\n/);
        assert.match(p.text, /\(@sym \$greeting \(size 15\)\)/);
    });

    it('writes NAME.wasm with --module', async () => {
        const input = writeFile(path.join(tempDir(), 'm.wat'), '(module (func (export "f")))\n');
        const inv = assembleInvocation(resolveAssemblerTool('wat2obj', settings(), ctx()).path, input, ['--module', '--disable-all']);
        const r = await runTool(inv.command, inv.args);
        assert.equal(r.code, 0, r.stderr);
        assert.ok(fs.existsSync(path.join(path.dirname(input), 'm.wasm')));
    });

    it("reports errors that parse into positions of the input, and leaves no output", async () => {
        const input = writeFile(path.join(tempDir(), 'sub dir', 'bad.wat'), BROKEN);
        const inv = assembleInvocation(resolveAssemblerTool('wat2obj', settings(), ctx()).path, input, []);
        const r = await runTool(inv.command, inv.args, { cwd: path.dirname(input) });
        assert.equal(r.code, 1);
        const o = assembleOutcome(r, input, inv.output);
        assert.equal(o.ok, false);
        assert.equal(o.diagnostics.length, 1);
        const [d] = o.diagnostics;
        assert.equal(d.file, input);
        assert.deepEqual([d.line, d.column], [3, 10]);
        assert.equal(primaryLabel(d)?.width, 5);
        assert.equal(o.message, 'bad.wat did not assemble (1 error): bad.wat:3:10: unknown function `$nope`');
        assert.ok(!fs.existsSync(inv.output), 'no output on error');
    });

    it('prints columns in characters, which the parser converts for the editor', async () => {
        const input = writeFile(path.join(tempDir(), 'u.wat'), '(module (data "😀é") (func call $nope))\n');
        const inv = assembleInvocation(resolveAssemblerTool('wat2obj', settings(), ctx()).path, input, []);
        const [d] = parseToolOutput((await runTool(inv.command, inv.args)).stderr);
        assert.equal(d.column, 32);
    });

    it('with colour forced on, still parses', async () => {
        const input = writeFile(path.join(tempDir(), 'c.wat'), BROKEN);
        const tool = resolveAssemblerTool('wat2obj', settings(), ctx()).path;
        const r = await runTool(tool, ['--color', 'always', '-o', '-', '--', input]);
        assert.ok(r.stderr.includes('\x1b['), 'colour codes expected');
        const [d] = parseToolOutput(r.stderr);
        assert.deepEqual([d.file, d.line, d.column], [input, 3, 10]);
    });

    it("reports a missing input as a tool error", async () => {
        const dir = tempDir();
        const inv = assembleInvocation(resolveAssemblerTool('wat2obj', settings(), ctx()).path, path.join(dir, 'gone.wat'), []);
        const o = assembleOutcome(await runTool(inv.command, inv.args), path.join(dir, 'gone.wat'), inv.output);
        assert.equal(o.ok, false);
        assert.match(o.message, /^error: cannot read .*gone\.wat/);
    });

    it('reports a file that is not an object', async () => {
        const bogus = writeFile(path.join(tempDir(), 'bogus.o'), 'not wasm');
        const inv = printInvocation(resolveAssemblerTool('obj2wat', settings(), ctx()).path, bogus);
        const o = printOutcome(await runTool(inv.command, inv.args));
        assert.equal(o.ok, false);
        assert.match(o.message, /not a WebAssembly file/);
    });

    it("the problem matcher's patterns read wat2obj's output", async () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
        const [matcher] = manifest.contributes.problemMatchers;
        const [head, loc] = matcher.pattern.map((p: { regexp: string }) => new RegExp(p.regexp));
        const input = writeFile(path.join(tempDir(), 'p.wat'), BROKEN);
        const r = await runTool(resolveAssemblerTool('wat2obj', settings(), ctx()).path, ['--color', 'never', '-o', '-', '--', input]);
        const lines = r.stderr.split('\n');
        const i = lines.findIndex((l) => head.test(l));
        assert.ok(i >= 0, r.stderr);
        const h = lines[i].match(head)!;
        assert.equal(h[matcher.pattern[0].severity], 'error');
        assert.equal(h[matcher.pattern[0].message], 'unknown function `$nope`');
        // A multi-line matcher's patterns match consecutive lines.
        const l = lines[i + 1].match(loc)!;
        assert.ok(l, lines[i + 1]);
        assert.deepEqual([l[matcher.pattern[1].file], l[matcher.pattern[1].line], l[matcher.pattern[1].column]], [input, '3', '10']);
    });
});

/** Frames and unframes LSP messages on a child process's stdio. */
class LspPipe {
    private buf = Buffer.alloc(0);
    private waiters: Array<(m: any) => void> = [];
    private queue: any[] = [];
    constructor(private readonly child: ReturnType<typeof spawn>) {
        child.stdout!.on('data', (b: Buffer) => {
            this.buf = Buffer.concat([this.buf, b]);
            for (;;) {
                const end = this.buf.indexOf('\r\n\r\n');
                if (end < 0) return;
                const len = Number(/Content-Length: (\d+)/i.exec(this.buf.subarray(0, end).toString())![1]);
                if (this.buf.length < end + 4 + len) return;
                const msg = JSON.parse(this.buf.subarray(end + 4, end + 4 + len).toString('utf8'));
                this.buf = this.buf.subarray(end + 4 + len);
                const w = this.waiters.shift();
                if (w) w(msg);
                else this.queue.push(msg);
            }
        });
    }
    send(msg: object): void {
        const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
        this.child.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
        this.child.stdin!.write(body);
    }
    next(): Promise<any> {
        const q = this.queue.shift();
        if (q) return Promise.resolve(q);
        return new Promise((resolve) => this.waiters.push(resolve));
    }
    /** The response to request `id`, skipping notifications and server requests. */
    async response(id: number): Promise<any> {
        for (;;) {
            const m = await this.next();
            if (m.id === id && !('method' in m)) return m;
        }
    }
    async notification(method: string): Promise<any> {
        for (;;) {
            const m = await this.next();
            if (m.method === method) return m;
        }
    }
}

describe('relwat-lsp as the extension starts it', { skip }, () => {
    it('answers initialize over stdio and publishes diagnostics', { timeout: 30_000 }, async () => {
        const folder = tempDir();
        const { executable } = serverLaunch({ serverPath: path.join(binDir, 'relwat-lsp') }, ctx(folder));
        // What vscode-languageclient does with an Executable without transport.
        const child = spawn(executable.command, executable.args, { ...executable.options, stdio: 'pipe' });
        let stderr = '';
        child.stderr.on('data', (b) => (stderr += b));
        const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
        const lsp = new LspPipe(child);
        try {
            lsp.send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
            const init = await lsp.response(1);
            assert.equal(init.result.serverInfo.name, 'relwat-lsp');
            const caps = init.result.capabilities;
            for (const c of ['hoverProvider', 'definitionProvider', 'referencesProvider', 'renameProvider', 'documentSymbolProvider', 'completionProvider', 'semanticTokensProvider', 'inlayHintProvider', 'codeActionProvider']) {
                assert.ok(caps[c], `${c} missing from ${JSON.stringify(caps)}`);
            }
            lsp.send({ method: 'initialized', params: {} });
            const uri = 'relwat-obj:/w/my%20dir/a.o.wat';
            lsp.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'wat', version: 1, text: BROKEN } } });
            let diags;
            do diags = await lsp.notification('textDocument/publishDiagnostics');
            while (diags.params.uri !== uri);
            assert.equal(diags.params.diagnostics.length, 1);
            assert.match(diags.params.diagnostics[0].message, /unknown function `\$nope`/);
            // Same place as wat2obj's 3:10 (0-based here).
            assert.deepEqual(diags.params.diagnostics[0].range.start, { line: 2, character: 9 });
            lsp.send({ id: 2, method: 'shutdown' });
            await lsp.response(2);
            lsp.send({ method: 'exit' });
            assert.equal(await exited, 0, stderr);
        } finally {
            child.kill();
        }
    });
});
