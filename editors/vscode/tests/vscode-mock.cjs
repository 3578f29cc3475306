// A stand-in for the `vscode` module, enough to activate the packaged extension in plain Node.js:
// real commands, configuration, documents, diagnostics, content providers and events, recorded in
// `__mock` for the test to inspect. VS Code itself cannot be downloaded where the tests run.
'use strict';

const path = require('path');

const mock = {
    commands: new Map(),
    executed: [],
    config: new Map(),
    configListeners: [],
    contentProviders: new Map(),
    registrations: [],
    messages: [],
    /** Picks the button of a notification: (level, text, items) => item or undefined. */
    answer: () => undefined,
    outputs: new Map(),
    statusItems: [],
    collections: new Map(),
    watchers: [],
    openDialog: undefined,
    events: {},
};

class Disposable {
    constructor(fn) {
        this._fn = fn;
    }
    static from(...ds) {
        return new Disposable(() => ds.forEach((d) => d && d.dispose && d.dispose()));
    }
    dispose() {
        if (this._fn) this._fn();
        this._fn = undefined;
    }
}

class EventEmitter {
    constructor() {
        this.listeners = new Set();
        this.event = (listener, thisArg, disposables) => {
            const l = thisArg ? listener.bind(thisArg) : listener;
            this.listeners.add(l);
            const d = new Disposable(() => this.listeners.delete(l));
            if (Array.isArray(disposables)) disposables.push(d);
            return d;
        };
    }
    fire(e) {
        for (const l of [...this.listeners]) l(e);
    }
    dispose() {
        this.listeners.clear();
    }
}

function emitter(name) {
    const e = new EventEmitter();
    mock.events[name] = e;
    return e.event;
}

class Uri {
    constructor(scheme, authority, p, query, fragment) {
        this.scheme = scheme;
        this.authority = authority || '';
        this.path = p || '/';
        this.query = query || '';
        this.fragment = fragment || '';
    }
    static file(p) {
        return new Uri('file', '', p.split(path.sep).join('/'), '', '');
    }
    static parse(s) {
        const m = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(s);
        if (!m) throw new Error(`bad uri ${s}`);
        return new Uri(m[1], m[2], decodeURIComponent(m[3]), m[4] && decodeURIComponent(m[4]), m[5] && decodeURIComponent(m[5]));
    }
    static joinPath(u, ...parts) {
        return u.with({ path: path.posix.join(u.path, ...parts) });
    }
    get fsPath() {
        return this.path;
    }
    with(c) {
        return new Uri(
            c.scheme ?? this.scheme,
            c.authority ?? this.authority,
            c.path ?? this.path,
            c.query ?? this.query,
            c.fragment ?? this.fragment,
        );
    }
    toString() {
        const enc = this.path
            .split('/')
            .map((s) => encodeURIComponent(s))
            .join('/');
        const auth = this.authority || this.scheme === 'file' ? `//${this.authority}` : '';
        return `${this.scheme}:${auth}${enc}${this.query ? `?${encodeURIComponent(this.query)}` : ''}${this.fragment ? `#${encodeURIComponent(this.fragment)}` : ''}`;
    }
    toJSON() {
        return { scheme: this.scheme, authority: this.authority, path: this.path, query: this.query, fragment: this.fragment };
    }
}

class Position {
    constructor(line, character) {
        this.line = line;
        this.character = character;
    }
}

class Range {
    constructor(a, b, c, d) {
        if (typeof a === 'number') {
            this.start = new Position(a, b);
            this.end = new Position(c, d);
        } else {
            this.start = a;
            this.end = b;
        }
    }
}

class Location {
    constructor(uri, range) {
        this.uri = uri;
        this.range = range;
    }
}

class Diagnostic {
    constructor(range, message, severity) {
        this.range = range;
        this.message = message;
        this.severity = severity ?? 0;
    }
}

class DiagnosticRelatedInformation {
    constructor(location, message) {
        this.location = location;
        this.message = message;
    }
}

