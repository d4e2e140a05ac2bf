import { quote } from '../claims';
import type { SyncRule } from '../types';

/** Extensions a verifier built on jose understands (RFC 7797's unencoded payload). */
export const understoodCritical = new Set(['b64']);

/** Parameters RFC 7515/7516 define; §4.1.11 forbids listing them in "crit". */
const registeredParameters = new Set([
  'alg',
  'jku',
  'jwk',
  'kid',
  'x5u',
  'x5c',
  'x5t',
  'x5t#S256',
  'typ',
  'cty',
  'crit',
  'enc',
  'zip',
  'epk',
  'apu',
  'apv',
  'iv',
  'tag',
  'p2s',
  'p2c',
]);

// RFC 7515 §4.1.11: a recipient that does not understand a listed extension must reject the token.
export const critUnknown: SyncRule = {
  id: 'crit-unknown',
  severity: 'warn',
  check(token) {
    const crit = token.header.crit;
    if (crit === undefined) return [];
    const base = {
      rule: 'crit-unknown' as const,
      severity: 'warn' as const,
      why: 'Verifiers disagree on tokens like this: a strict one rejects it, a lax one ignores the extension and its security meaning, so the same token means different things to different servers.',
      reference: 'RFC 7515 §4.1.11',
    };
    if (!Array.isArray(crit) || crit.length === 0 || crit.some((name) => typeof name !== 'string'))
      return [
        {
          ...base,
          message: `The "crit" header is ${quote(crit)}; RFC 7515 requires a non-empty array of parameter names.`,
          fix: 'Remove "crit", or make it a non-empty array naming extension parameters that the header contains.',
        },
      ];
    const names = crit as string[];
    const problems: string[] = [];
    const registered = names.filter((name) => registeredParameters.has(name));
    const absent = names.filter((name) => !(name in token.header));
    const unknown = names.filter((name) => !registeredParameters.has(name) && !understoodCritical.has(name));
    if (unknown.length)
      problems.push(
        `it marks ${unknown.map((name) => quote(name)).join(', ')} as critical, which common verifiers (jose among them) do not understand and must reject`,
      );
    if (registered.length)
      problems.push(
        `it lists ${registered.map((name) => quote(name)).join(', ')}, which are standard parameters and may not appear in "crit"`,
      );
    if (absent.length)
      problems.push(
        `it names ${absent.map((name) => quote(name)).join(', ')}, which the header does not contain`,
      );
    if (!problems.length) return [];
    return [
      {
        ...base,
        message: `The "crit" header is a problem: ${problems.join('; ')}.`,
        fix: 'Only mark extensions as critical when every verifier understands them; list only extension parameters present in the header.',
      },
    ];
  },
};
