// Builds the extension: copies the TextMate grammar and language configuration from grammar/textmate
// (they are maintained there, for every editor) and bundles src/extension.ts with its dependencies
// into dist/extension.js, so the package ships no node_modules.
//
//   node build.mjs                 development build (with a source map)
//   node build.mjs --production    the build that goes into the package (run by `vsce package`)
//   node build.mjs --package       `vsce package` into build/ (which runs the production build)
//
// RELWAT_GRAMMAR_DIR overrides the directory the grammar files are copied from.

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
for (const a of args) {
    if (!['--production', '--package'].includes(a)) {
        console.error(`build.mjs: unknown argument ${a}`);
        process.exit(2);
    }
}
const production = args.has('--production');

function fail(message) {
    console.error(`build.mjs: error: ${message}`);
    process.exit(1);
}

/** Parses a JSON file (the grammar files are plain JSON: VS Code reads them without comments). */
function readJson(file) {
    let text;
    try {
        text = readFileSync(file, 'utf8');
    } catch (e) {
        fail(`cannot read ${file}: ${e.message}`);
    }
    try {
        return JSON.parse(text);
    } catch (e) {
        fail(`${file} is not valid JSON: ${e.message}`);
    }
}

function copyGrammar() {
    const srcDir = resolve(process.env.RELWAT_GRAMMAR_DIR ?? join(here, '..', '..', 'grammar', 'textmate'));
    const grammar = join(srcDir, 'wat.tmLanguage.json');
    const config = join(srcDir, 'language-configuration.json');
    const g = readJson(grammar);
    if (g.scopeName !== 'source.wat') fail(`${grammar}: scopeName is ${JSON.stringify(g.scopeName)}, expected "source.wat"`);
    if (!Array.isArray(g.patterns)) fail(`${grammar}: no "patterns" array: not a TextMate grammar`);
    const c = readJson(config);
    if (typeof c !== 'object' || c === null || Array.isArray(c)) fail(`${config}: not a JSON object`);
    mkdirSync(join(here, 'syntaxes'), { recursive: true });
    copyFileSync(grammar, join(here, 'syntaxes', 'wat.tmLanguage.json'));
    copyFileSync(config, join(here, 'language-configuration.json'));
    console.log(`copied ${relative(here, grammar)} and ${relative(here, config)}`);
}

async function bundle() {
    const require = createRequire(import.meta.url);
    const esbuild = require('esbuild');
    rmSync(join(here, 'dist'), { recursive: true, force: true });
    const result = await esbuild.build({
        entryPoints: [join(here, 'src', 'extension.ts')],
        bundle: true,
        outfile: join(here, 'dist', 'extension.js'),
        // `vscode` is provided by the editor at run time.
        external: ['vscode'],
        format: 'cjs',
        platform: 'node',
        // The Node.js of VS Code 1.85's extension host.
        target: 'node18',
        sourcemap: production ? false : 'linked',
        // Half the size (the language client is most of it); names are kept so that stack traces
        // in bug reports still say which function failed.
        minify: production,
        keepNames: true,
        logLevel: 'warning',
        metafile: true,
    });
    writeNotices(result.metafile);
    console.log(`bundled dist/extension.js (${production ? 'production' : 'development'})`);
}

/**
 * The bundle contains code of npm packages (vscode-languageclient and its dependencies); their
 * licences ask that their notices travel with it: dist/THIRD-PARTY-NOTICES.txt.
 */
function writeNotices(metafile) {
    const packages = new Map();
    for (const input of Object.keys(metafile.inputs)) {
        const m = input.match(/^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//);
        if (!m) continue;
        const dir = join(here, m[1]);
        if (packages.has(dir)) continue;
        const pkg = readJson(join(dir, 'package.json'));
        const licenseFile = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
        if (!licenseFile) fail(`${pkg.name}@${pkg.version} is bundled but has no licence file to include`);
        packages.set(dir, { name: pkg.name, version: pkg.version, license: pkg.license, text: readFileSync(join(dir, licenseFile), 'utf8') });
    }
    const sections = [...packages.values()]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((p) => `${p.name} ${p.version} (${p.license})\n\n${p.text.trim()}\n`);
    const header = 'dist/extension.js includes the following npm packages, under these licences.\n';
    writeFileSync(join(here, 'dist', 'THIRD-PARTY-NOTICES.txt'), [header, ...sections].join(`\n${'='.repeat(78)}\n\n`));
}

function vscePackage() {
    const pkg = readJson(join(here, 'package.json'));
    mkdirSync(join(here, 'build'), { recursive: true });
    const out = join(here, 'build', `${pkg.name}-${pkg.version}.vsix`);
    rmSync(out, { force: true });
    const vsce = join(here, 'node_modules', '@vscode', 'vsce', 'vsce');
    // --no-dependencies: everything is bundled into dist/. --allow-missing-repository: the
    // repository has no public address yet; without it vsce stops to ask.
    try {
        execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', out], {
            cwd: here,
            // No input: vsce must never stop to ask.
            stdio: ['ignore', 'inherit', 'inherit'],
        });
    } catch {
        fail('vsce package failed (its messages are above)');
    }
    console.log(`packaged ${relative(here, out)}`);
}

if (args.has('--package')) {
    // vsce runs `vscode:prepublish` (the production build) itself before packaging.
    vscePackage();
} else {
    copyGrammar();
    await bundle();
}
