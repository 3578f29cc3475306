// Runs a tool and collects its output. No `vscode` import.

import { spawn } from 'child_process';

export interface RunResult {
    /** Exit code, or null when the process was ended by a signal. */
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
}

/** The tool could not be started at all (missing, not executable) or was cancelled. */
export class RunError extends Error {
    constructor(
        message: string,
        readonly cause?: unknown,
    ) {
        super(message);
        this.name = 'RunError';
    }
}

export interface RunOptions {
    cwd?: string;
    env?: Record<string, string | undefined>;
    /** Ends the process when aborted (the user cancelled). */
    signal?: AbortSignal;
    /** Ends the process after this many milliseconds. */
    timeoutMs?: number;
}

/**
 * Runs `command args` without a shell (paths with spaces or quotes pass through unchanged) and
 * resolves with its exit status and output, whatever the status. Rejects only when the process
 * cannot be started, is cancelled or times out.
 */
export function runTool(command: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
    return new Promise((resolve, reject) => {
        if (opts.signal?.aborted) {
            reject(new RunError('cancelled'));
            return;
        }
        const child = spawn(command, args, {
            cwd: opts.cwd,
            env: opts.env ?? process.env,
            stdio: ['ignore', 'pipe', 'pipe'],
            shell: false,
            windowsHide: true,
        });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        let settled = false;
        let why: string | undefined;
        const finish = (f: () => void) => {
            if (settled) return;
            settled = true;
            if (timer) clearTimeout(timer);
            opts.signal?.removeEventListener('abort', onAbort);
            f();
        };
        const onAbort = () => {
            why = 'cancelled';
            child.kill();
        };
        opts.signal?.addEventListener('abort', onAbort);
        const timer = opts.timeoutMs
            ? setTimeout(() => {
                  why = `timed out after ${opts.timeoutMs} ms`;
                  child.kill();
              }, opts.timeoutMs)
            : undefined;
        child.stdout.on('data', (b: Buffer) => out.push(b));
        child.stderr.on('data', (b: Buffer) => err.push(b));
        child.on('error', (e: NodeJS.ErrnoException) => {
            const reason =
                e.code === 'ENOENT'
                    ? 'no such file'
                    : e.code === 'EACCES'
                      ? 'permission denied (is it executable?)'
                      : e.message;
            finish(() => reject(new RunError(`cannot run ${command}: ${reason}`, e)));
        });
        child.on('close', (code, signal) => {
            finish(() => {
                if (why) reject(new RunError(`${command} ${why}`));
                else
                    resolve({
                        code,
                        signal,
                        stdout: Buffer.concat(out).toString('utf8'),
                        stderr: Buffer.concat(err).toString('utf8'),
                    });
            });
        });
    });
}
