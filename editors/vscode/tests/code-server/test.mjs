// End-to-end test of the packaged extension in the real VS Code workbench (code-server), driven
// through Chromium with the keyboard as a user would, and checked on what the page shows:
// highlighting, an error squiggle and the Problems panel, hovers with relocations, go to
// definition, Format Document, and the Assemble command writing an object. Prints `ok NAME` or
// `FAIL NAME: detail` per check, a screenshot per check, and a closing count; exits 1 on any
// failure or on the overall timeout. Run by ./run, which installs what it needs:
//
//   RELWAT_VSIX          the extension package
//   RELWAT_BIN_DIR       directory of relwat-lsp, wat2obj and obj2wat
//   RELWAT_CODE_SERVER   the code-server package directory (with out/node/entry.js)
//   RELWAT_NODE_DEPS     directory whose node_modules has puppeteer-core
//   RELWAT_SCREENSHOTS   where the screenshots go (emptied first)
//   CHROMIUM             the browser (default /usr/bin/chromium)

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const env = (name) => process.env[name] || (console.error(`test.mjs: ${name} is not set`), process.exit(2));
const vsix = env('RELWAT_VSIX');
const binDir = env('RELWAT_BIN_DIR');
const codeServer = path.join(env('RELWAT_CODE_SERVER'), 'out', 'node', 'entry.js');
const shots = env('RELWAT_SCREENSHOTS');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const puppeteer = createRequire(path.join(env('RELWAT_NODE_DEPS'), 'package.json'))('puppeteer-core');

const TOTAL_MS = 5 * 60_000; // the whole test
const WAIT_MS = 30_000; // one wait for the page (the language server's first answer included)

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'relwat-code-server-'));
const ws = path.join(tmp, 'workspace');
const userData = path.join(tmp, 'user-data');
const extensions = path.join(tmp, 'extensions');
const log = path.join(tmp, 'code-server.log');

const hello = `(module
  (import "env" "puts" (func $puts (param i32) (result i32)))
  (import "env" "__linear_memory" (memory 1))
  (data (i32.const 0) (@sym $msg (size 3)) "hi\\00")
  (func $main (export "main") (result i32)
     (call $puts (i32.const 0 (@reloc data $msg))))
  (func $bad (drop (call $missing))))
`;
const badIndent = '(module\n(func $f (result i32)\n        (i32.const 1)))\n';
const goodIndent = '(module\n  (func $f (result i32)\n    (i32.const 1)))\n';

fs.mkdirSync(ws, { recursive: true });
fs.writeFileSync(path.join(ws, 'hello.wat'), hello);
fs.writeFileSync(path.join(ws, 'indent.wat'), badIndent);
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'relwat.server.path': path.join(binDir, 'relwat-lsp'),
    'relwat.wat2obj.path': path.join(binDir, 'wat2obj'),
    'relwat.obj2wat.path': path.join(binDir, 'obj2wat'),
    // Nothing that opens, pops up or phones out on its own.
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'chat.disableAIFeatures': true,
    // Typed text lands as typed; Format Document indents by 2 whatever the file had.
    'editor.autoClosingBrackets': 'never',
    'editor.autoClosingQuotes': 'never',
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'editor.suggestOnTriggerCharacters': false,
    'editor.detectIndentation': false,
    'editor.tabSize': 2,
}, null, 2));
fs.rmSync(shots, { recursive: true, force: true });
fs.mkdirSync(shots, { recursive: true });

// code-server (config, logs, state) and Chromium (crash reports) write under the XDG
// directories: keep them private.
const childEnv = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(tmp, 'config'),
    XDG_DATA_HOME: path.join(tmp, 'data'),
    XDG_CACHE_HOME: path.join(tmp, 'cache'),
};
const csArgs = ['--user-data-dir', userData, '--extensions-dir', extensions, '--config', path.join(tmp, 'config.yaml')];

let server; // code-server (its own process group: extension host and relwat-lsp go with it)
let browser;

/** Ends code-server and Chromium with all they started, and removes tmp; synchronous, for any exit. */
function cleanUp() {
    for (const pid of [server?.pid, browser?.process()?.pid]) {
        if (!pid) continue;
        try { process.kill(-pid, 'SIGKILL'); } catch { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
    }
    server = browser = undefined;
    fs.rmSync(tmp, { recursive: true, force: true });
}
process.on('exit', cleanUp);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(1));
setTimeout(() => {
    console.log(`FAIL timeout: the test took longer than ${TOTAL_MS / 1000} s`);
    process.exit(1);
}, TOTAL_MS).unref();

let passed = 0;
let failed = 0;
let page;

