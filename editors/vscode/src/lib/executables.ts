// Finds relwat's executables (relwat-lsp, wat2obj, obj2wat) from a setting or by searching.
// No `vscode` import: the platform, environment and file checks come in as arguments, so the
// Windows rules can be tested on any machine.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export type Platform = NodeJS.Platform;

/** What the resolver may look at, passed in so tests control it. */
export interface ResolveContext {
    platform: Platform;
    /** The environment (PATH, PATHEXT, CARGO_HOME, variables for `${env:NAME}`). */
    env: Record<string, string | undefined>;
    homeDir?: string;
    /** The first workspace folder: base of relative settings and `${workspaceFolder}`. */
    workspaceFolder?: string;
    /** Directories searched first when the setting is empty (binaries shipped in the extension). */
    bundledDirs?: string[];
    /** Directories searched next (e.g. where the configured relwat-lsp lives: tools installed together). */
    adjacentDirs?: string[];
    /** File checks; defaults to the real file system. */
    files?: FileChecks;
}

export interface FileChecks {
    /** 'missing', 'directory', 'not-executable' or 'ok'. */
    check(file: string, platform: Platform): FileState;
}

export type FileState = 'missing' | 'directory' | 'not-executable' | 'ok';

export const realFiles: FileChecks = {
    check(file, platform) {
        let st: fs.Stats;
        try {
            st = fs.statSync(file);
        } catch {
            return 'missing';
        }
        if (st.isDirectory()) return 'directory';
        if (!st.isFile()) return 'not-executable';
        // Windows has no execute bit: a file with an executable extension is enough.
        if (platform === 'win32') return 'ok';
        try {
            fs.accessSync(file, fs.constants.X_OK);
            return 'ok';
        } catch {
            return 'not-executable';
        }
    },
};

export type Source = 'setting' | 'bundled' | 'adjacent' | 'PATH' | 'cargo';

export interface Resolved {
    path: string;
    source: Source;
    /** Something the user should know although a binary was found (e.g. a setting that was ignored). */
    warning?: string;
}

/** The tool could not be found, or the setting names something that cannot run. */
export class ToolNotFoundError extends Error {
    constructor(
        message: string,
        readonly tool: string,
        readonly settingKey: string,
        readonly searched: string[],
    ) {
        super(message);
        this.name = 'ToolNotFoundError';
    }
}

function pathApi(platform: Platform): path.PlatformPath {
    return platform === 'win32' ? path.win32 : path.posix;
}

/** True for `C:\...`, `C:/...`, `\\server\share` and any backslash: paths that only make sense on Windows. */
export function looksLikeWindowsPath(p: string): boolean {
    return /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\') || p.includes('\\');
}

/**
 * Expands `~`, `${userHome}`, `${workspaceFolder}` and `${env:NAME}` in a setting. Returns undefined
 * (with the reason) when a variable cannot be expanded, so that no half-expanded path is run.
 */
export function expandSetting(value: string, ctx: ResolveContext): { value?: string; problem?: string } {
    let problem: string | undefined;
    let out = value.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
        if (name === 'userHome') {
            if (ctx.homeDir) return ctx.homeDir;
            problem = 'the home directory is unknown';
        } else if (name === 'workspaceFolder') {
            if (ctx.workspaceFolder) return ctx.workspaceFolder;
            problem = '${workspaceFolder} is used but no folder is open';
        } else if (name.startsWith('env:')) {
            const v = ctx.env[name.slice(4)];
            if (v !== undefined) return v;
            problem = `environment variable ${name.slice(4)} is not set`;
        } else {
            problem = `unknown variable ${whole}`;
        }
        return whole;
    });
    if (out === '~' || out.startsWith('~/') || (ctx.platform === 'win32' && out.startsWith('~\\'))) {
        if (!ctx.homeDir) return { problem: 'the home directory is unknown' };
        out = ctx.homeDir + out.slice(1);
    }
    return problem ? { problem } : { value: out };
}

/** The file names a command may have: `name` on Unix; `name.exe` and the PATHEXT forms on Windows. */
export function candidateNames(name: string, ctx: ResolveContext): string[] {
    if (ctx.platform !== 'win32') return [name];
    const p = path.win32;
    if (p.extname(name) !== '') return [name];
    const exts = (ctx.env.PATHEXT ?? ctx.env.Pathext ?? '.COM;.EXE;.BAT;.CMD')
        .split(';')
        .map((e) => e.trim().toLowerCase())
        .filter((e) => e.startsWith('.'));
    // `.exe` first: the Rust binaries are .exe, and a stray `.bat` of the same name should not win.
    const ordered = ['.exe', ...exts.filter((e) => e !== '.exe')];
    return ordered.map((e) => name + e);
}

/** The absolute directories of PATH, in order, without duplicates. */
export function pathDirs(ctx: ResolveContext): string[] {
    const raw = ctx.env.PATH ?? ctx.env.Path ?? '';
    const sep = ctx.platform === 'win32' ? ';' : ':';
    const p = pathApi(ctx.platform);
    const dirs: string[] = [];
    for (let d of raw.split(sep)) {
        d = d.trim();
        if (ctx.platform === 'win32' && d.length >= 2 && d.startsWith('"') && d.endsWith('"')) d = d.slice(1, -1);
        // Empty and relative entries would resolve against whatever the current directory is (the
        // opened project): never run a binary from there. On Unix, `C:\bin` is such a relative entry.
        if (d === '' || !p.isAbsolute(d)) continue;
        if (ctx.platform !== 'win32' && looksLikeWindowsPath(d)) continue;
        if (!dirs.includes(d)) dirs.push(d);
    }
    return dirs;
}

