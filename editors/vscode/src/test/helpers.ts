// Shared by the unit tests: temporary directories and fake executables.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { after } from 'node:test';

const made: string[] = [];
after(() => {
    for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

/** A new temporary directory (removed after the test file), whose name has a space in it. */
export function tempDir(prefix = 'relwat vscode '): string {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    made.push(d);
    return d;
}

/** Writes a file, making its directory; `mode` 0o755 makes it executable. */
export function writeFile(file: string, text = '', mode = 0o644): string {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    fs.chmodSync(file, mode);
    return file;
}

/** A shell script that prints each of its arguments on a line, then `extra`. */
export function echoArgsScript(file: string, extra = ''): string {
    return writeFile(file, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done\n${extra}`, 0o755);
}

/** The repository's root (editors/vscode/out/test -> ../../../..). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
