// The VS Code side: starts relwat-lsp, and runs wat2obj and obj2wat for the commands. The decisions
// (which binary, which arguments, what the output means) are made in ./lib, which has no VS Code
// dependency and is unit-tested on its own.

import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, State, type LanguageClientOptions } from 'vscode-languageclient/node';
import { primaryLabel, utf16Range, type ToolDiagnostic } from './lib/diagnostics';
import { processContext, ToolNotFoundError, type ResolveContext } from './lib/executables';
import { fromObjectDocumentPath, toObjectDocumentPath } from './lib/objectUri';
import { assembleOutcome, failureText, printOutcome } from './lib/outcome';
import { RunError, runTool } from './lib/run';
import {
    documentSelector,
    LANGUAGE_ID,
    OBJECT_SCHEME,
    resolveAssemblerTool,
    SERVER_RESTART_SETTINGS,
    serverLaunch,
    SETTINGS,
    type Settings,
} from './lib/serverOptions';
import {
    assembleInvocation,
    formatCommandLine,
    InvocationError,
    printInvocation,
    stringArraySetting,
} from './lib/toolCommands';

// Notification buttons.
const OPEN_SETTINGS = 'Open Settings';
const SHOW_OUTPUT = 'Show Output';
const SHOW_OBJECT = 'Show Object as WAT';
const GO_TO_ERROR = 'Go to Error';

let extension: RelwatExtension | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    extension = new RelwatExtension(context);
    extension.register();
    // Not awaited: a missing server must not fail activation (the commands still work).
    void extension.restartServer('activation');
}

export async function deactivate(): Promise<void> {
    const e = extension;
    extension = undefined;
    await e?.stopServer();
}

function readSettings(): Settings {
    const c = vscode.workspace.getConfiguration('relwat');
    return {
        serverPath: c.get('server.path'),
        serverExtraArgs: c.get('server.extraArgs'),
        wat2objPath: c.get('wat2obj.path'),
        wat2objExtraArgs: c.get('wat2obj.extraArgs'),
        obj2watPath: c.get('obj2wat.path'),
    };
}

function errorText(e: unknown): string {
    return e instanceof Error ? e.message : String(e);
}

class RelwatExtension {
    private readonly toolOutput: vscode.OutputChannel;
    private readonly serverOutput: vscode.OutputChannel;
    private readonly status: vscode.LanguageStatusItem;
    private readonly diagnostics: vscode.DiagnosticCollection;
    private readonly objects: ObjectDocuments;
    private client: LanguageClient | undefined;
    // Starts and stops run one after another, so quick setting changes cannot start two servers.
    private serverQueue: Promise<void> = Promise.resolve();

    constructor(private readonly context: vscode.ExtensionContext) {
        this.toolOutput = vscode.window.createOutputChannel('relwat');
        this.serverOutput = vscode.window.createOutputChannel('relwat Language Server');
        this.status = vscode.languages.createLanguageStatusItem('relwat.server', { language: LANGUAGE_ID });
        this.status.name = 'relwat language server';
        this.diagnostics = vscode.languages.createDiagnosticCollection('wat2obj');
        this.objects = new ObjectDocuments(this);
        context.subscriptions.push(this.toolOutput, this.serverOutput, this.status, this.diagnostics, this.objects);
    }

