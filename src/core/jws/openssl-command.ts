/**
 * "Copy as an openssl command": a POSIX sh script that signs a compact JWS (the Generator's) or
 * verifies one (the Verifier's) with nothing but a shell and OpenSSL 3, so a person can check a
 * signature without this tool. The scripts run under dash, bash and zsh, saved as a file or pasted
 * into a terminal (see `pasteableScript`); they use no GNU-only flag (no `base64 -w0`, no
 * `xxd`), only openssl, printf, tr, od, cut and sed.
 *
 * Nothing is re-serialised: the signing input is the token's own text before its last "."
 * (RFC 7515 §5.1), so a header with hidden characters or an unencoded payload (RFC 7797) is
 * signed and checked as it was produced. A private key is never written into a script: the
 * signing script reads private.pem, and the verifying one carries only public keys (a secret, for
 * HMAC, as hex bytes, and the note says so).
 */
import { decodeBase64url } from '../token/base64url';
import { inspect } from '../token/inspect';
import { jwkToPem, pemToJwk, publicJwkOf } from '../keys/export';
import { importSigningKey, importVerificationKey, type SecretEncoding } from '../keys/import';
import type { KeyDetection } from '../keys/detect';
import { requirementOf } from '../keys/algorithms';

export type OpensslCommand = { ok: true; command: string; note: string } | { ok: false; reason: string };

type Digest = 'sha256' | 'sha384' | 'sha512';

/** How openssl makes each JWS signature. */
type Scheme =
  | { kind: 'hmac'; digest: Digest }
  | { kind: 'rsa'; digest: Digest; pss: boolean }
  /** `size`: the bytes of r and of s in a JWS (RFC 7518 §3.4; RFC 8812 §3.2 for secp256k1). */
  | { kind: 'ecdsa'; digest: Digest; size: number }
  | { kind: 'eddsa' };

const schemes: Record<string, Scheme> = {
  HS256: { kind: 'hmac', digest: 'sha256' },
  HS384: { kind: 'hmac', digest: 'sha384' },
  HS512: { kind: 'hmac', digest: 'sha512' },
  RS256: { kind: 'rsa', digest: 'sha256', pss: false },
  RS384: { kind: 'rsa', digest: 'sha384', pss: false },
  RS512: { kind: 'rsa', digest: 'sha512', pss: false },
  PS256: { kind: 'rsa', digest: 'sha256', pss: true },
  PS384: { kind: 'rsa', digest: 'sha384', pss: true },
  PS512: { kind: 'rsa', digest: 'sha512', pss: true },
  ES256: { kind: 'ecdsa', digest: 'sha256', size: 32 },
  ES384: { kind: 'ecdsa', digest: 'sha384', size: 48 },
  ES512: { kind: 'ecdsa', digest: 'sha512', size: 66 },
  ES256K: { kind: 'ecdsa', digest: 'sha256', size: 32 },
  // RFC 8037 §3.1 and RFC 9864: EdDSA signs the message itself; the curve comes from the key.
  EdDSA: { kind: 'eddsa' },
  Ed25519: { kind: 'eddsa' },
  Ed448: { kind: 'eddsa' },
};

/** The algorithms the scripts cover: every JWS signature algorithm the tool signs and verifies. */
export const opensslAlgorithms = Object.keys(schemes);

// ---- shell text ----

/**
 * A shell assignment that gives `name` exactly the UTF-8 bytes of `text`. Base64url text goes in
 * single quotes as it is; anything else (an unencoded payload) as printf octal escapes, so
 * quotes, line breaks and bidi characters can neither break the script nor hide in it ("!" too:
 * see `pasteableScript`). The "x" keeps a trailing line break, which `$(…)` would drop.
 */