/** Runs one check; prints ok/FAIL and takes a screenshot either way. */
async function check(name, fn) {
    try {
        await fn();
        passed++;
        console.log(`ok   ${name}`);
    } catch (e) {
        failed++;
        console.log(`FAIL ${name}: ${e.message.split('\n')[0]}`);
    }
    const file = path.join(shots, `${String(passed + failed).padStart(2, '0')}-${name.replace(/\W+/g, '-')}.png`);
    await page.screenshot({ path: file }).then(() => console.log(`     screenshot ${file}`), () => {});
}

/** Polls fn (async, in Node) until it returns a truthy value, which it returns; fails after ms. */
async function poll(what, fn, ms = WAIT_MS) {
    const end = Date.now() + ms;
    let error;
    while (Date.now() < end) {
        const v = await fn().catch((e) => void (error = e));
        if (v) return v;
        await sleep(200);
    }
    throw new Error(`timed out waiting for ${what}${error ? ` (${error.message})` : ''}`);
}

/** Polls fn, run in the page with arg. */
const until = (what, fn, arg, ms) => poll(what, () => page.evaluate(fn, arg), ms);

/** Polls a file's text. */
const untilFile = (what, file, test) => poll(what, async () => test(fs.readFileSync(file, 'utf8')));

/** The text of the first visible element matching selector whose text matches re. */
function textOf(selector, re, ms) {
    return until(`${selector} showing ${re}`, ({ selector, source, flags }) => {
        const re = new RegExp(source, flags);
        return [...document.querySelectorAll(selector)]
            .find((el) => el.offsetParent !== null && re.test(el.textContent))?.textContent ?? null;
    }, { selector, source: re.source, flags: re.flags }, ms).catch(async (e) => {
        const shown = await page.$$eval(selector, (els) => els.filter((el) => el.offsetParent !== null)
            .map((el) => el.textContent.slice(0, 300))).catch(() => []);
        throw new Error(`${e.message}; shown: ${JSON.stringify(shown)}`);
    });
}

/** Presses a chord such as 'Control+Shift+KeyM'. */
async function keys(chord) {
    const parts = chord.split('+');
    for (const k of parts.slice(0, -1)) await page.keyboard.down(k);
    await page.keyboard.press(parts.at(-1));
    for (const k of parts.slice(0, -1).reverse()) await page.keyboard.up(k);
}

const quickInputRow = '.quick-input-widget .monaco-list-row';

/**
 * Types into the quick input once it is open, waits until the focused row (the one Enter takes)
 * is exactly label, and presses Enter. The list re-renders as results come in, so a row is never
 * clicked by position.
 */
async function pick(text, label) {
    await textOf('.quick-input-widget', /./);
    await page.keyboard.type(text, { delay: 10 });
    await until(`the quick input's focused row to be "${label}"`, ({ row, label }) =>
        document.querySelector(`${row}.focused .label-name`)?.textContent.replace(/\u00a0/g, ' ') === label,
    { row: quickInputRow, label }).catch(async (e) => {
        const rows = await page.$$eval(quickInputRow, (rs) => rs.map((r) => (r.classList.contains('focused') ? '*' : '') + r.textContent));
        throw new Error(`${e.message}; rows: ${JSON.stringify(rows)}`);
    });
    await keys('Enter');
}

/** Runs a command from the command palette by its title as shown there. */
async function command(title) {
    await keys('F1');
    await pick(title, title);
}

const editor = '.part.editor .editor-group-container.active .monaco-editor';