    register(): void {
        const subs = this.context.subscriptions;
        subs.push(
            vscode.commands.registerCommand('relwat.assemble', async (uri?: vscode.Uri, uris?: vscode.Uri[]) => {
                // The explorer passes the clicked file and the whole selection.
                for (const u of uris?.length ? uris : [uri]) await this.assemble(u);
            }),
            vscode.commands.registerCommand('relwat.showObject', (uri?: vscode.Uri, uris?: vscode.Uri[]) =>
                this.showObject(uri, uris),
            ),
            vscode.commands.registerCommand('relwat.restartServer', () => this.restartServer('command')),
            vscode.commands.registerCommand('relwat.showOutput', () => this.toolOutput.show(true)),
            vscode.workspace.registerTextDocumentContentProvider(OBJECT_SCHEME, this.objects),
            vscode.workspace.onDidChangeConfiguration((e) => {
                if (SERVER_RESTART_SETTINGS.some((k) => e.affectsConfiguration(k))) {
                    void this.restartServer('settings changed');
                }
            }),
            // Restricted settings (the executables' paths) take effect only once the workspace is trusted.
            vscode.workspace.onDidGrantWorkspaceTrust(() => void this.restartServer('workspace trusted')),
            // wat2obj's diagnostics describe the saved text; after an edit the language server's are the current ones.
            vscode.workspace.onDidChangeTextDocument((e) => {
                if (e.contentChanges.length && this.diagnostics.has(e.document.uri)) this.diagnostics.delete(e.document.uri);
            }),
            vscode.workspace.onDidCloseTextDocument((d) => this.objects.closed(d.uri)),
        );
    }

    resolveContext(): ResolveContext {
        const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
        return processContext({
            workspaceFolder: folder?.uri.fsPath,
            // A platform-specific build of the extension may carry the binaries here.
            bundledDirs: [path.join(this.context.extensionPath, 'server')],
        });
    }

    log(line: string): void {
        this.toolOutput.appendLine(`[${new Date().toLocaleTimeString()}] ${line}`);
    }

    showToolOutput(): void {
        this.toolOutput.show(true);
    }

    isServerRunning(): boolean {
        return this.client?.state === State.Running;
    }

    // ---- language server ----

    restartServer(reason: string): Promise<void> {
        const next = this.serverQueue.then(async () => {
            await this.stopClient();
            await this.startClient(reason);
        });
        this.serverQueue = next.catch(() => undefined);
        return next;
    }

    stopServer(): Promise<void> {
        const next = this.serverQueue.then(() => this.stopClient());
        this.serverQueue = next.catch(() => undefined);
        return next;
    }

    private async stopClient(): Promise<void> {
        const c = this.client;
        this.client = undefined;
        if (!c) return;
        try {
            // A server that hangs must not block a restart forever.
            await c.stop(2000);
        } catch (e) {
            this.serverOutput.appendLine(`stopping the server: ${errorText(e)}`);
        }
        await c.dispose().catch(() => undefined);
    }

    private async startClient(reason: string): Promise<void> {
        const settings = readSettings();
        let launch;
        try {
            launch = serverLaunch(settings, this.resolveContext());
        } catch (e) {
            this.setStatus('error', 'relwat-lsp not found', errorText(e));
            this.serverOutput.appendLine(errorText(e));
            this.notifyServerProblem(
                `relwat: ${errorText(e)}. WAT files get highlighting but no diagnostics or navigation.`,
                [OPEN_SETTINGS],
            );
            return;
        }
        if (launch.resolved.warning) this.serverOutput.appendLine(launch.resolved.warning);
        this.serverOutput.appendLine(
            `starting ${formatCommandLine(launch.executable.command, launch.executable.args)} (${launch.resolved.source}; ${reason})`,
        );

        const clientOptions: LanguageClientOptions = {
            documentSelector: documentSelector(),
            outputChannel: this.serverOutput,
            diagnosticCollectionName: 'relwat',
            // Hover text is the server's markdown; it has no reason to run commands.
            markdown: { isTrusted: false, supportHtml: false },
        };
        // `relwat` is the settings prefix: the client reads `relwat.trace.server` itself.
        const client = new LanguageClient('relwat', 'relwat Language Server', launch.executable, clientOptions);
        this.client = client;
        client.onDidChangeState((e) => {
            if (this.client !== client) return;
            if (e.newState === State.Running) {
                const v = client.initializeResult?.serverInfo?.version;
                this.setStatus('ok', v ? `relwat-lsp ${v}` : 'relwat-lsp', launch.executable.command);
            } else if (e.newState === State.Stopped) {
                this.setStatus('error', 'relwat-lsp stopped', launch.executable.command);
            }
        });
        this.setStatus('busy', 'relwat-lsp starting', launch.executable.command);
        try {
            await client.start();
            // Errors from wat2obj were kept only while no server reported them.
            this.diagnostics.clear();
        } catch (e) {
            if (this.client === client) this.setStatus('error', 'relwat-lsp failed to start', errorText(e));
            this.serverOutput.appendLine(`the server did not start: ${errorText(e)}`);
            this.notifyServerProblem(`relwat: ${launch.executable.command} did not start: ${errorText(e)}`, [
                SHOW_OUTPUT,
                OPEN_SETTINGS,
            ]);
        }
    }

