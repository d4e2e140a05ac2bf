import type { SecretRating } from '../../../core/audit/rules/weak-secret';

let rater: Promise<((secret: string) => SecretRating) | undefined> | undefined;

/** zxcvbn's estimate of how guessable a secret is; its dictionaries load on the first call. */
export async function rateSecret(secret: string): Promise<SecretRating | undefined> {
  rater ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, english]) => {
      const zxcvbn = new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...english.dictionary },
        graphs: common.adjacencyGraphs,
      });
      return (text: string) => {
        const result = zxcvbn.check(text.slice(0, 256));
        return { guessesLog10: result.guessesLog10, score: result.score };
      };
    },
    () => undefined,
  );
  return (await rater)?.(secret);
}
