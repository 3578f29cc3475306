import assert from 'node:assert/strict';
import * as path from 'path';
import { describe, it } from 'node:test';
import { RunError, runTool } from '../lib/run';
import { echoArgsScript, tempDir, writeFile } from './helpers';

describe('runTool', () => {
    it('passes arguments with spaces, quotes and $ through without a shell', async () => {
        const tool = echoArgsScript(path.join(tempDir(), 'tool dir', "it's a tool"));
        const args = ['-o', '-', '--', '/w/my file.wat', `a'b"c`, '$HOME', ''];
        const r = await runTool(tool, args);
        assert.equal(r.code, 0);
        assert.equal(r.signal, null);
        assert.deepEqual(r.stdout.split('\n').slice(0, -1), args);
    });

    it('returns the status and both streams of a failing run', async () => {
        const r = await runTool(process.execPath, ['-e', 'process.stdout.write("out"); process.stderr.write("é err\\n"); process.exit(3)']);
        assert.deepEqual(r, { code: 3, signal: null, stdout: 'out', stderr: 'é err\n' });
    });

    it('runs in the given directory with the given environment', async () => {
        const dir = tempDir();
        const r = await runTool(process.execPath, ['-e', 'console.log(process.cwd()); console.log(process.env.RELWAT_T)'], {
            cwd: dir,
            env: { RELWAT_T: 'x y' },
        });
        assert.deepEqual(r.stdout.trim().split('\n'), [dir, 'x y']);
    });

    it('collects large output completely', async () => {
        const r = await runTool(process.execPath, ['-e', 'process.stdout.write("x".repeat(5_000_000))']);
        assert.equal(r.stdout.length, 5_000_000);
    });

    it('rejects with a clear message when the tool is missing or not executable', async () => {
        const dir = tempDir();
        await assert.rejects(runTool(path.join(dir, 'missing tool'), []), (e: unknown) => {
            assert.ok(e instanceof RunError);
            assert.match(e.message, /^cannot run .*missing tool: no such file$/);
            return true;
        });
        const plain = writeFile(path.join(dir, 'plain'), '#!/bin/sh\n', 0o644);
        await assert.rejects(runTool(plain, []), /permission denied \(is it executable\?\)/);
    });

    it('ends the process when cancelled or out of time', async () => {
        const sleeper = ['-e', 'setTimeout(() => {}, 60000)'];
        const ac = new AbortController();
        const p = runTool(process.execPath, sleeper, { signal: ac.signal });
        setTimeout(() => ac.abort(), 100);
        await assert.rejects(p, /cancelled/);
        const t0 = Date.now();
        await assert.rejects(runTool(process.execPath, sleeper, { timeoutMs: 200 }), /timed out after 200 ms/);
        assert.ok(Date.now() - t0 < 10_000);
        const done = new AbortController();
        done.abort();
        await assert.rejects(runTool(process.execPath, ['-e', ''], { signal: done.signal }), /cancelled/);
    });
});
