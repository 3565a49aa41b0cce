// `alg: none` and HMAC are forgery signals: the signature fails, the credential is not authentic.
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { checkDocument } from '../../support/check.js';

const AT = new Date('2026-01-01T00:00:00Z');

function withHeader(jwt: string, header: Record<string, unknown>, signature = ''): string {
  const [, payload] = jwt.split('.');
  return `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${payload}.${signature}`;
}

describe('forbidden JWS algorithms', () => {
  const jwt = readFileSync('fixtures/demo/signed-ob3-vc-jwt.jwt', 'utf8').trim();

  test.each([
    ['none', ''],
    ['HS256', Buffer.from('x'.repeat(32)).toString('base64url')],
  ])('a VC-JWT with alg %s fails the signature with JWS_ALG_NOT_ALLOWED', async (alg, signature) => {
    const r = await checkDocument(withHeader(jwt, { alg, typ: 'vc+jwt' }, signature), {
      profile: 'authenticity',
      at: AT,
    });
    expect(r.findings.filter((f) => f.check === 'signature').map((f) => f.code)).toContain(
      'JWS_ALG_NOT_ALLOWED',
    );
    expect(r.checks.find((c) => c.id === 'signature')?.status).toBe('fail');
    expect(r.authenticity).toBe('not authentic');
  });

  test('a JAdES seal whose protected header says alg none is not authentic', async () => {
    const envelope = JSON.parse(readFileSync('fixtures/demo/signed-edc-jades.json', 'utf8')) as {
      signatures: { protected: string }[];
    };
    const header = JSON.parse(
      Buffer.from(envelope.signatures[0]!.protected, 'base64url').toString('utf8'),
    ) as Record<string, unknown>;
    envelope.signatures[0]!.protected = Buffer.from(JSON.stringify({ ...header, alg: 'none' })).toString(
      'base64url',
    );
    const r = await checkDocument(envelope, { profile: 'authenticity', at: AT });
    expect(r.findings.map((f) => f.code)).toContain('JWS_ALG_NOT_ALLOWED');
    expect(r.authenticity).toBe('not authentic');
  });
});
