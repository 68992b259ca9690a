import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Attributes a person sees or hears (a screen reader reads labels and titles). */
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);

/**
 * Text that is the same in every language: the brand, symbols, keys, units of code. A literal made only of these is
 * not a word to translate.
 */
const SAME_IN_EVERY_LANGUAGE = /^(Tribu|CSV|API|URL|JSON|HMAC|SHA-256|OK|EN|FR|ES|Alt|Esc|Shift|Ctrl|⌘|@|#)$/;

/** Not words but code a person copies: a URL, a path, an address, a header. */
const CODE = /^(https?:\/\/\S*|\/[\w/.{}:-]*|[\w.+-]+@[\w.-]+|[A-Z][\w-]*: .*|[A-Z0-9]{2,}\d*)$/;

const isWords = (text: string) => {
  const t = text.replace(/\s+/g, ' ').trim();
  if (CODE.test(t)) return false;
  if (!/\p{L}{2,}/u.test(t)) return false;
  return !t.split(/[\s+·/|,.:()–—-]+/).every((w) => w === '' || SAME_IN_EVERY_LANGUAGE.test(w) || !/\p{L}/u.test(w));
};

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : tsxFiles(path);
    return name.endsWith('.tsx') && !name.endsWith('.test.tsx') ? [path] : [];
  });
}

/** Literal words in JSX: text between tags, string values of visible attributes, strings a `{…}` child renders. */
export function literalTexts(file: string, code: string): string[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  /** The strings an expression may evaluate to when rendered: `a ? 'x' : 'y'`, `a ?? 'x'`, `a && 'x'`, `` `x ${a}` ``. */
  const rendered = (e: ts.Expression): ts.Node[] => {
    if (ts.isParenthesizedExpression(e)) return rendered(e.expression);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e];
    if (ts.isTemplateExpression(e)) return [e.head, ...e.templateSpans.map((s) => s.literal)];
    if (ts.isConditionalExpression(e)) return [...rendered(e.whenTrue), ...rendered(e.whenFalse)];
    if (
      ts.isBinaryExpression(e) &&
      [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(e.operatorToken.kind)
    ) {
      return [...rendered(e.left), ...rendered(e.right)];
    }
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return [...rendered(e.left), ...rendered(e.right)];
    return [];
  };
  const text = (n: ts.Node) => (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) ? n.text : ts.isTemplateLiteralToken(n) ? n.text : n.getText());
  /** Inside <code>, <kbd> or <samp>: code shown as it is typed. */
  const inCode = (node: ts.Node) => {
    const el = ts.isJsxElement(node.parent) ? node.parent : undefined;
    return el !== undefined && ['code', 'kbd', 'samp'].includes(el.openingElement.tagName.getText());
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && isWords(node.text) && !inCode(node)) found.push(`${at(node)} ${JSON.stringify(node.text.replace(/\s+/g, ' ').trim())}`);
    if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)) && !inCode(node)) {
      for (const n of rendered(node.expression)) if (isWords(text(n))) found.push(`${at(n)} ${JSON.stringify(text(n))}`);
    }
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const init = node.initializer;
      const values = ts.isStringLiteral(init) ? [init] : ts.isJsxExpression(init) && init.expression ? rendered(init.expression) : [];
      for (const n of values) if (isWords(text(n))) found.push(`${at(n)} ${node.name.getText()}=${JSON.stringify(text(n))}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the backoffice words', () => {
  it('come from the catalogue: no screen writes a word of its own in JSX', () => {
    const found = tsxFiles(SRC).flatMap((f) => literalTexts(relative(SRC, f), readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  }, 60_000);

  it('finds a literal word in text, in a visible attribute and in a rendered expression (the check can fail)', () => {
    const code = `const A = () => <p title="Close it" class="x y">Hello {n} <b>{busy ? 'Saving…' : t.save}</b>{'·'} {t.a} · Tribu</p>;`;
    expect(literalTexts('a.tsx', code)).toEqual(['a.tsx:1 title="Close it"', 'a.tsx:1 "Hello"', 'a.tsx:1 "Saving…"']);
  });
});