class RelativePattern {
    constructor(base, pattern) {
        this.baseUri = typeof base === 'string' ? Uri.file(base) : base.uri ?? base;
        this.base = this.baseUri.fsPath;
        this.pattern = pattern;
    }
}

class CancellationTokenSource {
    constructor() {
        const e = new EventEmitter();
        this._e = e;
        this.token = { isCancellationRequested: false, onCancellationRequested: e.event };
    }
    cancel() {
        this.token.isCancellationRequested = true;
        this._e.fire();
    }
    dispose() {}
}

class CancellationError extends Error {}

class MarkdownString {
    constructor(value = '', supportThemeIcons) {
        this.value = value;
        this.supportThemeIcons = supportThemeIcons;
    }
    appendMarkdown(v) {
        this.value += v;
        return this;
    }
    appendText(v) {
        this.value += v;
        return this;
    }
    appendCodeblock(v, lang) {
        this.value += '\n```' + (lang || '') + '\n' + v + '\n```\n';
        return this;
    }
}

/** Classes the language client may construct while converting results; they keep their arguments. */
function plainClass(name) {
    const C = class {
        constructor(...args) {
            this.args = args;
        }
    };
    Object.defineProperty(C, 'name', { value: name });
    return C;
}

function textDocument(uri, languageId, text, version = 1) {
    let lines = text.split(/\r?\n/);
    const doc = {
        uri,
        fileName: uri.fsPath,
        languageId,
        version,
        isDirty: false,
        isUntitled: uri.scheme === 'untitled',
        isClosed: false,
        eol: 1,
        getText: () => text,
        get lineCount() {
            return lines.length;
        },
        lineAt: (i) => ({ text: lines[typeof i === 'number' ? i : i.line], lineNumber: i }),
        save: async () => true,
        _set(t) {
            text = t;
            lines = t.split(/\r?\n/);
            doc.version++;
        },
    };
    return doc;
}

const textDocuments = [];

function languageFor(uri) {
    return uri.path.endsWith('.wat') ? 'wat' : 'plaintext';
}

async function openTextDocument(uri) {
    const existing = textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (existing) return existing;
    let text;
    if (uri.scheme === 'file') {
        text = require('fs').readFileSync(uri.fsPath, 'utf8');
    } else {
        const p = mock.contentProviders.get(uri.scheme);
        if (!p) throw new Error(`no content provider for ${uri.scheme}`);
        text = await p.provideTextDocumentContent(uri, new CancellationTokenSource().token);
        // Like VS Code: a change event from the provider re-reads the document.
        if (p.onDidChange && !p._mockHooked) {
            p._mockHooked = true;
            p.onDidChange(async (changed) => {
                const d = textDocuments.find((x) => x.uri.toString() === changed.toString());
                if (!d) return;
                const oldText = d.getText();
                const oldLines = oldText.split(/\r?\n/);
                const text = await p.provideTextDocumentContent(changed, new CancellationTokenSource().token);
                d._set(text);
                const range = new Range(0, 0, oldLines.length - 1, oldLines[oldLines.length - 1].length);
                const change = { range, rangeOffset: 0, rangeLength: oldText.length, text };
                mock.events.onDidChangeTextDocument.fire({ document: d, contentChanges: [change], reason: undefined });
            });
        }
    }
    const doc = textDocument(uri, languageFor(uri), text);
    textDocuments.push(doc);
    mock.events.onDidOpenTextDocument.fire(doc);
    return doc;
}

function closeTextDocument(doc) {
    const i = textDocuments.indexOf(doc);
    if (i >= 0) textDocuments.splice(i, 1);
    doc.isClosed = true;
    mock.events.onDidCloseTextDocument.fire(doc);
}

function outputChannel(name) {
    const ch = {
        name,
        text: '',
        append(v) {
            ch.text += v;
        },
        appendLine(v) {
            ch.text += v + '\n';
        },
        replace(v) {
            ch.text = v;
        },
        clear() {
            ch.text = '';
        },
        show() {
            ch.shown = true;
        },
        hide() {},
        dispose() {},
    };
    mock.outputs.set(name, ch);
    return ch;
}