    /**
     * Not awaited by the caller: a notification's promise settles only when the user closes it,
     * and a restart (e.g. after fixing the setting) must not wait for that.
     */
    private notifyServerProblem(message: string, actions: string[]): void {
        void vscode.window.showErrorMessage(message, ...actions).then(async (choice) => {
            if (choice === SHOW_OUTPUT) this.serverOutput.show(true);
            if (choice === OPEN_SETTINGS) await openSetting(SETTINGS.serverPath);
        });
    }

    private setStatus(kind: 'ok' | 'busy' | 'error', text: string, detail: string): void {
        this.status.text = text;
        this.status.detail = detail;
        this.status.busy = kind === 'busy';
        this.status.severity =
            kind === 'error' ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
        this.status.command = { title: 'Restart', command: 'relwat.restartServer' };
    }

    // ---- relwat: Assemble to Object ----

    private async assemble(uri?: vscode.Uri): Promise<void> {
        const target = uri ?? vscode.window.activeTextEditor?.document.uri;
        if (!target) {
            void vscode.window.showErrorMessage('relwat: open a .wat file to assemble it');
            return;
        }
        if (target.scheme === OBJECT_SCHEME) {
            void vscode.window.showErrorMessage(
                'relwat: this is an object shown as text; save it as a .wat file to assemble it',
            );
            return;
        }
        if (target.scheme !== 'file') {
            void vscode.window.showErrorMessage(
                target.scheme === 'untitled'
                    ? 'relwat: save the file before assembling it'
                    : `relwat: only files on disk can be assembled (this one is ${target.scheme}:)`,
            );
            return;
        }
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
        if (doc?.isDirty && !(await doc.save())) {
            void vscode.window.showErrorMessage(`relwat: ${path.basename(target.fsPath)} could not be saved`);
            return;
        }

        const settings = readSettings();
        let inv;
        try {
            const resolved = resolveAssemblerTool('wat2obj', settings, this.resolveContext());
            if (resolved.warning) this.log(resolved.warning);
            inv = assembleInvocation(
                resolved.path,
                target.fsPath,
                stringArraySetting(SETTINGS.wat2objExtraArgs, settings.wat2objExtraArgs),
            );
        } catch (e) {
            this.settingError(e, e instanceof InvocationError ? SETTINGS.wat2objExtraArgs : SETTINGS.wat2objPath);
            return;
        }

        this.log(`$ ${formatCommandLine(inv.command, inv.args)}`);
        let result;
        try {
            result = await vscode.window.withProgress(
                { location: vscode.ProgressLocation.Window, title: `Assembling ${path.basename(target.fsPath)}` },
                () => runTool(inv.command, inv.args, { cwd: path.dirname(target.fsPath), env: noColorEnv() }),
            );
        } catch (e) {
            this.log(errorText(e));
            this.notifyError(`relwat: ${errorText(e)}`);
            return;
        }
        if (result.stderr) this.toolOutput.append(result.stderr.endsWith('\n') ? result.stderr : result.stderr + '\n');
        this.log(`wat2obj exited with ${result.signal ?? `status ${result.code}`}`);

        const outcome = assembleOutcome(result, target.fsPath, inv.output);
        this.publishToolDiagnostics(target, path.dirname(target.fsPath), outcome.diagnostics);
        // Notifications are not awaited (their promise settles only when closed): assembling a
        // selection of files goes on while the first result is still shown.
        const output = inv.output;
        if (outcome.ok) {
            const actions = output.endsWith('.o') ? [SHOW_OBJECT] : [];
            if (outcome.diagnostics.length) actions.push(SHOW_OUTPUT);
            void vscode.window.showInformationMessage(`relwat: ${outcome.message}`, ...actions).then(async (choice) => {
                if (choice === SHOW_OBJECT) await this.objects.open(vscode.Uri.file(output));
                if (choice === SHOW_OUTPUT) this.showToolOutput();
            });
            return;
        }
        const first = outcome.diagnostics.find((d) => d.file !== undefined && (d.severity === 'error' || d.severity === 'bug'));
        const actions = first ? [GO_TO_ERROR, SHOW_OUTPUT] : [SHOW_OUTPUT];
        void vscode.window.showErrorMessage(`relwat: ${outcome.message}`, ...actions).then(async (choice) => {
            if (choice === SHOW_OUTPUT) this.showToolOutput();
            if (choice === GO_TO_ERROR && first) await revealDiagnostic(first, path.dirname(target.fsPath));
        });
    }

