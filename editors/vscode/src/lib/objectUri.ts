// Paths of the read-only documents that show an object as text. A document for `/dir/foo.o` has
// the path `/dir/foo.o.wat` on the `relwat-obj` scheme: the tab reads `foo.o.wat`, the `.wat`
// ending gives it the WAT language, and the object's path is recovered by dropping that ending.
// No `vscode` import: the extension applies these to Uri paths.

export const SUFFIX = '.wat';

export function toObjectDocumentPath(objectPath: string): string {
    if (objectPath === '' || objectPath.endsWith('/')) throw new Error(`not a file path: "${objectPath}"`);
    return objectPath + SUFFIX;
}

export function fromObjectDocumentPath(documentPath: string): string {
    if (!documentPath.endsWith(SUFFIX) || documentPath.length === SUFFIX.length || documentPath.endsWith('/' + SUFFIX)) {
        throw new Error(`not an object document path: "${documentPath}"`);
    }
    return documentPath.slice(0, -SUFFIX.length);
}
