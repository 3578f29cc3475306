// Parses what wat2obj and obj2wat print on standard error into structured diagnostics.
// No `vscode` import.
//
// Three shapes are recognised:
//
//   error: unknown function `$nope`            codespan (wat2obj's rendering of source errors):
//     ┌─ dir/file.wat:5:10                       header, primary location, source lines with
//     │                                           caret labels, then `= note:` / `= help:` lines
//   5 │     call $nope)
//     │          ^^^^^ no function has this id
//     = note: ...
//
//   file.wat:5:10: error: message              one line, as compilers print (and some wrappers)
//
//   wat2obj: error: cannot read `x.wat`: ...   a tool-level error with no location

export type Severity = 'bug' | 'error' | 'warning' | 'note' | 'help';

export interface Label {
    /** 1-based line of the source line the label underlines. */
    line: number;
    /** 1-based display column where the underline starts (tabs count as the renderer drew them). */
    displayColumn: number;
    /** Length of the underline in display columns. */
    width: number;
    message: string;
    primary: boolean;
}

export interface ToolDiagnostic {
    severity: Severity;
    message: string;
    code?: string;
    /** The file as the tool printed it (relative to the tool's working directory, or absolute). */
    file?: string;
    /** 1-based line and column (in characters, i.e. Unicode scalar values) of the primary location. */
    line?: number;
    column?: number;
    /** Caret labels under the source lines (primary `^^^` and secondary `---`). */
    labels: Label[];
    /** `= note: ...` and `= help: ...` lines, without the `= `. */
    notes: string[];
}

