/**
 * What the tools share: the token being looked at. Held in memory only; the URL fragment
 * carries it when the person opened a `#token=` link.
 */
class Workspace {
  token = $state('');
}

export const workspace = new Workspace();
