/**
 * Test tokens for the audit rules, built and signed with node:crypto: a second implementation,
 * independent of the code under test.
 */
import { createHmac } from 'node:crypto';
import { inspect, type DecodedToken } from '../../../src/core';

export const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** An unsigned-looking JWS: header and payload as given, a fixed 32-byte "signature". */
export function jws(header: object, payload: object | string): string {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return `${b64url(JSON.stringify(header))}.${b64url(body)}.${Buffer.alloc(32, 7).toString('base64url')}`;
}

/** A real HS256/384/512 token, signed by node:crypto. */
export function hmacToken(
  header: { alg: 'HS256' | 'HS384' | 'HS512' } & Record<string, unknown>,
  payload: object,
  secret: string | Buffer,
): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const hash = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[header.alg];
  return `${input}.${createHmac(hash, secret).update(input).digest('base64url')}`;
}

/** The decoded token a rule reads; fails the test when the token does not decode. */
export function decoded(token: string): DecodedToken {
  const result = inspect(token);
  if (!result.ok) throw new Error(`test token does not decode: ${result.error.message}`);
  const { ok: _ok, findings: _findings, ...rest } = result;
  return rest;
}

/** 2026-11-23T12:00:00Z, a fixed clock for the time rules. */
export const now = Date.UTC(2026, 10, 23, 12, 0, 0);
export const nowSeconds = now / 1000;
