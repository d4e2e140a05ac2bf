import { wellKnownSecrets } from '../../../core/audit/weak-secrets';

/** Longer words are not what people type as a secret, and HMAC time grows with them. */
const maxCandidateLength = 64;

let cached: Promise<readonly string[]> | undefined;

/**
 * Our list of documented sample secrets first, then zxcvbn's public lists: the most common
 * passwords, the diceware words and common English words. Loaded once, inside the worker only.
 */
export function loadCandidates(): Promise<readonly string[]> {
  cached ??= Promise.all([
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en/dist/commonWords.json.mjs'),
  ]).then(
    ([common, english]) => {
      const all = new Set<string>(wellKnownSecrets);
      for (const list of [
        common.dictionary['passwords-common'],
        common.dictionary['diceware-common'],
        english.default,
      ])
        for (const word of list) if (word.length <= maxCandidateLength) all.add(word);
      return [...all];
    },
    // Without the word lists, the built-in list still catches the documented defaults.
    () => wellKnownSecrets,
  );
  return cached;
}