function diagnosticCollection(name) {
    const map = new Map();
    const c = {
        name,
        map,
        set(uri, diags) {
            if (Array.isArray(uri)) {
                for (const [u, d] of uri) map.set(u.toString(), d || []);
            } else if (diags === undefined) map.delete(uri.toString());
            else map.set(uri.toString(), diags);
        },
        delete(uri) {
            map.delete(uri.toString());
        },
        clear() {
            map.clear();
        },
        has(uri) {
            return map.has(uri.toString());
        },
        get(uri) {
            return map.get(uri.toString());
        },
        forEach(f) {
            for (const [k, v] of map) f(Uri.parse(k), v, c);
        },
        dispose() {
            map.clear();
        },
    };
    mock.collections.set(name, c);
    return c;
}

function message(level) {
    return async (text, ...items) => {
        const opts = items.length && typeof items[0] === 'object' && !('title' in items[0]) ? items.shift() : undefined;
        mock.messages.push({ level, text, items, opts });
        return mock.answer(level, text, items);
    };
}

function register(kind) {
    return (...args) => {
        mock.registrations.push({ kind, args });
        return new Disposable(() => {
            const i = mock.registrations.findIndex((r) => r.args === args);
            if (i >= 0) mock.registrations.splice(i, 1);
        });
    };
}

const languages = {
    match(selector, doc) {
        const sels = Array.isArray(selector) ? selector : [selector];
        let score = 0;
        for (const s of sels) {
            if (typeof s === 'string') {
                if (s === doc.languageId) score = Math.max(score, 10);
                continue;
            }
            if (s.language && s.language !== '*' && s.language !== doc.languageId) continue;
            if (s.scheme && s.scheme !== '*' && s.scheme !== doc.uri.scheme) continue;
            if (s.pattern) continue;
            score = Math.max(score, 10);
        }
        return score;
    },
    createDiagnosticCollection: diagnosticCollection,
    createLanguageStatusItem(id, selector) {
        const item = { id, selector, text: '', dispose() {} };
        mock.statusItems.push(item);
        return item;
    },
    async setTextDocumentLanguage(doc, languageId) {
        mock.events.onDidCloseTextDocument.fire(doc);
        doc.languageId = languageId;
        mock.events.onDidOpenTextDocument.fire(doc);
        return doc;
    },
    getDiagnostics() {
        return [];
    },
};
for (const name of [
    'CallHierarchyProvider',
    'CodeActionsProvider',
    'CodeLensProvider',
    'ColorProvider',
    'CompletionItemProvider',
    'DeclarationProvider',
    'DefinitionProvider',
    'DocumentFormattingEditProvider',
    'DocumentHighlightProvider',
    'DocumentLinkProvider',
    'DocumentRangeFormattingEditProvider',
    'DocumentRangeSemanticTokensProvider',
    'DocumentSemanticTokensProvider',
    'DocumentSymbolProvider',
    'FoldingRangeProvider',
    'HoverProvider',
    'ImplementationProvider',
    'InlayHintsProvider',
    'InlineCompletionItemProvider',
    'InlineValuesProvider',
    'LinkedEditingRangeProvider',
    'OnTypeFormattingEditProvider',
    'ReferenceProvider',
    'RenameProvider',
    'SelectionRangeProvider',
    'SignatureHelpProvider',
    'TypeDefinitionProvider',
    'TypeHierarchyProvider',
    'WorkspaceSymbolProvider',
]) {
    languages[`register${name}`] = register(name);
}

class TabInputText {
    constructor(uri) {
        this.uri = uri;
    }
}

