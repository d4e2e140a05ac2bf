/**
 * The lanes' pictures at the current step as one standalone SVG file. The page draws them with
 * classes and theme tokens (light-dark() pairs that mean nothing outside the page), so the file
 * takes each element's colours as the browser resolved them, one attribute per property: the
 * file then looks like the page at this step, in its theme, with no stylesheet to disagree.
 */
import { stageWidth } from './layout';

/** The properties the stage's stylesheet sets; each becomes an attribute of the same name. */
const painted = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
] as const;

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * A copy of `svg` with its resolved styles written in. The step's travelling dot and pulse end
 * transparent (the page lets them fade as they land): they are played to their end first, and
 * whatever is then invisible is left out, so the file shows the page at rest.
 */
function bake(svg: SVGSVGElement): SVGSVGElement {
  for (const animation of svg.getAnimations({ subtree: true })) animation.finish();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  const hidden: Element[] = [];
  originals.forEach((original, index) => {
    const copy = copies[index]!;
    const style = getComputedStyle(original);
    if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) {
      hidden.push(copy);
      return;
    }
    for (const property of painted) {
      const value = style.getPropertyValue(property);
      if (value && !(property === 'opacity' && value === '1')) copy.setAttribute(property, value);
    }
    copy.removeAttribute('style');
    copy.removeAttribute('class');
  });
  for (const element of hidden) element.remove();
  return clone;
}

export interface StepPictureOptions {
  background: string;
  text: string;
  /** The heading above each lane, by its `data-flow`. */
  headings: Record<string, string>;
}

/** Every lane's picture stacked, each under its heading, on the page's background. */
export function stepPicture(svgs: SVGSVGElement[], options: StepPictureOptions): string {
  let y = 0;
  let width = 0;
  const parts = svgs.map((svg) => {
    const [, , w = stageWidth, h = 200] = (svg.getAttribute('viewBox') ?? `0 0 ${stageWidth} 200`)
      .split(/\s+/)
      .map(Number);
    width = Math.max(width, w);
    const baked = bake(svg);
    // innerHTML writes a no-break space (the captions hold sizes to their word) as "&nbsp;",
    // an HTML entity that XML, and so an .svg file, does not know: write it as a number.
    const content = baked.innerHTML.replace(/&nbsp;/g, '&#160;');
    const heading = options.headings[svg.dataset.flow ?? ''] ?? '';
    const group = `<g transform="translate(0 ${y})"><text x="8" y="14" font-family="system-ui, sans-serif" font-size="13" font-weight="700" fill="${escapeAttribute(options.text)}">${heading}</text><g transform="translate(0 20)"${attributesOf(baked)}>${content}</g></g>`;
    y += h + 28;
    return group;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${y}" width="${width}" height="${y}"><rect width="${width}" height="${y}" fill="${escapeAttribute(options.background)}"/>${parts.join('')}</svg>\n`;
}

/** The lane's own inherited styles (font, text colour) carried onto the group that replaces it. */
function attributesOf(svg: SVGSVGElement): string {
  return painted
    .map((property) => svg.getAttribute(property))
    .map((value, index) => (value ? ` ${painted[index]}="${escapeAttribute(value)}"` : ''))
    .join('');
}
