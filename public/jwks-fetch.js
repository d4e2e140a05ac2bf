// Tokenscope's JWKS fetch helper. Runs in a hidden same-origin iframe with its own CSP.
// Protocol (both sides check event.origin and event.source):
//   parent -> helper  { type: 'tokenscope:jwks-fetch', id, url }
//   helper -> parent  { type: 'tokenscope:jwks-ready' } once, then
//                     { type: 'tokenscope:jwks-result', id, ok: true, status, json }
//                   | { type: 'tokenscope:jwks-result', id, ok: false, error }
// It never receives a token or a key: only a URL. No cookies (credentials: 'omit'), no
// redirects (a redirect could move the request somewhere the person did not see).
'use strict';
(function () {
  var maxBytes = 512 * 1024;
  var timeoutMs = 15000;
  var origin = location.origin;

  function reply(message) {
    parent.postMessage(message, origin);
  }

  function allowedUrl(text) {
    var url;
    try {
      url = new URL(text);
    } catch (e) {
      return null;
    }
    if (url.protocol === 'https:') return url;
    if (url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost'))
      return url;
    return null;
  }

  async function fetchJson(id, text) {
    var url = allowedUrl(text);
    if (!url) {
      reply({
        type: 'tokenscope:jwks-result',
        id: id,
        ok: false,
        error: 'Only https:// URLs (or http:// on this machine) are fetched.',
      });
      return;
    }
    var controller = new AbortController();
    var timer = setTimeout(function () {
      controller.abort();
    }, timeoutMs);
    try {
      var response = await fetch(url.href, {
        credentials: 'omit',
        redirect: 'error',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
        headers: { Accept: 'application/json, application/jwk-set+json' },
        signal: controller.signal,
      });
      if (!response.ok) {
        reply({
          type: 'tokenscope:jwks-result',
          id: id,
          ok: false,
          error: 'The server answered ' + response.status + ' ' + response.statusText + '.',
        });
        return;
      }
      var body = await response.text();
      if (body.length > maxBytes) {
        reply({
          type: 'tokenscope:jwks-result',
          id: id,
          ok: false,
          error: 'The answer is larger than ' + maxBytes / 1024 + ' KB: not a key set.',
        });
        return;
      }
      var json;
      try {
        json = JSON.parse(body);
      } catch (e) {
        reply({ type: 'tokenscope:jwks-result', id: id, ok: false, error: 'The answer is not JSON.' });
        return;
      }
      reply({ type: 'tokenscope:jwks-result', id: id, ok: true, status: response.status, json: json });
    } catch (error) {
      var why = controller.signal.aborted
        ? 'No answer within ' + timeoutMs / 1000 + ' s.'
        : 'The request failed: the server is unreachable, redirects, or does not allow cross-origin reads (CORS).';
      reply({ type: 'tokenscope:jwks-result', id: id, ok: false, error: why });
    } finally {
      clearTimeout(timer);
    }
  }

  addEventListener('message', function (event) {
    if (event.origin !== origin || event.source !== parent) return;
    var data = event.data;
    if (!data || data.type !== 'tokenscope:jwks-fetch' || typeof data.url !== 'string') return;
    void fetchJson(data.id, data.url);
  });
  reply({ type: 'tokenscope:jwks-ready' });
})();
