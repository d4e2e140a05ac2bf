/**
 * Reads the `workspace` member of a manifest, strictly. Tokenscope writes every field with its
 * type, so a field of another type means the file was edited or damaged: the whole import is
 * refused, naming the field, rather than restoring part of it (the tools would otherwise receive
 * values they cannot use, and the app would say "Restored" for what it did not restore).
 * Members Tokenscope does not know are left out.
 */
import type { JWK } from 'jose';
import { maxClockToleranceSeconds, pretendNowRange } from '../jws/claims';
import { formatCount, importLimits } from './limits';
import type { VerificationProfile, Workspace, WorkspaceKey } from './types';

export type WorkspaceReading = { ok: true; workspace: Workspace } | { ok: false; reason: string };

/** What is wrong, worded to follow the name of what holds it: `has "x" as a number; …`. */
class FieldProblem extends Error {}

type Fields = Record<string, unknown>;

/** How a JSON value is named in a message: "a string", "a list", "null". */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'boolean') return 'true or false';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function wrongType(path: string, value: unknown, expected: string): never {
  const found = value === undefined ? `no "${path}"` : `"${path}" as ${kindOf(value)}`;
  throw new FieldProblem(`has ${found}; it must be ${expected}.`);
}

function wrongValue(path: string, shown: string, expected: string): never {
  throw new FieldProblem(`has "${path}" set to ${shown}; it must be ${expected}.`);
}

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function objectAt(value: unknown, path: string, expected: string): Fields {
  if (!isObject(value)) wrongType(path, value, expected);
  return value;
}

function stringAt(value: unknown, path: string, expected: string): string {
  if (typeof value !== 'string') wrongType(path, value, expected);
  return value;
}

function optionalString(value: unknown, path: string, expected: string): string | undefined {
  return value === undefined ? undefined : stringAt(value, path, expected);
}

function stringList(value: unknown, path: string, expected: string, item: string): string[] {
  if (!Array.isArray(value)) wrongType(path, value, expected);
  return value.map((entry, index) => stringAt(entry, `${path}[${index}]`, item));
}

const secretEncodings = ['utf8', 'base64', 'base64url'] as const;

/**
 * The verification profile (the Verifier's controls): each member optional, each checked.
 * `name` is what holds the members, for the messages ("profile" in a workspace, none in a link).
 */
function readProfile(value: unknown, name = 'profile'): VerificationProfile {
  const at = (member: string) => (name ? `${name}.${member}` : member);
  const source = objectAt(value, name || 'profile', 'an object with the verification settings');
  const profile: VerificationProfile = {};
  if (source.algorithms !== undefined)
    profile.algorithms = stringList(
      source.algorithms,
      at('algorithms'),
      'a list of algorithm names',
      'an algorithm name such as "RS256"',
    );
  if (source.issuer !== undefined)
    profile.issuer = stringAt(source.issuer, at('issuer'), 'the expected issuer as text');
  if (source.audience !== undefined)
    profile.audience = stringAt(
      source.audience,
      at('audience'),
      'the expected audience as text (several separated by commas)',
    );
  if (source.nonce !== undefined)
    profile.nonce = stringAt(
      source.nonce,
      at('nonce'),
      'the expected nonce as text (the one the login request sent)',
    );
  if (source.requiredClaims !== undefined)
    profile.requiredClaims = stringList(
      source.requiredClaims,
      at('requiredClaims'),
      'a list of claim names',
      'a claim name such as "exp"',
    );
  if (source.clockTolerance !== undefined) {
    const expected = `a number of seconds from 0 to ${maxClockToleranceSeconds} (a day)`;
    const tolerance = source.clockTolerance;
    if (typeof tolerance !== 'number') wrongType(at('clockTolerance'), tolerance, expected);
    // JSON reads 1e400 as Infinity, and 1e300 is as good: a tolerance that accepts every expired
    // token, which a number field would not even show. A leeway is for clocks a little apart.
    if (!(tolerance >= 0 && tolerance <= maxClockToleranceSeconds))
      wrongValue(at('clockTolerance'), String(tolerance), expected);
    profile.clockTolerance = tolerance;
  }
  if (source.now !== undefined) {
    // The instants the Verifier's "Pretend now is" field can give in some time zone: what it sent
    // is what it takes, wherever the link is opened.
    const { earliest, latest } = pretendNowRange;
    const expected = `a time in milliseconds since 1970 from ${earliest} to ${latest} (${new Date(earliest).toISOString()} to ${new Date(latest).toISOString()}): years 1 to 9999 of "Pretend now is", in any time zone`;
    const now = source.now;
    if (typeof now !== 'number') wrongType(at('now'), now, expected);
    if (!(now >= earliest && now <= latest)) wrongValue(at('now'), String(now), expected);
    profile.now = now;
  }
  if (source.secretEncoding !== undefined) {
    const expected = '"utf8", "base64" or "base64url"';
    const encoding = stringAt(source.secretEncoding, at('secretEncoding'), expected);
    // The value is not echoed: it is whatever the file says, and only the three names mean anything.
    if (!(secretEncodings as readonly string[]).includes(encoding))
      wrongValue(at('secretEncoding'), 'an unknown encoding', expected);
    profile.secretEncoding = encoding as VerificationProfile['secretEncoding'];
  }
  return profile;
}

/**
 * A verification profile from elsewhere (a share link), checked as strictly as a zip's: the
 * same ranges, so a hand-edited link cannot set what the Verifier's controls would refuse.
 */