const window = {
    activeTextEditor: undefined,
    visibleTextEditors: [],
    tabGroups: {
        all: [{ tabs: [], isActive: true, viewColumn: 1 }],
        onDidChangeTabs: emitter('onDidChangeTabs'),
        onDidChangeTabGroups: emitter('onDidChangeTabGroups'),
    },
    onDidChangeActiveTextEditor: emitter('onDidChangeActiveTextEditor'),
    onDidChangeVisibleTextEditors: emitter('onDidChangeVisibleTextEditors'),
    createOutputChannel: outputChannel,
    showErrorMessage: message('error'),
    showWarningMessage: message('warning'),
    showInformationMessage: message('info'),
    async showOpenDialog(opts) {
        mock.openDialogOptions = opts;
        return mock.openDialog;
    },
    async showTextDocument(doc, opts) {
        const editor = { document: doc, options: opts };
        // A shown document has a tab, as in VS Code: the language client pulls diagnostics for
        // the documents in tabs.
        const group = window.tabGroups.all[0];
        if (!group.tabs.some((t) => t.input.uri.toString() === doc.uri.toString())) {
            const tab = { input: new TabInputText(doc.uri), label: path.basename(doc.uri.path), group };
            group.tabs.push(tab);
            mock.events.onDidChangeTabs.fire({ opened: [tab], closed: [], changed: [] });
        }
        window.activeTextEditor = editor;
        mock.events.onDidChangeActiveTextEditor.fire(editor);
        return editor;
    },
    async withProgress(opts, task) {
        mock.progress = opts;
        return task({ report() {} }, new CancellationTokenSource().token);
    },
    createStatusBarItem() {
        return { show() {}, hide() {}, dispose() {} };
    },
};

const workspace = {
    workspaceFolders: undefined,
    textDocuments,
    notebookDocuments: [],
    isTrusted: true,
    getConfiguration(section) {
        const prefix = section ? `${section}.` : '';
        return {
            get(key, def) {
                const k = prefix + key;
                return mock.config.has(k) ? mock.config.get(k) : def;
            },
            has(key) {
                return mock.config.has(prefix + key);
            },
            inspect(key) {
                return { key: prefix + key, globalValue: mock.config.get(prefix + key) };
            },
            async update(key, value) {
                mock.config.set(prefix + key, value);
            },
        };
    },
    getWorkspaceFolder() {
        return undefined;
    },
    onDidChangeConfiguration: emitter('onDidChangeConfiguration'),
    onDidOpenTextDocument: emitter('onDidOpenTextDocument'),
    onDidCloseTextDocument: emitter('onDidCloseTextDocument'),
    onDidChangeTextDocument: emitter('onDidChangeTextDocument'),
    onDidSaveTextDocument: emitter('onDidSaveTextDocument'),
    onWillSaveTextDocument: emitter('onWillSaveTextDocument'),
    onDidChangeWorkspaceFolders: emitter('onDidChangeWorkspaceFolders'),
    onDidGrantWorkspaceTrust: emitter('onDidGrantWorkspaceTrust'),
    onDidOpenNotebookDocument: emitter('onDidOpenNotebookDocument'),
    onDidCloseNotebookDocument: emitter('onDidCloseNotebookDocument'),
    onDidChangeNotebookDocument: emitter('onDidChangeNotebookDocument'),
    onDidSaveNotebookDocument: emitter('onDidSaveNotebookDocument'),
    onDidCreateFiles: emitter('onDidCreateFiles'),
    onDidDeleteFiles: emitter('onDidDeleteFiles'),
    onDidRenameFiles: emitter('onDidRenameFiles'),
    onWillCreateFiles: emitter('onWillCreateFiles'),
    onWillDeleteFiles: emitter('onWillDeleteFiles'),
    onWillRenameFiles: emitter('onWillRenameFiles'),
    openTextDocument,
    registerTextDocumentContentProvider(scheme, provider) {
        mock.contentProviders.set(scheme, provider);
        return new Disposable(() => mock.contentProviders.delete(scheme));
    },
    createFileSystemWatcher(pattern) {
        const w = {
            pattern,
            onDidChange: new EventEmitter(),
            onDidCreate: new EventEmitter(),
            onDidDelete: new EventEmitter(),
            disposed: false,
        };
        const watcher = {
            pattern,
            onDidChange: w.onDidChange.event,
            onDidCreate: w.onDidCreate.event,
            onDidDelete: w.onDidDelete.event,
            ignoreChangeEvents: false,
            ignoreCreateEvents: false,
            ignoreDeleteEvents: false,
            _emitters: w,
            dispose() {
                w.disposed = true;
                watcher.disposed = true;
            },
        };
        mock.watchers.push(watcher);
        return watcher;
    },
    async applyEdit() {
        return true;
    },
    fs: {},
};

