// A strict check of the HTML the report emits (not a general HTML parser): one doctype first, every tag well formed
// and balanced (void elements never closed, only SVG elements self-closed), text free of raw `<` and of bare `&`,
// unique ids and attribute names, no script, and no reference out of the document (src/href/url() only `#anchors`).

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const SVG = new Set(['svg', 'g', 'path', 'rect', 'circle', 'line', 'polyline', 'polygon', 'text', 'tspan', 'defs', 'clippath', 'lineargradient', 'stop', 'title', 'desc']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s=>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
const ATTR = /\s+([^\s=>/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const ENTITY = /^&(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#x[0-9a-fA-F]+);/;

/** Problems found in `html`, each with its character offset; an empty list means the document passes. */
export function checkHtml(html: string): string[] {
  const problems: string[] = [];
  const doctypes = html.match(/<!doctype/gi)?.length ?? 0;
  if (doctypes !== 1) problems.push(`${doctypes} doctypes`);
  if (!/^<!DOCTYPE html>\s*<html lang="[a-z-]+">/i.test(html)) problems.push('document does not start with <!DOCTYPE html><html lang>');
  if (!/<head>[\s\S]*<meta charset="utf-8">[\s\S]*<title>[^<]+<\/title>[\s\S]*<\/head>/i.test(html)) problems.push('head lacks meta charset or a non-empty title');
  if (/<script/i.test(html)) problems.push('a <script> element');
  if (/<!--/.test(html)) problems.push('a comment');
  const stack: { name: string; at: number }[] = [];
  const ids = new Set<string>();
  const refs: string[] = [];
  let i = html.indexOf('>') + 1; // after the doctype
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const text = html.slice(i, lt < 0 ? html.length : lt);
    checkText(text, i, problems);
    if (lt < 0) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(html);
    if (!m) {
      problems.push(`@${lt}: stray "<" or malformed tag: ${html.slice(lt, lt + 40)}`);
      i = lt + 1;
      continue;
    }
    const [, close, rawName, attrs, selfClose] = m;
    const name = rawName.toLowerCase();
    i = TAG.lastIndex;
    if (close) {
      if (VOID.has(name)) problems.push(`@${lt}: closing tag of void element </${name}>`);
      const top = stack.pop();
      if (!top || top.name !== name) problems.push(`@${lt}: </${name}> closes <${top?.name ?? 'nothing'}>`);
      continue;
    }
    checkAttributes(name, attrs, lt, ids, refs, problems);
    if (name === 'style') {
      const end = html.indexOf('</style>', i);
      if (end < 0) problems.push(`@${lt}: unclosed <style>`);
      checkUrls(html.slice(i, end), lt, problems);
      i = end < 0 ? html.length : end + '</style>'.length;
      continue;
    }
    if (selfClose) {
      if (!SVG.has(name) && !VOID.has(name)) problems.push(`@${lt}: self-closed non-void HTML element <${name}/>`);
      continue;
    }
    if (!VOID.has(name)) stack.push({ name, at: lt });
  }
  for (const open of stack) problems.push(`@${open.at}: <${open.name}> never closed`);
  for (const r of refs) if (!ids.has(r)) problems.push(`reference #${r} has no element with that id`);
  return problems;
}

function checkText(text: string, at: number, problems: string[]): void {
  for (let k = text.indexOf('&'); k >= 0; k = text.indexOf('&', k + 1)) {
    if (!ENTITY.test(text.slice(k))) problems.push(`@${at + k}: bare "&" in text`);
  }
}

function checkUrls(text: string, at: number, problems: string[], refs: string[] = []): void {
  for (const u of text.matchAll(/url\(\s*['"]?([^'")]*)/g)) {
    if (!u[1].startsWith('#')) problems.push(`@${at}: url(${u[1]}) leaves the document`);
    else refs.push(u[1].slice(1));
  }
}

function checkAttributes(tag: string, attrs: string, at: number, ids: Set<string>, refs: string[], problems: string[]): void {
  const seen = new Set<string>();
  for (const a of attrs.matchAll(ATTR)) {
    const name = a[1].toLowerCase();
    const value = a[2] ?? a[3] ?? a[4] ?? '';
    if (seen.has(name)) problems.push(`@${at}: <${tag}> repeats attribute ${name}`);
    seen.add(name);
    if (/[<]/.test(value)) problems.push(`@${at}: raw "<" in attribute ${name}`);
    checkText(value, at, problems);
    if (name.startsWith('on')) problems.push(`@${at}: event handler attribute ${name}`);
    if ((name === 'src' || name === 'href' || name === 'xlink:href' || name === 'action' || name === 'srcset') && !value.startsWith('#')) {
      problems.push(`@${at}: ${name}="${value}" leaves the document`);
    } else if (name === 'href' || name === 'xlink:href') refs.push(value.slice(1));
    if (name === 'style' || name === 'clip-path' || name === 'fill' || name === 'mask' || name === 'filter') checkUrls(value, at, problems, refs);
    if (name === 'id') {
      if (ids.has(value)) problems.push(`@${at}: duplicate id ${value}`);
      ids.add(value);
    }
  }
}
