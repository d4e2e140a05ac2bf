/** A finding's sources as links: "RFC 8725 §3.1, OWASP JWT Cheat Sheet "…"" → one link each. */
export interface ReferenceLink {
  text: string;
  href?: string;
}

const owaspCheatSheet =
  'https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html';
const owaspTestingGuide =
  'https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/06-Session_Management_Testing/10-Testing_JSON_Web_Tokens';

export function referenceLinks(reference: string | undefined): ReferenceLink[] {
  if (!reference) return [];
  let rfc: string | undefined;
  return reference.split(/,\s*/).map((text) => {
    const numbered = /^RFC (\d{4})(?: §([\d.]+))?$/.exec(text);
    const sectionOnly = /^§([\d.]+)$/.exec(text);
    if (numbered) {
      rfc = numbered[1];
      const section = numbered[2] ? `#section-${numbered[2]}` : '';
      return { text, href: `https://www.rfc-editor.org/rfc/rfc${rfc}${section}` };
    }
    if (sectionOnly && rfc)
      return {
        text: `RFC ${rfc} ${text}`,
        href: `https://www.rfc-editor.org/rfc/rfc${rfc}#section-${sectionOnly[1]}`,
      };
    if (text.startsWith('OWASP JWT Cheat Sheet')) return { text, href: owaspCheatSheet };
    if (text.startsWith('OWASP WSTG')) return { text, href: owaspTestingGuide };
    return { text };
  });
}
