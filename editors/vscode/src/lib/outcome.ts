// What a run of wat2obj or obj2wat means for the user: success or failure, the diagnostics, and
// one line to show in a notification. No `vscode` import.

import * as path from 'path';
import { formatDiagnostic, parseToolOutput, summarize, type ToolDiagnostic } from './diagnostics';
import type { RunResult } from './run';

export interface Outcome {
    ok: boolean;
    /** Everything the tool reported on standard error, parsed. */
    diagnostics: ToolDiagnostic[];
    /** One line for a notification. */
    message: string;
}

function describeFailure(tool: string, r: RunResult, ds: ToolDiagnostic[]): string {
    if (r.signal) return `${tool} was killed by ${r.signal}`;
    const firstLine = r.stderr.split(/\r?\n/).find((l) => l.trim() !== '')?.trim();
    if (r.code === 3) {
        // wat2obj's status for a panic: worth a bug report, so say so.
        return `${tool} failed with an internal error${firstLine ? `: ${firstLine}` : ''} (please report it)`;
    }
    const first = ds.find((d) => d.severity === 'error' || d.severity === 'bug');
    if (first) return formatDiagnostic(first);
    return `${tool} exited with status ${r.code}${firstLine ? `: ${firstLine}` : ''}`;
}

/** wat2obj: exit 0 is success (warnings allowed), 1 errors in the input, 2 usage/I-O, 3 internal. */
export function assembleOutcome(r: RunResult, input: string, output: string): Outcome {
    const diagnostics = parseToolOutput(r.stderr);
    const inName = path.basename(input);
    const outName = path.basename(output);
    const counts = summarize(diagnostics);
    if (r.code === 0 && !r.signal) {
        return { ok: true, diagnostics, message: `Assembled ${inName} to ${outName}${counts ? ` (${counts})` : ''}` };
    }
    if (r.code === 1 && counts) {
        const first = diagnostics.find((d) => d.severity === 'error' || d.severity === 'bug');
        const where = first?.line !== undefined ? `:${first.line}:${first.column}` : '';
        return {
            ok: false,
            diagnostics,
            message: `${inName} did not assemble (${counts})${first ? `: ${inName}${where}: ${first.message}` : ''}`,
        };
    }
    return { ok: false, diagnostics, message: describeFailure('wat2obj', r, diagnostics) };
}

/** obj2wat: exit 0 with the text on standard output; warnings say what the text cannot express. */
export function printOutcome(r: RunResult): Outcome & { text: string } {
    const diagnostics = parseToolOutput(r.stderr);
    if (r.code === 0 && !r.signal) {
        const counts = summarize(diagnostics);
        return { ok: true, diagnostics, text: r.stdout, message: counts ? `obj2wat: ${counts}` : '' };
    }
    return { ok: false, diagnostics, text: '', message: describeFailure('obj2wat', r, diagnostics) };
}

/**
 * The text shown in place of an object that could not be printed: WAT comments, so the document is
 * still valid text and says why it is empty.
 */
export function failureText(objectPath: string, message: string, stderr: string): string {
    const lines = [`obj2wat could not print ${objectPath}:`, message];
    const rest = stderr
        .split(/\r?\n/)
        .map((l) => l.trimEnd())
        .filter((l) => l !== '' && l !== message);
    return [...lines, ...rest].map((l) => `;; ${l}`).join('\n') + '\n';
}
