// Settings -> how relwat-lsp is started and which documents it serves. No `vscode` import: the
// extension passes the results to vscode-languageclient unchanged.

import * as path from 'path';
import { resolveTool, type ResolveContext, type Resolved } from './executables';
import { stringArraySetting } from './toolCommands';

export const LANGUAGE_ID = 'wat';
/** Scheme of the read-only documents that show an object as text (see objectUri.ts). */
export const OBJECT_SCHEME = 'relwat-obj';
export const SERVER_NAME = 'relwat-lsp';

export const SETTINGS = {
    serverPath: 'relwat.server.path',
    serverExtraArgs: 'relwat.server.extraArgs',
    traceServer: 'relwat.trace.server',
    wat2objPath: 'relwat.wat2obj.path',
    wat2objExtraArgs: 'relwat.wat2obj.extraArgs',
    obj2watPath: 'relwat.obj2wat.path',
} as const;

/** The settings that decide how the server is started: a change to any of them restarts it. */
export const SERVER_RESTART_SETTINGS = [SETTINGS.serverPath, SETTINGS.serverExtraArgs];

/** The values of the `relwat.*` settings, as read from the configuration (untyped: users edit JSON). */
export interface Settings {
    serverPath?: unknown;
    serverExtraArgs?: unknown;
    wat2objPath?: unknown;
    wat2objExtraArgs?: unknown;
    obj2watPath?: unknown;
}

/**
 * vscode-languageclient's `Executable`. `transport` is left out on purpose: the client then talks
 * over the process's stdin/stdout without adding a `--stdio` argument, which relwat-lsp does not take.
 */
export interface ServerExecutable {
    command: string;
    args: string[];
    options: { env: Record<string, string | undefined>; cwd?: string };
}

export interface ServerLaunch {
    executable: ServerExecutable;
    resolved: Resolved;
}

/** Resolves relwat-lsp from the settings; throws ToolNotFoundError / InvocationError with a message for the user. */
export function serverLaunch(settings: Settings, ctx: ResolveContext): ServerLaunch {
    const resolved = resolveTool(SERVER_NAME, SETTINGS.serverPath, settings.serverPath, ctx);
    const args = stringArraySetting(SETTINGS.serverExtraArgs, settings.serverExtraArgs);
    const env: Record<string, string | undefined> = { ...ctx.env };
    // A panic then prints where it happened into the server's output channel.
    if (env.RUST_BACKTRACE === undefined) env.RUST_BACKTRACE = '1';
    const options: ServerExecutable['options'] = { env };
    if (ctx.workspaceFolder) options.cwd = ctx.workspaceFolder;
    return { executable: { command: resolved.path, args: [...args], options }, resolved };
}

/**
 * Where to look for wat2obj and obj2wat besides PATH: the directory of an explicitly configured
 * relwat-lsp, since the three binaries are built and installed together.
 */
export function adjacentDirs(settings: Settings, ctx: ResolveContext): string[] {
    try {
        const r = resolveTool(SERVER_NAME, SETTINGS.serverPath, settings.serverPath, ctx);
        if (r.source !== 'setting') return [];
        const p = ctx.platform === 'win32' ? path.win32 : path.posix;
        return [p.dirname(r.path)];
    } catch {
        return [];
    }
}

/** Resolves wat2obj or obj2wat from its setting, then beside the server, PATH and cargo's bin. */
export function resolveAssemblerTool(tool: 'wat2obj' | 'obj2wat', settings: Settings, ctx: ResolveContext): Resolved {
    const key = tool === 'wat2obj' ? SETTINGS.wat2objPath : SETTINGS.obj2watPath;
    const value = tool === 'wat2obj' ? settings.wat2objPath : settings.obj2watPath;
    return resolveTool(tool, key, value, { ...ctx, adjacentDirs: [...(ctx.adjacentDirs ?? []), ...adjacentDirs(settings, ctx)] });
}

/** The documents the server sees: WAT files on disk, unsaved WAT buffers, and printed objects. */
export function documentSelector(): Array<{ language: string; scheme: string }> {
    return [
        { language: LANGUAGE_ID, scheme: 'file' },
        { language: LANGUAGE_ID, scheme: 'untitled' },
        { language: LANGUAGE_ID, scheme: OBJECT_SCHEME },
    ];
}