    /**
     * wat2obj's errors go into the Problems view only while no language server runs: the server
     * reports the same errors (it runs the same checks) and would otherwise show each twice.
     */
    private publishToolDiagnostics(input: vscode.Uri, cwd: string, ds: ToolDiagnostic[]): void {
        this.diagnostics.delete(input);
        if (this.isServerRunning()) return;
        const byFile = new Map<string, vscode.Diagnostic[]>();
        const texts = new Map<string, string[]>();
        const lineOf = (file: string, line: number): string => {
            let lines = texts.get(file);
            if (!lines) texts.set(file, (lines = fileLines(file)));
            return lines[line - 1] ?? '';
        };
        for (const d of ds) {
            if (d.file === undefined || d.line === undefined || d.column === undefined) continue;
            const file = path.resolve(cwd, d.file);
            const list = byFile.get(file) ?? [];
            list.push(toVscodeDiagnostic(d, file, lineOf));
            byFile.set(file, list);
        }
        for (const [file, list] of byFile) this.diagnostics.set(vscode.Uri.file(file), list);
    }

    // ---- relwat: Show Object as WAT ----

    private async showObject(uri?: vscode.Uri, uris?: vscode.Uri[]): Promise<void> {
        let targets = uris?.length ? uris : uri ? [uri] : [];
        if (!targets.length) {
            const active = vscode.window.activeTextEditor?.document.uri;
            if (active?.scheme === OBJECT_SCHEME) {
                // Invoked on a printed object: print it again.
                targets = [ObjectDocuments.objectUriOf(active)];
            } else {
                const picked = await vscode.window.showOpenDialog({
                    canSelectMany: true,
                    filters: { 'WebAssembly objects': ['o'], 'All files': ['*'] },
                    openLabel: 'Show as WAT',
                });
                if (!picked?.length) return;
                targets = picked;
            }
        }
        for (const t of targets) {
            if (t.scheme === OBJECT_SCHEME) await this.objects.open(ObjectDocuments.objectUriOf(t));
            else if (t.scheme !== 'file') void vscode.window.showErrorMessage(`relwat: only objects on disk can be shown (${t.toString()})`);
            else await this.objects.open(t);
        }
    }

