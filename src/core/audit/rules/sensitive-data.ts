import { readablePayload } from '../claims';
import type { Finding, Severity, SyncRule } from '../types';

/** The walk stops here: a payload of a million claims must not stall a keystroke. */
const maxVisited = 2000;
const maxDepth = 16;
/** Beyond this many, the rest are summarized in one line. */
const maxReported = 8;

const email =
  /^[^\s@"<>()[\],;:]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.[a-z]{2,24}$/i;
/** E.164 (+ and 8 to 15 digits), optionally grouped with spaces, dots, dashes or parentheses. */
const phone = /^\+[1-9](?:[\s.()-]?\d){7,14}$/;
const phoneNamed = /^(?:\+?\d[\s.()-]?){7,15}$/;
const phoneName = /phone|mobile|msisdn|^tel$|telephone|cell/i;
/** 13 to 19 digits, optionally in groups of 4 (or 4-6-5 for American Express). */
const cardLike = /^\d(?:[ -]?\d){12,18}$/;
/** Names whose value is a secret, not an identity claim (compared without "_" and "-", lower case). */
const secretNameParts = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'apikey',
  'privatekey',
  'accesskey',
  'creditcard',
  'cardnumber',
  'socialsecurity',
];
/** Short names that would match inside innocent words ("classname" holds "ssn"), so only whole. */
const secretNamesExact = new Set(['pwd', 'pass', 'ssn', 'cvv', 'cvc', 'pin', 'pincode']);

/** Luhn (ISO/IEC 7812-1 annex B): the check digit every payment card number carries. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Card numbers start with 2 to 6 (Mastercard, Amex, Visa, Discover…); epoch-ms timestamps start with 1. */
function isCardNumber(text: string): boolean {
  if (!cardLike.test(text)) return false;
  const digits = text.replace(/[ -]/g, '');
  return /^[2-6]/.test(digits) && !/^(\d)\1+$/.test(digits) && passesLuhn(digits);
}

function mask(text: string): string {
  if (text.length <= 4) return '…';
  return `…${text.slice(-4)}`;
}

interface Hit {
  path: string;
  what: string;
  severity: Severity;
}

function classify(name: string, value: unknown): Omit<Hit, 'path'> | undefined {
  const bareName = name.toLowerCase().replace(/[_\-\s]/g, '');
  const secretName =
    secretNamesExact.has(bareName) || secretNameParts.some((part) => bareName.includes(part));
  if (secretName && (typeof value === 'string' ? value !== '' : typeof value === 'number'))
    return { what: `a secret-looking claim ("${name}")`, severity: 'danger' };
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0 && isCardNumber(String(value)))
    return {
      what: `a number that passes the payment-card check (ending ${mask(String(value))})`,
      severity: 'danger',
    };
  if (typeof value !== 'string' || value.length > 320) return undefined;
  const text = value.trim();
  if (isCardNumber(text))
    return {
      what: `a payment-card-like number (ending ${mask(text.replace(/[ -]/g, ''))})`,
      severity: 'danger',
    };
  if (email.test(text)) return { what: 'an email address', severity: 'info' };
  if (phone.test(text) || (phoneName.test(name) && phoneNamed.test(text)))
    return { what: `a phone number (ending ${mask(text.replace(/\D/g, ''))})`, severity: 'info' };
  return undefined;
}

// OWASP JWT cheat sheet, "Token Information Disclosure"; RFC 7519 §12: a JWS payload is only encoded, not encrypted.
export const sensitiveData: SyncRule = {
  id: 'sensitive-data',
  severity: 'danger',
  check(token) {
    const payload = readablePayload(token);
    if (!payload) return [];
    const hits: Hit[] = [];
    let visited = 0;
    const stack: { value: unknown; path: string; name: string; depth: number }[] = [
      { value: payload, path: '$', name: '', depth: 0 },
    ];
    while (stack.length && visited < maxVisited) {
      const { value, path, name, depth } = stack.pop()!;
      visited++;
      const hit = name ? classify(name, value) : undefined;
      if (hit) hits.push({ ...hit, path });
      if (typeof value !== 'object' || value === null || depth >= maxDepth) continue;
      const entries = Array.isArray(value)
        ? value.map((item, index) => [name, item, `${path}[${index}]`] as const)
        : Object.entries(value).map(([key, item]) => [key, item, `${path}.${key}`] as const);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [childName, item, childPath] = entries[i]!;
        stack.push({ value: item, path: childPath, name: childName, depth: depth + 1 });
      }
    }
    const why =
      'A signed token is encoded, not encrypted: anyone who sees it (browser storage, logs, proxies, analytics, this page) can read every claim.';
    const reference = 'OWASP JWT Cheat Sheet "Token Information Disclosure", RFC 7519 §12';
    const findings: Finding[] = hits.slice(0, maxReported).map((hit) => ({
      rule: 'sensitive-data',
      severity: hit.severity,
      message: `The readable payload carries ${hit.what} at ${hit.path.length > 80 ? `${hit.path.slice(0, 80)}…` : hit.path}.`,
      why,
      fix:
        hit.severity === 'danger'
          ? 'Never put secrets or payment data in a token. Keep them server-side and put only an opaque reference in the token, or encrypt it (JWE).'
          : 'Put only what the recipient needs in the token. If personal data must travel, encrypt the token (a nested JWT in a JWE), or send an opaque identifier and look the data up server-side.',
      reference,
    }));
    if (hits.length > maxReported)
      findings.push({
        rule: 'sensitive-data',
        severity: 'info',
        message: `…and ${hits.length - maxReported} more sensitive-looking values in the payload.`,
        why,
        fix: 'Review every claim: a token should carry identifiers and permissions, not personal data.',
        reference,
      });
    return findings;
  },
};