function assignBytes(name: string, text: string): string {
  if (/^[A-Za-z0-9._-]*$/.test(text)) return `${name}='${text}'`;
  let format = '';
  for (const byte of new TextEncoder().encode(text)) {
    const char = String.fromCharCode(byte);
    format +=
      byte >= 0x20 && byte < 0x7f && !`'\\%!`.includes(char)
        ? char
        : `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${name}=$(printf '${format}x')\n${name}=\${${name}%x}`;
}

const hexOf = (bytes: Uint8Array) => [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');

/** How to run a script, for its header: `file` is the name the header suggests saving it as. */
const runLines = (file: string) => [
  `Needs only sh and OpenSSL 3 (nothing GNU-only). Save it as ${file} and run: sh ${file}`,
  'Or paste it into a terminal (sh, bash or zsh): it runs in a subshell, so its exit closes nothing.',
];

/**
 * The whole script: `about` (fixed words, one line each) in a header, then `body`. It can be
 * saved and run with sh, bash or zsh, or pasted into a terminal, where it must neither close the
 * terminal nor run anything of its text (as the Generator's attack script):
 * - The body is one subshell, `( … )`: its `exit` leaves the subshell, whose status is the
 *   script's (a pasted `exit 1` would close the person's terminal when a signature fails).
 * - No "#" line: an interactive zsh reads "#" as a comment only with interactive_comments, off
 *   by default (macOS's shell). So no "#!/bin/sh" either (sh runs the file without it), and
 *   the header is a quoted here-document, which no shell expands.
 * - No "!" outside single quotes or the here-document: zsh's history expansion reads a whole
 *   pasted text at once, and one "event not found" drops all of it.
 */
function pasteableScript(about: string[], body: string[]): string {
  // Every header line starts with fixed words, so none can be the delimiter, ABOUT, alone.
  return [
    ": <<'ABOUT'",
    ...about,
    'ABOUT',
    '(',
    'set -eu',
    'case $(openssl version 2>/dev/null) in',
    `  'OpenSSL '[3-9]*) ;;`,
    `  *) echo 'This script needs OpenSSL 3 or later (see "openssl version").' >&2; exit 2 ;;`,
    'esac',
    ...body,
    ')',
    '',
  ].join('\n');
}

/** A private folder for the files openssl reads (`mkdir` refuses one that exists), removed at exit. */
const workFolder = [
  'work=${TMPDIR:-/tmp}/jws-openssl.$$',
  'mkdir -m 700 "$work"',
  `trap 'rm -rf "$work"' EXIT`,
  `trap 'exit 1' HUP INT TERM`,
].join('\n');

const base64urlFunction = `base64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }`;

const fromBase64urlFunction = [
  'from_base64url() {',
  `  text=$(printf '%s' "$1" | tr '_-' '/+')`,
  '  case $((${#text} % 4)) in 2) text=$text== ;; 3) text=$text= ;; esac',
  `  printf '%s\\n' "$text" | openssl base64 -d -A`,
  '}',
].join('\n');

const hexFunction = `hex() { od -An -v -tx1 | tr -d ' \\n'; }`;

/** POSIX printf has octal escapes but no hex ones: each byte is written as three octal digits. */
const unhexFunction = [
  'unhex() {',
  `  hex=$1 octal=''`,
  '  while [ -n "$hex" ]; do',
  '    rest=${hex#??}',
  '    byte=$((0x${hex%"$rest"}))',
  '    octal="$octal\\\\$((byte / 64))$((byte / 8 % 8))$((byte % 8))"',
  '    hex=$rest',
  '  done',
  '  printf "$octal"',
  '}',
].join('\n');

const pssOptions = '-sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest';

// ---- the token ----

interface CompactToken {
  alg: string;
  signingInput: string;
  signature: string;
}

/** The parts of a compact JWS a script needs, or why there is no script for it. */
function readCompact(token: string): CompactToken | string {
  const parts = token.split('.');
  if (parts.length !== 3)
    return parts.length === 5
      ? 'This is an encrypted token (JWE): openssl signs and verifies signed tokens (JWS).'
      : 'The openssl command is made for a compact token: three parts separated by "." (RFC 7515 §7.1).';
  const [encodedHeader, payload, signature] = parts as [string, string, string];
  if (token.includes('\0')) return 'The token holds a NUL character, which no shell variable can carry.';
  if (payload === '')
    return 'This token carries no payload: its content travels apart from it (RFC 7515 appendix F), and the command signs and checks a token as it stands.';
  if (!/^[A-Za-z0-9_-]*$/.test(signature))
    return 'The signature part is not base64url (RFC 7515 §2), so openssl could not be given its bytes.';
  const decoded = decodeBase64url(encodedHeader);
  let alg: unknown;
  try {
    alg = decoded.ok
      ? (JSON.parse(new TextDecoder().decode(decoded.bytes)) as { alg?: unknown }).alg
      : undefined;
  } catch {
    alg = undefined;
  }
  if (typeof alg !== 'string') return 'The header has no readable "alg", so there is nothing to reproduce.';
  return { alg, signingInput: token.slice(0, token.lastIndexOf('.')), signature };
}

function schemeFor(alg: string): Scheme | string {
  if (Object.hasOwn(schemes, alg)) return schemes[alg]!;
  if (alg === 'none')
    return '"alg": "none" means an unsigned token: there is no signature for openssl to make or check.';
  return `"${alg}" is not a JWS signature algorithm this tool knows, so there is no openssl command for it.`;
}

// ---- signing (the Generator) ----

/** "an EC P-256 private key", from the algorithm's requirement ("an EC P-256 key"). */
const privateKeyWords = (alg: string) =>
  requirementOf(alg)?.words.replace(/ key$/, ' private key') ?? 'the private key';

/** The lines that sign `$signing_input` with openssl and set `$signature` (base64url). */
function signingLines(alg: string, scheme: Scheme): string[] {
  const input = `printf '%s' "$signing_input"`;
  const noSignature = `[ -n "$signature" ] || { echo 'openssl could not sign: see its message above.' >&2; exit 1; }`;
  if (scheme.kind === 'hmac')
    return [
      base64urlFunction,
      `signature=$(${input} | openssl dgst -${scheme.digest} -mac HMAC -macopt "hexkey:$key_hex" -binary | base64url)`,
      noSignature,
    ];
  const keyWords = privateKeyWords(alg);
  const keyCheck = `[ -r private.pem ] || { echo 'Save the signing key (${keyWords}) as private.pem (PKCS#8 PEM) in this folder first.' >&2; exit 2; }`;
  if (scheme.kind === 'rsa')
    return [
      keyCheck,
      base64urlFunction,
      `signature=$(${input} | openssl dgst -${scheme.digest} -sign private.pem${scheme.pss ? ` ${pssOptions}` : ''} | base64url)`,
      noSignature,
    ];
  if (scheme.kind === 'eddsa')
    return [
      keyCheck,
      workFolder,
      base64urlFunction,
      // openssl 3.0 reads the message for a one-shot EdDSA signature only from a file.
      `${input} > "$work/input"`,
      `signature=$(openssl pkeyutl -sign -inkey private.pem -rawin -in "$work/input" | base64url)`,
      noSignature,
    ];
  const digits = scheme.size * 2;
  return [
    keyCheck,
    base64urlFunction,
    unhexFunction,
    // Split by the command substitution: zsh does not split an unquoted variable.
    `set -- $(${input} | openssl dgst -${scheme.digest} -sign private.pem | openssl asn1parse -inform DER | sed -n 's/^.*prim: *INTEGER *://p')`,
    // Hex digits only, checked with tr: a "[!…]" pattern would be a history expansion when pasted.
    `[ $# -eq 2 ] && [ \${#1} -le ${digits} ] && [ \${#2} -le ${digits} ] && [ -z "$(printf '%s' "$1$2" | tr -d '0-9A-Fa-f')" ] ||`,
    `  { echo 'openssl made no ${alg} signature: is private.pem ${keyWords}?' >&2; exit 1; }`,
    `pad() { padded=$1; while [ \${#padded} -lt ${digits} ]; do padded=0$padded; done; printf '%s' "$padded"; }`,
    'signature=$(unhex "$(pad "$1")$(pad "$2")" | base64url)',
  ];
}

/**
 * The script that signs `token`'s signing input with openssl and prints the whole token. HMAC
 * needs the secret's bytes (written into the script as hex); other keys are read from
 * private.pem.
 */
export function opensslSignScript(token: string, secret?: Uint8Array): OpensslCommand {
  const compact = readCompact(token);
  if (typeof compact === 'string') return { ok: false, reason: compact };
  const scheme = schemeFor(compact.alg);
  if (typeof scheme === 'string') return { ok: false, reason: scheme };
  if (scheme.kind === 'hmac' && !secret?.length)
    return { ok: false, reason: `${compact.alg} needs the secret's bytes to write the command.` };
  const about = [
    `Signs this ${compact.alg} token's header and payload with OpenSSL 3 and prints the token.`,
    scheme.kind === 'hmac'
      ? 'The secret is below, as hex bytes: keep this script as private as the secret.'
      : 'Run it in the folder where the signing key is saved as private.pem.',
    'What is signed: base64url(header) "." base64url(payload), exactly as the Generator made them (RFC 7515 §5.1).',
    ...(scheme.kind === 'ecdsa'
      ? [
          'openssl writes an ECDSA signature in DER, SEQUENCE { INTEGER r, INTEGER s }, with no leading',
          `zero bytes; a JWS carries r and s as ${scheme.size}-byte numbers side by side (RFC 7518 §3.4).`,
        ]
      : []),
    ...runLines('sign.sh'),
  ];
  const body = [
    ...(scheme.kind === 'hmac' ? [`key_hex='${hexOf(secret!)}'`] : []),
    assignBytes('signing_input', compact.signingInput),
    ...signingLines(compact.alg, scheme),
    `printf '%s.%s\\n' "$signing_input" "$signature"`,
  ];
  return { ok: true, command: pasteableScript(about, body), note: signNote(compact.alg, scheme) };
}

/** How to run a script, for the note under it. */
const runNote = (file: string) =>
  `Save it as ${file} and run sh ${file}, or paste it into a terminal (sh, bash or zsh): it needs OpenSSL 3 and nothing GNU-only.`;

function signNote(alg: string, scheme: Scheme): string {
  const run = runNote('sign.sh');
  if (scheme.kind === 'hmac')
    return `The secret is in the command, as hex bytes (so any secret, text or base64, reaches openssl exactly): keep the command as private as the secret. ${run}`;
  const family = scheme.kind === 'ecdsa' ? 'ECDSA' : scheme.kind === 'rsa' && scheme.pss ? 'RSA-PSS' : '';
  const varies = family
    ? ` ${family} signatures differ on every signing: the token printed is another one, and verifies with the same key.`
    : '';
  return `Save the signing key (${privateKeyWords(alg)}) as private.pem (PKCS#8 PEM; the Keys tool converts a JWK): it is never written into the command. ${run}${varies}`;
}

// ---- verifying (the Verifier) ----

export type OpensslVerificationKeys = { secrets: Uint8Array[] } | { publicPems: string[] };

/** What a verifying script does beyond asking openssl, for its header. */
function checkAbout(scheme: Scheme): string[] {
  if (scheme.kind === 'hmac')
    return [
      'HMAC has no verify: the script makes the signature again with the secret and compares the bytes.',
    ];
  if (scheme.kind !== 'ecdsa') return [];
  return [
    `A JWS carries r and s as ${scheme.size}-byte numbers side by side (RFC 7518 §3.4); openssl reads`,
    'DER, SEQUENCE { INTEGER r, INTEGER s }, which asn1parse writes from a description.',
  ];
}

/** The lines that define `check KEY`, true when the signature verifies with that key. */
function checkFunction(scheme: Scheme): string[] {
  const input = `printf '%s' "$signing_input"`;
  if (scheme.kind === 'hmac')
    return [
      hexFunction,
      fromBase64urlFunction,
      'given=$(from_base64url "$signature" | hex)',
      'check() {',
      `  expected=$(${input} | openssl dgst -${scheme.digest} -mac HMAC -macopt "hexkey:$1" -binary | hex)`,
      '  [ -n "$expected" ] && [ "$expected" = "$given" ]',
      '}',
    ];
  if (scheme.kind === 'rsa')
    return [
      fromBase64urlFunction,
      'from_base64url "$signature" > "$work/signature"',
      'check() {',
      `  ${input} | openssl dgst -${scheme.digest} -verify "$1"${scheme.pss ? ` ${pssOptions}` : ''} -signature "$work/signature" >/dev/null 2>&1`,
      '}',
    ];
  if (scheme.kind === 'eddsa')
    return [
      fromBase64urlFunction,
      'from_base64url "$signature" > "$work/signature"',
      `${input} > "$work/input"`,
      'check() {',
      '  openssl pkeyutl -verify -pubin -inkey "$1" -rawin -in "$work/input" -sigfile "$work/signature" >/dev/null 2>&1',
      '}',
    ];
  const digits = scheme.size * 2;
  return [
    hexFunction,
    fromBase64urlFunction,
    'signature_hex=$(from_base64url "$signature" | hex)',
    `if [ \${#signature_hex} -eq ${digits * 2} ]; then`,
    `  r=$(printf '%s\\n' "$signature_hex" | cut -c 1-${digits})`,
    '  s=${signature_hex#"$r"}',
    `  printf 'asn1=SEQUENCE:signature\\n[signature]\\nr=INTEGER:0x%s\\ns=INTEGER:0x%s\\n' "$r" "$s" > "$work/signature.cnf"`,
    '  openssl asn1parse -genconf "$work/signature.cnf" -noout -out "$work/signature"',
    'fi',
    'check() {',
    `  [ -s "$work/signature" ] && ${input} | openssl dgst -${scheme.digest} -verify "$1" -signature "$work/signature" >/dev/null 2>&1`,
    '}',
  ];
}

/**
 * The script that verifies `token`'s signature with openssl and prints "Verified OK" (exit 0) or
 * "Verification failure" (exit 1). Several keys (a key set when the token names no kid) are each
 * tried, as the Verifier tries them.
 */
export function opensslVerifyScript(token: string, keys: OpensslVerificationKeys): OpensslCommand {
  const compact = readCompact(token);
  if (typeof compact === 'string') return { ok: false, reason: compact };
  const scheme = schemeFor(compact.alg);
  if (typeof scheme === 'string') return { ok: false, reason: scheme };
  const hmac = scheme.kind === 'hmac';
  const givenSecrets = 'secrets' in keys;
  if (hmac !== givenSecrets)
    return { ok: false, reason: `${compact.alg} is verified with ${hmac ? 'a secret' : 'a public key'}.` };
  const count = givenSecrets ? keys.secrets.length : keys.publicPems.length;
  if (count === 0) return { ok: false, reason: 'There is no key to write into the command.' };

  const about = [
    `Verifies this ${compact.alg} token's signature with OpenSSL 3: prints "Verified OK" and exits 0,`,
    'or "Verification failure" and exits 1. The signature only: not exp, nbf or other claims.',
    ...(hmac ? ['The secret is below, as hex bytes: keep this script as private as the secret.'] : []),
    'What was signed: everything before the last "." (RFC 7515 §5.1); then the signature.',
    ...checkAbout(scheme),
    ...runLines('verify.sh'),
  ];
  const lines = [assignBytes('token', token), 'signing_input=${token%.*}', 'signature=${token##*.}'];
  let candidates: string[];
  if ('secrets' in keys) {
    candidates = keys.secrets.map((secret) => `'${hexOf(secret)}'`);
  } else {
    lines.push(workFolder);
    candidates = keys.publicPems.map((pem, index) => {
      const file = `"$work/public${count > 1 ? `-${index + 1}` : ''}.pem"`;
      lines.push(`cat > ${file} <<'PEM'\n${pem.trim()}\nPEM`);
      return file;
    });
  }
  lines.push(
    ...checkFunction(scheme),
    `for key in ${candidates.join(' ')}; do`,
    `  if check "$key"; then echo 'Verified OK'; exit 0; fi`,
    'done',
    `echo 'Verification failure'`,
    'exit 1',
  );
  return { ok: true, command: pasteableScript(about, lines), note: verifyNote(scheme, count) };
}

function verifyNote(scheme: Scheme, count: number): string {
  const run = `${runNote('verify.sh')} It prints "Verified OK" and exits 0, or "Verification failure" and exits 1. It checks the signature only, not the claims or the profile.`;
  const several =
    count > 1 ? ` The token names no kid, so the ${count} keys that fit are each tried, as here.` : '';
  return scheme.kind === 'hmac'
    ? `The secret is in the command, as hex bytes: keep the command as private as the secret. ${run}${several}`
    : `The public key is written into the script (a public key is not secret). ${run}${several}`;
}

// ---- from what a person pasted ----

/**
 * The Generator's command: the script for its token and, for HMAC, the secret's bytes as the
 * signer read them (the same importer, so text, base64 and JWK secrets give the same bytes).
 * Never throws.
 */
export async function opensslSignCommand(
  token: string,
  key: string,
  options: { secretEncoding?: SecretEncoding } = {},
): Promise<OpensslCommand> {
  const compact = readCompact(token);
  if (typeof compact === 'string') return { ok: false, reason: compact };
  if (schemes[compact.alg]?.kind !== 'hmac') return opensslSignScript(token);
  const imported = await importSigningKey(key, compact.alg, { secretEncoding: options.secretEncoding });
  if (!imported.ok) return { ok: false, reason: imported.reason };
  const usable = imported.candidates[0]!.usable;
  if (usable.library !== 'jose' || !(usable.key instanceof Uint8Array))
    return { ok: false, reason: 'The key is not a secret.' };
  return opensslSignScript(token, usable.key);
}

/** The JWK behind one key the Verifier would use, to convert to an SPKI PEM. */
async function jwkFor(detection: KeyDetection, key: string, setIndex: number | undefined) {
  if (detection.format === 'jwk') return detection.jwk!;
  if (detection.format === 'jwks') return detection.keys![setIndex ?? 0]!;
  return (await pemToJwk(key)).jwk;
}

/**
 * The Verifier's command: the token (as the Verifier reads it: trimmed, "Bearer " dropped) and
 * every key the Verifier would try, each as an SPKI PEM (the public half of a private key; a
 * certificate's key) or, for HMAC, the secret's bytes. Never throws.
 */
export async function opensslVerifyCommand(
  token: string,
  key: string,
  options: { secretEncoding?: SecretEncoding } = {},
): Promise<OpensslCommand> {
  try {
    const inspection = inspect(token);
    if (!inspection.ok) return { ok: false, reason: inspection.error.message };
    if (inspection.format !== 'jws-compact')
      return {
        ok: false,
        reason: inspection.format.startsWith('jwe')
          ? 'This is an encrypted token (JWE): openssl signs and verifies signed tokens (JWS).'
          : 'The openssl command is made for a compact token; this one is in the JSON serialization (RFC 7515 §7.2).',
      };
    const compact = readCompact(inspection.token);
    if (typeof compact === 'string') return { ok: false, reason: compact };
    const scheme = schemeFor(compact.alg);
    if (typeof scheme === 'string') return { ok: false, reason: scheme };
    const kid = typeof inspection.header.kid === 'string' ? inspection.header.kid : undefined;
    const imported = await importVerificationKey(key, compact.alg, {
      kid,
      secretEncoding: options.secretEncoding,
    });
    if (!imported.ok) return { ok: false, reason: imported.reason };
    if (scheme.kind === 'hmac') {
      const secrets = imported.candidates.flatMap(({ usable }) =>
        usable.library === 'jose' && usable.key instanceof Uint8Array ? [usable.key] : [],
      );
      return opensslVerifyScript(inspection.token, { secrets });
    }
    const publicPems: string[] = [];
    for (const candidate of imported.candidates) {
      const jwk = await jwkFor(imported.detection, key, candidate.setIndex);
      publicPems.push((await jwkToPem(publicJwkOf(jwk))).publicPem);
    }
    return opensslVerifyScript(inspection.token, { publicPems });
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).trim().replace(/\.$/, '');
    return { ok: false, reason: `The openssl command could not be written: ${why || 'no reason given'}.` };
  }
}