/** `$CARGO_HOME/bin` or `~/.cargo/bin`: where `cargo install` puts relwat, often not on a GUI's PATH. */
export function cargoBinDir(ctx: ResolveContext): string | undefined {
    const p = pathApi(ctx.platform);
    const home = ctx.env.CARGO_HOME;
    if (home && p.isAbsolute(home)) return p.join(home, 'bin');
    if (ctx.homeDir) return p.join(ctx.homeDir, '.cargo', 'bin');
    return undefined;
}

function stateText(state: FileState): string {
    switch (state) {
        case 'missing':
            return 'no such file';
        case 'directory':
            return 'it is a directory';
        case 'not-executable':
            return 'it is not executable';
        case 'ok':
            return 'ok';
    }
}

/**
 * Resolves the executable `tool` from the setting `settingKey` (its value `setting`):
 *
 * - a non-empty setting is used as given (after expansion): an absolute path, a path relative to the
 *   workspace folder, or a bare command name looked up on PATH. When it does not name a runnable
 *   file the result is an error, not a silent fallback to another binary;
 * - except a Windows path on another platform (a setting synced from a Windows machine), which is
 *   ignored with a warning;
 * - an empty setting searches the bundled directories, the adjacent directories, PATH and cargo's
 *   bin directory, in that order.
 */
export function resolveTool(tool: string, settingKey: string, setting: unknown, ctx: ResolveContext): Resolved {
    const files = ctx.files ?? realFiles;
    const p = pathApi(ctx.platform);
    let warning: string | undefined;

    if (setting !== undefined && setting !== null && typeof setting !== 'string') {
        throw new ToolNotFoundError(`${settingKey} must be a string (a path), not ${typeof setting}`, tool, settingKey, []);
    }
    const raw = (setting ?? '').trim();
    if (raw !== '') {
        if (ctx.platform !== 'win32' && looksLikeWindowsPath(raw)) {
            warning = `${settingKey} ("${raw}") is a Windows path, ignored on ${ctx.platform}; searching for ${tool} instead`;
        } else {
            const { value, problem } = expandSetting(raw, ctx);
            if (value === undefined) {
                throw new ToolNotFoundError(`${settingKey} ("${raw}") cannot be used: ${problem}`, tool, settingKey, []);
            }
            const hasSeparator = value.includes('/') || (ctx.platform === 'win32' && value.includes('\\'));
            if (!hasSeparator && !p.isAbsolute(value)) {
                // A bare name such as "relwat-lsp-nightly": a command on PATH.
                const found = searchDirs(value, pathDirs(ctx), ctx, files);
                if (found) return { path: found, source: 'setting' };
                throw new ToolNotFoundError(
                    `${settingKey} is "${raw}", but no executable of that name is on PATH`,
                    tool,
                    settingKey,
                    pathDirs(ctx),
                );
            }
            let file = value;
            if (!p.isAbsolute(file)) {
                if (!ctx.workspaceFolder) {
                    throw new ToolNotFoundError(
                        `${settingKey} ("${raw}") is a relative path, but no folder is open to resolve it against`,
                        tool,
                        settingKey,
                        [],
                    );
                }
                file = p.resolve(ctx.workspaceFolder, file);
            }
            file = p.normalize(file);
            // On Windows `C:\relwat\relwat-lsp` may be written without `.exe`.
            for (const candidate of ctx.platform === 'win32' ? [file, ...candidateNames(file, ctx).filter((c) => c !== file)] : [file]) {
                if (files.check(candidate, ctx.platform) === 'ok') return { path: candidate, source: 'setting' };
            }
            const state = files.check(file, ctx.platform);
            throw new ToolNotFoundError(`${settingKey} is "${raw}", which cannot be run: ${stateText(state)} (${file})`, tool, settingKey, [file]);
        }
    }

    const searched: string[] = [];
    const groups: Array<[Source, string[]]> = [
        ['bundled', ctx.bundledDirs ?? []],
        ['adjacent', ctx.adjacentDirs ?? []],
        ['PATH', pathDirs(ctx)],
        ['cargo', [cargoBinDir(ctx)].filter((d): d is string => d !== undefined)],
    ];
    for (const [source, dirs] of groups) {
        const found = searchDirs(tool, dirs, ctx, files);
        if (found) return warning ? { path: found, source, warning } : { path: found, source };
        for (const d of dirs) if (!searched.includes(d)) searched.push(d);
    }
    const hint = warning ? `${warning}. ` : '';
    throw new ToolNotFoundError(
        `${hint}${tool} was not found: set ${settingKey} to its path, or put it on PATH ` +
            `(searched ${searched.length ? searched.join(', ') : 'nothing: PATH is empty'})`,
        tool,
        settingKey,
        searched,
    );
}

function searchDirs(name: string, dirs: string[], ctx: ResolveContext, files: FileChecks): string | undefined {
    const p = pathApi(ctx.platform);
    for (const dir of dirs) {
        for (const n of candidateNames(name, ctx)) {
            const file = p.join(dir, n);
            if (files.check(file, ctx.platform) === 'ok') return file;
        }
    }
    return undefined;
}

/** The context of the running process, for the extension (tests build their own). */
export function processContext(extra: Partial<ResolveContext> = {}): ResolveContext {
    return {
        platform: process.platform,
        env: process.env,
        homeDir: os.homedir(),
        ...extra,
    };
}
