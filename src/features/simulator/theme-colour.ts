/**
 * A theme colour as the browser resolves it (an rgb() value), for files that leave the page:
 * the tokens themselves are light-dark() pairs that only mean something inside it.
 */
export function themeColour(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${name})`;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}