const commands = {
    registerCommand(id, fn) {
        if (mock.commands.has(id)) throw new Error(`command ${id} already registered`);
        mock.commands.set(id, fn);
        return new Disposable(() => mock.commands.delete(id));
    },
    async executeCommand(id, ...args) {
        mock.executed.push({ id, args });
        const fn = mock.commands.get(id);
        return fn ? fn(...args) : undefined;
    },
    async getCommands() {
        return [...mock.commands.keys()];
    },
};

const enums = {
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    DiagnosticTag: { Unnecessary: 1, Deprecated: 2 },
    LanguageStatusSeverity: { Information: 0, Warning: 1, Error: 2 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    CodeActionKind: new Proxy({}, { get: (_t, k) => ({ value: String(k), append: () => ({}) }) }),
    CodeActionTriggerKind: { Invoke: 1, Automatic: 2 },
    CompletionItemKind: { Text: 0 },
    CompletionItemTag: { Deprecated: 1 },
    CompletionTriggerKind: { Invoke: 0, TriggerCharacter: 1, TriggerForIncompleteCompletions: 2 },
    DocumentHighlightKind: { Text: 0, Read: 1, Write: 2 },
    FileType: { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 },
    FoldingRangeKind: { Comment: 1, Imports: 2, Region: 3 },
    NotebookCellKind: { Markup: 1, Code: 2 },
    SignatureHelpTriggerKind: { Invoke: 1, TriggerCharacter: 2, ContentChange: 3 },
    SymbolKind: { Property: 6, TypeParameter: 25 },
    SymbolTag: { Deprecated: 1 },
    TextDocumentSaveReason: { Manual: 1, AfterDelay: 2, FocusOut: 3 },
};

const classes = {};
for (const name of [
    'CallHierarchyIncomingCall',
    'CallHierarchyItem',
    'CallHierarchyOutgoingCall',
    'CodeAction',
    'CodeLens',
    'Color',
    'ColorInformation',
    'ColorPresentation',
    'CompletionItem',
    'CompletionList',
    'DocumentHighlight',
    'DocumentLink',
    'DocumentSymbol',
    'FoldingRange',
    'Hover',
    'InlayHint',
    'InlayHintLabelPart',
    'InlineCompletionItem',
    'InlineCompletionList',
    'InlineValueEvaluatableExpression',
    'InlineValueText',
    'InlineValueVariableLookup',
    'LinkedEditingRanges',
    'ParameterInformation',
    'SelectionRange',
    'SemanticTokens',
    'SemanticTokensEdit',
    'SemanticTokensEdits',
    'SignatureHelp',
    'SignatureInformation',
    'SnippetString',
    'SymbolInformation',
    'TabInputCustom',
    'TabInputTextDiff',
    'TextEdit',
    'TypeHierarchyItem',
    'WorkspaceEdit',
]) {
    classes[name] = plainClass(name);
}

module.exports = {
    version: '1.85.0',
    env: { language: 'en', appName: 'Visual Studio Code', machineId: 'test', openExternal: async () => true, uiKind: 1 },
    Uri,
    Position,
    Range,
    Location,
    Diagnostic,
    DiagnosticRelatedInformation,
    Disposable,
    EventEmitter,
    RelativePattern,
    CancellationTokenSource,
    CancellationError,
    MarkdownString,
    TabInputText,
    ...classes,
    ...enums,
    languages,
    window,
    workspace,
    commands,
    __mock: mock,
    __closeTextDocument: closeTextDocument,
};
