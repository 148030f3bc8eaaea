import { describe, expect, it } from '@jest/globals';
import {
  ecSignatureHeader,
  signEcPayload,
  verifyEcSignature,
  type EcSignatureCheck,
} from './ec-signature.js';

const SECRET = 'whsec_test';
const NOW = Date.UTC(2027, 0, 1); // ms
const T = NOW / 1000;
const BODY = Buffer.from('{"shopOrderId":"A-1","status":"paid","lines":[]}');

describe('verifyEcSignature', () => {
  const good = ecSignatureHeader(SECRET, T, BODY);
  const cases: Array<
    [string, string | undefined, Buffer | undefined, string | null, number, EcSignatureCheck]
  > = [
    ['a good signature', good, BODY, SECRET, NOW, 'ok'],
    ['upper-case hex', good.toUpperCase().replace('T=', 't=').replace('V1=', 'v1='), BODY, SECRET, NOW, 'ok'],
    ['4 min 59 s old', good, BODY, SECRET, NOW + 299_000, 'ok'],
    ['5 min 1 s old', good, BODY, SECRET, NOW + 301_000, 'stale'],
    ['5 min 1 s in the future', good, BODY, SECRET, NOW - 301_000, 'stale'],
    ['another secret', good, BODY, 'whsec_other', NOW, 'mismatch'],
    ['no secret configured', good, BODY, null, NOW, 'mismatch'],
    ['a changed body', good, Buffer.from(BODY.toString().replace('A-1', 'A-2')), SECRET, NOW, 'mismatch'],
    ['a changed timestamp', good.replace(`t=${T}`, `t=${T + 1}`), BODY, SECRET, NOW, 'mismatch'],
    [
      'one of several v1 values matches (rotation)',
      `t=${T},v1=${'0'.repeat(64)},v1=${signEcPayload(SECRET, T, BODY)}`,
      BODY,
      SECRET,
      NOW,
      'ok',
    ],
    ['no header', undefined, BODY, SECRET, NOW, 'malformed'],
    ['no raw body', good, undefined, SECRET, NOW, 'malformed'],
    ['no timestamp', `v1=${signEcPayload(SECRET, T, BODY)}`, BODY, SECRET, NOW, 'malformed'],
    ['no v1', `t=${T}`, BODY, SECRET, NOW, 'malformed'],
    ['short hex', `t=${T},v1=abcd`, BODY, SECRET, NOW, 'malformed'],
    ['garbage', 'hello', BODY, SECRET, NOW, 'malformed'],
  ];
  it.each(cases)('%s', (_label, header, body, secret, now, expected) => {
    expect(verifyEcSignature(header, body, secret, now)).toBe(expected);
  });
});
