import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromObjectDocumentPath, toObjectDocumentPath } from '../lib/objectUri';

describe('object document paths', () => {
    it('round-trips, also for names with spaces and several dots', () => {
        for (const p of ['/w/a.o', '/w/my dir/lib.v2.o', '/c:/Users/me/x.o', '/w/noext']) {
            assert.equal(fromObjectDocumentPath(toObjectDocumentPath(p)), p);
        }
        assert.equal(toObjectDocumentPath('/w/a.o'), '/w/a.o.wat');
    });

    it('rejects paths that are not object documents', () => {
        assert.throws(() => fromObjectDocumentPath('/w/a.o'), /not an object document path/);
        assert.throws(() => fromObjectDocumentPath('.wat'), /not an object document path/);
        assert.throws(() => fromObjectDocumentPath('/w/.wat'), /not an object document path/);
        assert.throws(() => toObjectDocumentPath('/w/'), /not a file path/);
        assert.throws(() => toObjectDocumentPath(''), /not a file path/);
    });
});