    /** Runs obj2wat on `object`; the text, or a message saying why there is none. */
    async printObject(object: vscode.Uri): Promise<{ ok: boolean; text: string; message: string; settingError?: unknown }> {
        const settings = readSettings();
        let inv;
        try {
            const resolved = resolveAssemblerTool('obj2wat', settings, this.resolveContext());
            if (resolved.warning) this.log(resolved.warning);
            inv = printInvocation(resolved.path, object.fsPath);
        } catch (e) {
            return { ok: false, text: failureText(object.fsPath, errorText(e), ''), message: errorText(e), settingError: e };
        }
        this.log(`$ ${formatCommandLine(inv.command, inv.args)}`);
        try {
            const r = await vscode.window.withProgress(
                { location: vscode.ProgressLocation.Window, title: `Printing ${path.basename(object.fsPath)}` },
                () => runTool(inv.command, inv.args, { cwd: path.dirname(object.fsPath), env: noColorEnv() }),
            );
            if (r.stderr) this.toolOutput.append(r.stderr.endsWith('\n') ? r.stderr : r.stderr + '\n');
            this.log(`obj2wat exited with ${r.signal ?? `status ${r.code}`}`);
            const o = printOutcome(r);
            if (o.ok) return { ok: true, text: o.text, message: o.message };
            return { ok: false, text: failureText(object.fsPath, o.message, r.stderr), message: o.message };
        } catch (e) {
            this.log(errorText(e));
            const m = e instanceof RunError ? e.message : `obj2wat failed: ${errorText(e)}`;
            return { ok: false, text: failureText(object.fsPath, m, ''), message: m };
        }
    }

    /** Reports a problem with a setting, offering to open it. Not awaited, like every notification here. */
    settingError(e: unknown, key: string): void {
        this.log(errorText(e));
        const isSetting = e instanceof ToolNotFoundError || e instanceof InvocationError;
        void vscode.window
            .showErrorMessage(`relwat: ${errorText(e)}`, ...(isSetting ? [OPEN_SETTINGS] : [SHOW_OUTPUT]))
            .then(async (choice) => {
                if (choice === OPEN_SETTINGS) await openSetting(e instanceof ToolNotFoundError ? e.settingKey : key);
                if (choice === SHOW_OUTPUT) this.showToolOutput();
            });
    }

    notifyError(message: string): void {
        void vscode.window.showErrorMessage(message, SHOW_OUTPUT).then((choice) => {
            if (choice === SHOW_OUTPUT) this.showToolOutput();
        });
    }
}

/**
 * The read-only documents on the `relwat-obj` scheme that show an object as text. Showing an object
 * again, or rebuilding it while it is shown, prints it again.
 */
class ObjectDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.changed.event;
    private readonly texts = new Map<string, string>();
    private readonly watchers = new Map<string, vscode.Disposable>();
    private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

    constructor(private readonly ext: RelwatExtension) {}

    static documentUriOf(object: vscode.Uri): vscode.Uri {
        return object.with({ scheme: OBJECT_SCHEME, path: toObjectDocumentPath(object.path) });
    }

    static objectUriOf(doc: vscode.Uri): vscode.Uri {
        return doc.with({ scheme: 'file', path: fromObjectDocumentPath(doc.path) });
    }

    async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
        const key = uri.toString();
        const cached = this.texts.get(key);
        if (cached !== undefined) return cached;
        // A document restored with the window: print it now.
        const r = await this.ext.printObject(ObjectDocuments.objectUriOf(uri));
        this.texts.set(key, r.text);
        this.watch(uri);
        return r.text;
    }

    /** Prints `object` and shows it; an object that cannot be printed is reported, not opened. */
    async open(object: vscode.Uri): Promise<void> {
        const docUri = ObjectDocuments.documentUriOf(object);
        const key = docUri.toString();
        const r = await this.ext.printObject(object);
        if (!r.ok) {
            if (r.settingError !== undefined) this.ext.settingError(r.settingError, SETTINGS.obj2watPath);
            else this.ext.notifyError(`relwat: ${r.message}`);
            return;
        }
        const wasOpen = this.texts.has(key);
        this.texts.set(key, r.text);
        this.watch(docUri);
        if (wasOpen) this.changed.fire(docUri);
        let doc = await vscode.workspace.openTextDocument(docUri);
        if (doc.languageId !== LANGUAGE_ID) doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
        await vscode.window.showTextDocument(doc, { preview: false });
        if (r.message) {
            void vscode.window
                .showWarningMessage(`relwat: ${r.message} (the text may not re-assemble to the same bytes)`, SHOW_OUTPUT)
                .then((choice) => {
                    if (choice === SHOW_OUTPUT) this.ext.showToolOutput();
                });
        }
    }

    /** Re-prints the object when its file changes (rebuilt by wat2obj, the compiler or the linker). */
    private watch(docUri: vscode.Uri): void {
        const key = docUri.toString();
        if (this.watchers.has(key)) return;
        const object = ObjectDocuments.objectUriOf(docUri);
        const w = vscode.workspace.createFileSystemWatcher(
            new vscode.RelativePattern(vscode.Uri.file(path.dirname(object.fsPath)), path.basename(object.fsPath)),
        );
        const refresh = () => {
            // Tools write a temporary file and rename it; wait for the burst of events to end.
            const old = this.pending.get(key);
            if (old) clearTimeout(old);
            this.pending.set(
                key,
                setTimeout(async () => {
                    this.pending.delete(key);
                    if (!this.texts.has(key)) return;
                    const r = await this.ext.printObject(object);
                    this.texts.set(key, r.text);
                    this.changed.fire(docUri);
                }, 300),
            );
        };
        this.watchers.set(key, vscode.Disposable.from(w, w.onDidChange(refresh), w.onDidCreate(refresh)));
    }

    closed(uri: vscode.Uri): void {
        if (uri.scheme !== OBJECT_SCHEME) return;
        const key = uri.toString();
        this.texts.delete(key);
        this.watchers.get(key)?.dispose();
        this.watchers.delete(key);
        const t = this.pending.get(key);
        if (t) clearTimeout(t);
        this.pending.delete(key);
    }

    dispose(): void {
        for (const w of this.watchers.values()) w.dispose();
        for (const t of this.pending.values()) clearTimeout(t);
        this.watchers.clear();
        this.pending.clear();
        this.texts.clear();
        this.changed.dispose();
    }
}