export function readVerificationProfile(
  value: unknown,
  where: string,
): { ok: true; profile: VerificationProfile } | { ok: false; reason: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return {
      ok: false,
      reason: `${where} is ${kindOf(value)}, not an object with the verification settings.`,
    };
  try {
    return { ok: true, profile: readProfile(value, '') };
  } catch (error) {
    if (error instanceof FieldProblem) return { ok: false, reason: `${where} ${error.message}` };
    throw error;
  }
}

// RFC 7518 §6.2-6.4 and RFC 8037 §2: the members each key type requires, all base64url text.
const requiredMembers: Record<string, string[]> = {
  RSA: ['n', 'e'],
  EC: ['x', 'y'],
  OKP: ['x'],
  oct: ['k'],
};
const binaryMembers = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi', 'x', 'y', 'k'];
// RFC 7517 §4: the common members, when present, are text (key_ops and x5c lists of text).
const textMembers = ['alg', 'kid', 'use', 'x5u', 'x5t', 'x5t#S256'];
const base64url = /^[A-Za-z0-9_-]+$/;

function readJwk(value: unknown, path: string): JWK {
  const jwk = objectAt(value, path, 'a JWK (a JSON object with "kty", RFC 7517 §4)');
  const kty = stringAt(jwk.kty, `${path}.kty`, 'a key type: "RSA", "EC", "OKP" or "oct"');
  const required = requiredMembers[kty];
  if (!required)
    wrongValue(`${path}.kty`, 'a key type Tokenscope does not use', '"RSA", "EC", "OKP" or "oct"');
  if (kty === 'EC' || kty === 'OKP')
    stringAt(jwk.crv, `${path}.crv`, `a curve name such as "${kty === 'EC' ? 'P-256' : 'Ed25519'}"`);
  for (const member of binaryMembers) {
    if (jwk[member] === undefined && !required.includes(member)) continue;
    const expected = 'base64url text (RFC 7518 §6)';
    const text = stringAt(jwk[member], `${path}.${member}`, expected);
    if (!base64url.test(text)) wrongValue(`${path}.${member}`, 'text that is not base64url', expected);
  }
  for (const member of textMembers) optionalString(jwk[member], `${path}.${member}`, 'text');
  if (jwk.key_ops !== undefined)
    stringList(jwk.key_ops, `${path}.key_ops`, 'a list of operations such as "verify"', 'text');
  if (jwk.x5c !== undefined)
    stringList(jwk.x5c, `${path}.x5c`, 'a list of base64 certificates', 'base64 text');
  if (jwk.ext !== undefined && typeof jwk.ext !== 'boolean')
    wrongType(`${path}.ext`, jwk.ext, 'true or false');
  return jwk as JWK;
}

function readKey(value: unknown, index: number): WorkspaceKey {
  const path = `keys[${index}]`;
  const source = objectAt(value, path, 'an object with a "name" and a "publicJwk"');
  const key: WorkspaceKey = {
    name: stringAt(source.name, `${path}.name`, "the key's name as text"),
    publicJwk: readJwk(source.publicJwk, `${path}.publicJwk`),
  };
  const alg = optionalString(source.alg, `${path}.alg`, 'an algorithm name such as "RS256"');
  const kid = optionalString(source.kid, `${path}.kid`, 'text');
  if (alg !== undefined) key.alg = alg;
  if (kid !== undefined) key.kid = kid;
  if (source.privateJwk !== undefined) {
    const privateJwk = readJwk(source.privateJwk, `${path}.privateJwk`);
    if (privateJwk.kty !== key.publicJwk.kty)
      throw new FieldProblem(
        `has "${path}.privateJwk" of type "${privateJwk.kty}" but "${path}.publicJwk" of type "${key.publicJwk.kty}"; they must be the two halves of one key.`,
      );
    if (privateJwk.kty !== 'oct' && privateJwk.d === undefined)
      wrongType(`${path}.privateJwk.d`, undefined, 'the private part of the key (RFC 7518 §6)');
    key.privateJwk = privateJwk;
  }
  return key;
}

/** Checks every field's type and range; the first problem found is the reason. */
export function readWorkspace(value: unknown): WorkspaceReading {
  try {
    const source = objectAt(
      value,
      'workspace',
      'an object holding the token, the key, the profile, the Generator JSON and the keys',
    );
    // In the order an export writes them, so the first problem named is the first one in the file.
    const token = stringAt(source.token, 'token', 'the token as text (empty for none)');
    const key = stringAt(source.key, 'key', 'the key as text (empty for none)');
    const keyOrigin = optionalString(source.keyOrigin, 'keyOrigin', 'text') ?? 'imported';
    const profile = readProfile(source.profile);
    const generator = objectAt(source.generator, 'generator', 'an object with "header" and "payload"');
    const header = stringAt(generator.header, 'generator.header', "the Generator's header JSON as text");
    const payload = stringAt(generator.payload, 'generator.payload', "the Generator's payload JSON as text");
    if (!Array.isArray(source.keys)) wrongType('keys', source.keys, 'a list of keys (empty for none)');
    if (source.keys.length > importLimits.keys)
      throw new FieldProblem(
        `holds ${formatCount(source.keys.length)} keys; Tokenscope imports at most ${formatCount(importLimits.keys)}.`,
      );
    const keys = source.keys.map(readKey);
    const workspace: Workspace = { token, key, keyOrigin, profile, generator: { header, payload }, keys };
    return { ok: true, workspace };
  } catch (error) {
    if (error instanceof FieldProblem)
      return { ok: false, reason: `The workspace in this zip ${error.message} Nothing was changed.` };
    throw error;
  }
}