const HEADER = /^(bug|error|warning|note|help)(?:\[([^\]]+)\])?: (.*)$/;
// `┌─` in Unicode rendering, `-->` (and `┌──` for wide gutters) elsewhere. The file may itself
// contain colons (`C:\x.wat`), so the line and column are taken from the end.
const LOCATION = /^\s*(?:┌─+|-->|--)\s*(.+):(\d+):(\d+)\s*$/;
const SOURCE_LINE = /^\s*(\d+)\s*[│|](.*)$/;
const GUTTER_LINE = /^\s*[│|·:](.*)$/;
const NOTE = /^\s*= (.*)$/;
const ONE_LINE = /^(.+?):(\d+):(\d+): (bug|error|warning|note|help)(?:\[([^\]]+)\])?: (.*)$/;
const TOOL_LINE = /^([A-Za-z0-9_.-]+): (bug|error|warning|note|help): (.*)$/;
// ANSI colour codes, in case a wrapper forces colour on.
const ANSI = /\x1b\[[0-9;]*m/g;

export function parseToolOutput(text: string): ToolDiagnostic[] {
    const lines = text.replace(ANSI, '').split(/\r?\n/);
    const out: ToolDiagnostic[] = [];
    let cur: ToolDiagnostic | undefined;
    // The source line number that the next caret line refers to, and where its text starts in the
    // rendered line (so caret columns can be made relative to the source text).
    let lastSourceLine: number | undefined;
    let sourceTextStart = 0;
    let lastNote = false;

    for (const line of lines) {
        let m: RegExpMatchArray | null;
        if ((m = line.match(ONE_LINE)) && !line.startsWith(' ')) {
            cur = undefined;
            out.push({
                severity: m[4] as Severity,
                code: m[5],
                message: m[6],
                file: m[1],
                line: Number(m[2]),
                column: Number(m[3]),
                labels: [],
                notes: [],
            });
            continue;
        }
        if ((m = line.match(TOOL_LINE))) {
            cur = undefined;
            out.push({ severity: m[2] as Severity, message: m[3], labels: [], notes: [] });
            continue;
        }
        if ((m = line.match(HEADER))) {
            cur = { severity: m[1] as Severity, message: m[3], labels: [], notes: [] };
            if (m[2] !== undefined) cur.code = m[2];
            out.push(cur);
            lastSourceLine = undefined;
            lastNote = false;
            continue;
        }
        if (!cur) continue;
        if ((m = line.match(LOCATION))) {
            // The first location is the primary one; later ones belong to labels in other files.
            if (cur.file === undefined) {
                cur.file = m[1];
                cur.line = Number(m[2]);
                cur.column = Number(m[3]);
            }
            lastNote = false;
            continue;
        }
        if ((m = line.match(NOTE))) {
            cur.notes.push(m[1]);
            lastNote = true;
            continue;
        }
        if ((m = line.match(SOURCE_LINE))) {
            lastSourceLine = Number(m[1]);
            sourceTextStart = line.length - m[2].length + 1; // past the one space after the bar
            lastNote = false;
            continue;
        }
        if ((m = line.match(GUTTER_LINE))) {
            if (lastSourceLine !== undefined) {
                const rest = line.slice(line.length - m[1].length);
                cur.labels.push(...caretLabels(rest, line.length - m[1].length, sourceTextStart, lastSourceLine));
            }
            lastNote = false;
            continue;
        }
        if (line.trim() === '') {
            lastNote = false;
            continue;
        }
        // A note that wraps onto an indented line continues the note.
        if (lastNote && /^\s+\S/.test(line) && cur.notes.length) {
            cur.notes[cur.notes.length - 1] += ' ' + line.trim();
        }
    }
    return out;
}

/**
 * A caret line: runs of `^` (primary) or `-` (secondary) after the gutter, then the message of the
 * last run (`------ ^^^^^^ msg`: two labels, the message belongs to the `^` one). Lines that only
 * continue a label (`│` drawings, a message below its underline) give nothing.
 */
function caretLabels(rest: string, restStart: number, sourceTextStart: number, sourceLine: number): Label[] {
    const labels: Label[] = [];
    let i = 0;
    for (;;) {
        while (i < rest.length && rest[i] === ' ') i++;
        const ch = rest[i];
        if (ch !== '^' && ch !== '-') break;
        let j = i;
        while (j < rest.length && rest[j] === ch) j++;
        // `-1 is out of range` is a message, not an underline.
        if (j < rest.length && rest[j] !== ' ') break;
        const displayColumn = restStart + i - sourceTextStart + 1;
        if (displayColumn >= 1) {
            labels.push({ line: sourceLine, displayColumn, width: j - i, message: '', primary: ch === '^' });
        }
        i = j;
    }
    if (labels.length) labels[labels.length - 1].message = rest.slice(i).trim();
    return labels;
}

/** The primary label of a diagnostic (its underline on the primary location's line), if drawn. */
export function primaryLabel(d: ToolDiagnostic): Label | undefined {
    return d.labels.find((l) => l.primary && l.line === d.line);
}

/**
 * Converts a 1-based character column (Unicode scalar values, as codespan counts) on `lineText`
 * into a 0-based UTF-16 offset (as editors count). Columns past the end clamp to the line's end.
 */
export function charColumnToUtf16(lineText: string, column: number): number {
    let units = 0;
    let chars = 1;
    for (const ch of lineText) {
        if (chars >= column) return units;
        units += ch.length;
        chars++;
    }
    return units;
}

/**
 * The 0-based UTF-16 range [start, end) on `lineText` of a diagnostic at 1-based character `column`
 * with an underline `width` characters wide (at least one character; the end is clamped to the line).
 */
export function utf16Range(lineText: string, column: number, width: number): { start: number; end: number } {
    const start = charColumnToUtf16(lineText, column);
    const end = charColumnToUtf16(lineText, column + Math.max(1, width));
    return { start, end: Math.max(end, Math.min(start + 1, lineText.length)) };
}

/** One line for a notification: `file:line:col: error: message`. */
export function formatDiagnostic(d: ToolDiagnostic): string {
    const where = d.file !== undefined ? `${d.file}:${d.line}:${d.column}: ` : '';
    return `${where}${d.severity}: ${d.message}`;
}

/** "2 errors, 1 warning" (empty when there is nothing to count). */
export function summarize(ds: ToolDiagnostic[]): string {
    const errors = ds.filter((d) => d.severity === 'error' || d.severity === 'bug').length;
    const warnings = ds.filter((d) => d.severity === 'warning').length;
    const parts: string[] = [];
    if (errors) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
    if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
    return parts.join(', ');
}
