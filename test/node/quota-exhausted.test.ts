/// <reference types="node" />
// A 9 MiB upload that meets an exhausted quota, end to end in Node: the client's request path
// (`uploadCas`), the token helper and a fake API (scripts/quota-exhausted.mjs, which prints the
// same figures: node --import tsx scripts/quota-exhausted.mjs). Before the token helper told a
// quota from an expired token, the file went twice (18 MiB) and the upload ended in `auth-failed`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measureQuotaExhausted } from '../../scripts/quota-exhausted.mjs';

test('a 9 MiB upload against an exhausted quota sends the file once and ends in quota-exceeded', async () => {
  const r = await measureQuotaExhausted({ mib: 9 });
  assert.equal(r.code, 'quota-exceeded');
  assert.equal(r.status, 402, 'told by the token endpoint');
  assert.equal(r.parse, 1, 'one upload, not two');
  assert.ok(r.parseBytes > r.fileBytes && r.parseBytes < r.fileBytes + 4096, `${r.parseBytes} bytes sent to the API`);
  assert.equal(r.tokenEndpoint, 2, 'the first token, then the refresh that was answered 402');
  assert.equal(r.mints, 1, 'no second token minted');
  assert.equal(r.credits, 1);
});