/** Opens a workspace file with Quick Open and waits for its text. */
async function openFile(name) {
    await keys('Control+KeyP');
    await pick(name, name);
    await textOf('.part.editor .tab.active', new RegExp(name.replace('.', '\\.')));
    await textOf(`${editor} .view-lines`, /\(module/);
}

/** The lines the editor shows, top to bottom. */
function editorLines() {
    return page.evaluate((editor) => [...document.querySelectorAll(`${editor} .view-lines .view-line`)]
        .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
        .map((l) => l.textContent.replace(/\u00a0/g, ' ')), editor);
}

/**
 * Puts the cursor on the first `needle` of source line `line` (1-based) with Go to Line/Column,
 * after Escape closes what an earlier check left open (a hover).
 */
async function cursorTo(source, line, needle, offset = 1) {
    await keys('Escape');
    const col = source.split('\n')[line - 1].indexOf(needle) + 1 + offset;
    await keys('Control+KeyG');
    await textOf('.quick-input-widget', /./);
    await page.keyboard.type(`${line}:${col}`);
    await keys('Enter');
    await textOf('#status\\.editor\\.selection', new RegExp(`Ln ${line}, Col ${col}\\b`));
}

/** Shows the hover at the cursor (Show or Focus Hover: Ctrl+K Ctrl+I) and returns its text. */
async function hoverText(re) {
    await keys('Control+KeyK');
    await keys('Control+KeyI');
    return textOf('.monaco-hover', re);
}

try {
    const installed = spawn(process.execPath, [codeServer, ...csArgs, '--install-extension', vsix],
        { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let installOut = '';
    installed.stdout.on('data', (d) => (installOut += d));
    installed.stderr.on('data', (d) => (installOut += d));
    const code = await new Promise((r) => installed.on('close', r));
    if (code !== 0 || !/successfully installed/.test(installOut)) throw new Error(`--install-extension failed:\n${installOut}`);

    const out = fs.openSync(log, 'w');
    server = spawn(process.execPath, [codeServer, ...csArgs, '--bind-addr', '127.0.0.1:0', '--auth', 'none',
        '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'],
    { env: childEnv, stdio: ['ignore', out, out], detached: true });
    const url = await poll('code-server to listen', async () =>
        fs.readFileSync(log, 'utf8').match(/HTTP server listening on (http:\/\/127\.0\.0\.1:\d+\/)/)?.[1], 20_000);

    browser = await puppeteer.launch({
        executablePath: chromium,
        headless: true,
        userDataDir: path.join(tmp, 'chromium'),
        env: childEnv,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--window-size=1400,900'],
        defaultViewport: { width: 1400, height: 900 },
    });
    page = await browser.newPage();
    page.setDefaultTimeout(WAIT_MS);
    await page.goto(`${url}?folder=${encodeURIComponent(ws)}`);
    await textOf('.explorer-folders-view', /hello\.wat/, 60_000);

    await check('open hello.wat', () => openFile('hello.wat'));

    await check('highlighting', async () => {
        await until('three token colours or more', (editor) => new Set([...document
            .querySelectorAll(`${editor} .view-lines span[class*="mtk"]`)].map((s) => s.className)).size >= 3, editor);
    });

    await check('error squiggle', () => until('a .squiggly-error', (editor) => document.querySelector(`${editor} .squiggly-error`), editor));

    await check('Problems panel', async () => {
        await keys('Control+Shift+KeyM');
        await textOf('.markers-panel .monaco-list-row', /unknown function `\$missing`/);
        // Once: pulled diagnostics only (pushed ones too would be a second entry).
        await new Promise((r) => setTimeout(r, 1000));
        const rows = await page.$$eval('.markers-panel .monaco-list-row', (els) =>
            els.filter((el) => el.offsetParent !== null && /unknown function/.test(el.textContent)).length);
        if (rows !== 1) throw new Error(`the error is listed ${rows} times`);
        await keys('Control+Digit1');
    });

    await check('hover on $puts: R_WASM_FUNCTION_INDEX_LEB', async () => {
        await cursorTo(hello, 6, '$puts');
        await hoverText(/R_WASM_FUNCTION_INDEX_LEB/);
    });

    await check('hover on $msg: R_WASM_MEMORY_ADDR_SLEB', async () => {
        await cursorTo(hello, 6, '$msg');
        await hoverText(/R_WASM_MEMORY_ADDR_SLEB/);
    });

    await check('go to definition', async () => {
        await cursorTo(hello, 6, '$puts');
        await keys('F12');
        const col = hello.split('\n')[1].indexOf('$puts') + 1;
        await textOf('#status\\.editor\\.selection', new RegExp(`Ln 2, Col ${col}\\b`));
    });

    await check('Format Document', async () => {
        await openFile('indent.wat');
        await command('Format Document');
        const want = goodIndent.trimEnd();
        await poll('re-indented lines', async () => (await editorLines()).join('\n').trimEnd() === want).catch(async (e) => {
            throw new Error(`${e.message}; the editor shows ${JSON.stringify(await editorLines())}`);
        });
        await keys('Control+KeyS');
        await untilFile('indent.wat saved formatted', path.join(ws, 'indent.wat'), (t) => t === goodIndent);
    });

    await check('fix the error and save', async () => {
        await openFile('hello.wat');
        await cursorTo(hello, 7, '$missing');
        await keys('Control+Shift+ArrowRight');
        await page.keyboard.type('main');
        await keys('Control+KeyS');
        await untilFile('hello.wat saved', path.join(ws, 'hello.wat'), (t) => t.includes('(call $main)'));
        await until('no .squiggly-error', (editor) => !document.querySelector(`${editor} .squiggly-error`), editor);
    });

    await check('Assemble to Object writes hello.o', async () => {
        const object = path.join(ws, 'hello.o');
        await command('relwat: Assemble to Object');
        await poll('hello.o', async () => fs.existsSync(object) && fs.statSync(object).size > 8);
        const magic = fs.readFileSync(object).subarray(0, 4);
        if (!magic.equals(Buffer.from('\0asm', 'latin1'))) throw new Error(`hello.o starts with ${magic.toString('hex')}`);
        await textOf('.explorer-folders-view', /hello\.o/);
    });
} catch (e) {
    failed++;
    console.log(`FAIL setup: ${e.message}`);
    if (fs.existsSync(log)) console.log(fs.readFileSync(log, 'utf8').split('\n').slice(-20).join('\n'));
} finally {
    await browser?.close().catch(() => {});
    cleanUp();
}
console.log(`code-server: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
