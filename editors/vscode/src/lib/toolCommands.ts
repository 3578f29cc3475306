// Command lines of wat2obj and obj2wat, and where their output goes. No `vscode` import.

import * as path from 'path';
import type { Platform } from './executables';

export interface Invocation {
    command: string;
    args: string[];
    /** The file the tool writes ('-' for standard output). */
    output: string;
}

/** A problem with the user's extra arguments, reported before anything runs. */
export class InvocationError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'InvocationError';
    }
}

function pathApi(platform: Platform): path.PlatformPath {
    return platform === 'win32' ? path.win32 : path.posix;
}

/**
 * The output beside `input`: its extension replaced by `ext` (`foo.wat` -> `foo.o`), or `ext`
 * appended when it has none (`foo` -> `foo.o`, `.hidden` -> `.hidden.o`). Only the last extension
 * goes: `lib.v2.wat` -> `lib.v2.o`. This is what wat2obj does by default.
 */
export function outputPathFor(input: string, ext: string, platform: Platform = process.platform): string {
    const p = pathApi(platform);
    const parsed = p.parse(input);
    if (parsed.base === '') throw new InvocationError(`"${input}" is not a file name`);
    const stem = parsed.ext === '' ? parsed.base : parsed.name;
    return p.join(parsed.dir, stem + ext);
}

/** Settings of type array-of-strings arrive untyped; anything else is an error the user can fix. */
export function stringArraySetting(key: string, value: unknown): string[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        throw new InvocationError(`${key} must be an array of strings, e.g. ["--disable-all", "--enable-simd"]`);
    }
    return value as string[];
}

/** Options whose value is the next argument, to tell a flag's value from the input. */
const WAT2OBJ_VALUE_OPTIONS = new Set(['--enable', '--disable', '--color']);

/**
 * `wat2obj [extra...] --color never -o OUT -- INPUT`, OUT beside INPUT: `.o`, or `.wasm` when the
 * extra arguments ask for a plain module (as wat2obj's own default).
 *
 * The extra arguments come from `relwat.wat2obj.extraArgs` (feature flags, `--module`). They may not
 * name the output or an input: this command always assembles the file at hand into the file beside it.
 */
export function assembleInvocation(
    tool: string,
    input: string,
    extraArgs: string[],
    platform: Platform = process.platform,
): Invocation {
    const p = pathApi(platform);
    if (!p.isAbsolute(input)) throw new InvocationError(`the input must be an absolute path, not "${input}"`);
    let module = false;
    for (let i = 0; i < extraArgs.length; i++) {
        const a = extraArgs[i];
        if (a === '-o' || a === '--output' || a.startsWith('--output=') || (a.startsWith('-o') && a.length > 2)) {
            throw new InvocationError(
                `relwat.wat2obj.extraArgs contains "${a}": the output is always written beside the input; remove it`,
            );
        }
        if (a === '--color' || a.startsWith('--color=')) {
            throw new InvocationError(`relwat.wat2obj.extraArgs contains "${a}": the output is read without colour; remove it`);
        }
        if (a === '--') throw new InvocationError('relwat.wat2obj.extraArgs may not contain "--"');
        if (a === '--module') module = true;
        if (WAT2OBJ_VALUE_OPTIONS.has(a)) {
            if (i + 1 >= extraArgs.length) throw new InvocationError(`relwat.wat2obj.extraArgs: "${a}" needs a value`);
            i++;
            continue;
        }
        if (!a.startsWith('-')) {
            throw new InvocationError(`relwat.wat2obj.extraArgs contains "${a}", which is not an option; the input is the current file`);
        }
    }
    const output = outputPathFor(input, module ? '.wasm' : '.o', platform);
    if (output === p.normalize(input)) {
        // `foo.o` assembled to `foo.o` would overwrite the input.
        throw new InvocationError(`the output would overwrite the input ${input}`);
    }
    // `--` keeps an input named like an option (`-x.wat`) from being read as one.
    return { command: tool, args: [...extraArgs, '--color', 'never', '-o', output, '--', input], output };
}

/** `obj2wat OBJECT -o -`: the text on standard output, warnings on standard error. */
export function printInvocation(tool: string, object: string, platform: Platform = process.platform): Invocation {
    const p = pathApi(platform);
    if (!p.isAbsolute(object)) throw new InvocationError(`the object must be an absolute path, not "${object}"`);
    return { command: tool, args: ['-o', '-', '--', object], output: '-' };
}

/** A command line for the log, quoted as a POSIX shell would need it (so it can be pasted). */
export function formatCommandLine(command: string, args: string[]): string {
    return [command, ...args].map(shellQuote).join(' ');
}

export function shellQuote(s: string): string {
    if (s !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
    return `'${s.replace(/'/g, `'\\''`)}'`;
}