function noColorEnv(): Record<string, string | undefined> {
    return { ...process.env, NO_COLOR: '1' };
}

/** The lines of `file`: from its open document (just saved, so the same text), else from disk. */
function fileLines(file: string): string[] {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file);
    if (doc) return doc.getText().split(/\r?\n/);
    try {
        return fs.readFileSync(file, 'utf8').split(/\r?\n/);
    } catch {
        return [];
    }
}

function toVscodeDiagnostic(d: ToolDiagnostic, file: string, lineOf: (file: string, line: number) => string): vscode.Diagnostic {
    const line = Math.max(0, (d.line ?? 1) - 1);
    const { start, end } = utf16Range(lineOf(file, line + 1), d.column ?? 1, primaryLabel(d)?.width ?? 1);
    const label = primaryLabel(d)?.message;
    // `message: label`, as the language server words the same diagnostic.
    const message = [d.message + (label ? `: ${label}` : ''), ...d.notes].join('\n');
    const severity =
        d.severity === 'error' || d.severity === 'bug'
            ? vscode.DiagnosticSeverity.Error
            : d.severity === 'warning'
              ? vscode.DiagnosticSeverity.Warning
              : vscode.DiagnosticSeverity.Information;
    const diag = new vscode.Diagnostic(new vscode.Range(line, start, line, end), message, severity);
    diag.source = 'wat2obj';
    const related = d.labels.filter((l) => !l.primary && l.message);
    if (related.length) {
        diag.relatedInformation = related.map((l) => {
            const text = lineOf(file, l.line);
            const r = utf16Range(text, l.displayColumn, l.width);
            return new vscode.DiagnosticRelatedInformation(
                new vscode.Location(vscode.Uri.file(file), new vscode.Range(l.line - 1, r.start, l.line - 1, r.end)),
                l.message,
            );
        });
    }
    return diag;
}

async function revealDiagnostic(d: ToolDiagnostic, cwd: string): Promise<void> {
    if (d.file === undefined || d.line === undefined) return;
    const file = path.resolve(cwd, d.file);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const line = Math.min(d.line - 1, doc.lineCount - 1);
    const { start, end } = utf16Range(doc.lineAt(line).text, d.column ?? 1, primaryLabel(d)?.width ?? 1);
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(line, start, line, end) });
}

async function openSetting(key: string): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.openSettings', key);
}
