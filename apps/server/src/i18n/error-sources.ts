import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** One error message written in the source: its English text with each `${…}` as `{}`. */
export interface SourceMessage {
  text: string;
  /** `apps/server/src/…:line`, for the failure report. */
  where: string;
}

/** AppError and its subclasses (grown by the scan: `class ThrottledError extends AppError`). */
const ERROR_CLASSES = new Set(['AppError', 'FieldsError']);
/** Zod checks whose last argument may be the message: `.min(1, 'Write a message')`. */
const ZOD_CHECKS = new Set([
  'min',
  'max',
  'length',
  'regex',
  'refine',
  'email',
  'url',
  'uuid',
  'int',
  'positive',
  'nonnegative',
  'startsWith',
  'endsWith',
  'includes',
  'gte',
  'lte',
  'gt',
  'lt',
  'nonempty',
  'datetime',
  'superRefine',
]);
/** Properties that carry a message to a person: `{ message: '…' }`, `z.string({ error: '…' })`, a refusal's `reason`. */
const MESSAGE_KEYS = new Set(['message', 'error']);

/**
 * Not words for a person using Tribu: the operator's shell and start-up checks (env.ts, cli/, static.ts's build hint),
 * demo seeding, tests, and this module's own catalogues.
 */
const SKIPPED_DIRS = new Set(['test', 'node_modules', 'cli', 'seed', 'i18n']);
const SKIPPED_FILES = new Set(['env.ts', 'static.ts']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return SKIPPED_DIRS.has(d.name) ? [] : files(p);
    if (SKIPPED_FILES.has(d.name)) return [];
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') && !d.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** A sentence (has a space) or one capitalised word (`Required`); not a prefix, a code or a path. */
const SENTENCE = /^(?=[\s\S]*[A-Za-z]{2})([\s\S]* [\s\S]*|[A-Z][a-z]+)$/;
/** A module-level message constant (`UNSTORABLE_MESSAGE`), as opposed to a local `what`. */
const CONSTANT = /^[A-Z][A-Z0-9_]+$/;
/** String methods share names with zod checks: a zod message is the second argument (`.min(1, 'Write…')`). */
const ONE_ARGUMENT_CHECKS = new Set(['email', 'url', 'uuid', 'int', 'positive', 'nonnegative', 'nonempty', 'datetime']);

/**
 * Every literal error message in the given source trees: what `new AppError(code, …)`, `new FieldsError({…})`,
 * `notFound('…')` and the zod schemas' custom messages say. Identifiers, object maps, conditionals and small
 * functions returning a template are followed to their literals (within the scanned files).
 */
export function scanErrorMessages(roots: string[], base: string): SourceMessage[] {
  const sources = roots.flatMap(files).map((path) => ({ path, sf: ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true) }));
  // Names declared once with a literal, an object of literals, or an arrow function returning one.
  const errorClasses = new Set(ERROR_CLASSES);
  const consts = new Map<string, ts.Node>();
  const fns = new Map<string, ts.Node>();
  for (const { sf } of sources) {
    const visit = (n: ts.Node) => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
        if (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer)) fns.set(n.name.text, n.initializer);
        // A SCREAMING_CASE or exported constant may be imported from another file; any other name is only followed in its own file.
        else {
          const exported = ts.getCombinedModifierFlags(n) & ts.ModifierFlags.Export;
          consts.set(CONSTANT.test(n.name.text) || exported ? n.name.text : `${sf.fileName}|${n.name.text}`, n.initializer);
        }
      }
      if (ts.isFunctionDeclaration(n) && n.name) fns.set(n.name.text, n);
      // A message-making parameter with a default (`what = (wait) => \`Too many …\``) is followed like a function.
      if (ts.isParameter(n) && ts.isIdentifier(n.name) && n.initializer && ts.isArrowFunction(n.initializer)) fns.set(n.name.text, n.initializer);
      if (ts.isClassDeclaration(n) && n.name && n.heritageClauses?.some((h) => h.types.some((t) => errorClasses.has(t.expression.getText())))) {
        errorClasses.add(n.name.text);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  const out: SourceMessage[] = [];
  for (const { path, sf } of sources) {
    const where = (n: ts.Node) => `${relative(base, path)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const seen = new Set<ts.Node>();
    /** The literal texts an expression may evaluate to (following names, maps, branches and small functions). */
    const texts = (e: ts.Node | undefined, depth = 0): string[] => {
      if (!e || depth > 6 || seen.has(e)) return [];
      if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) return texts(e.expression, depth);
      if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
      // A template is one message with `{}` for each value; a named constant inside it is a message of its own too.
      if (ts.isTemplateExpression(e))
        return [
          e.head.text + e.templateSpans.map((s) => `{}${s.literal.text}`).join(''),
          ...e.templateSpans.flatMap((s) => (ts.isIdentifier(s.expression) && CONSTANT.test(s.expression.text) ? texts(s.expression, depth + 1) : [])),
        ];
      if (ts.isConditionalExpression(e)) return [...texts(e.whenTrue, depth + 1), ...texts(e.whenFalse, depth + 1)];
      if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)
        return [...texts(e.left, depth + 1), ...texts(e.right, depth + 1)];
      if (ts.isIdentifier(e)) {
        const init = consts.get(e.text) ?? consts.get(`${path}|${e.text}`);
        return init ? texts(init, depth + 1) : [];
      }
      if (ts.isElementAccessExpression(e) && ts.isIdentifier(e.expression)) {
        const init = consts.get(e.expression.text) ?? consts.get(`${path}|${e.expression.text}`);
        return init && ts.isObjectLiteralExpression(init)
          ? init.properties.flatMap((p) => (ts.isPropertyAssignment(p) ? texts(p.initializer, depth + 1) : []))
          : [];
      }
      if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) {
        const fn = fns.get(e.expression.text);
        if (!fn) return [];
        const found: string[] = [];
        const walk = (n: ts.Node) => {
          if (ts.isReturnStatement(n) && n.expression) found.push(...texts(n.expression, depth + 1));
          ts.forEachChild(n, walk);
        };
        if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && !ts.isBlock(fn.body)) found.push(...texts(fn.body, depth + 1));
        else walk(fn);
        return found;
      }
      if (ts.isObjectLiteralExpression(e)) return e.properties.flatMap((p) => (ts.isPropertyAssignment(p) ? texts(p.initializer, depth + 1) : []));
      return [];
    };
    const add = (n: ts.Node | undefined) => {
      for (const text of texts(n)) if (SENTENCE.test(text)) out.push({ text, where: where(n!) });
    };
    const visit = (n: ts.Node) => {
      if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && errorClasses.has(n.expression.text)) {
        if (n.expression.text === 'AppError') add(n.arguments?.[1]);
        else for (const a of n.arguments ?? []) add(ts.isArrowFunction(a) && !ts.isBlock(a.body) ? a.body : a);
      } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.SuperKeyword && n.arguments.length >= 2) {
        add(n.arguments[1]);
      } else if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'notFound' && n.arguments[0]) {
        for (const what of texts(n.arguments[0])) out.push({ text: `${what} not found`, where: where(n) });
      } else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ZOD_CHECKS.has(n.expression.name.text)) {
        const last = n.arguments.at(-1);
        const enough = n.arguments.length >= (ONE_ARGUMENT_CHECKS.has(n.expression.name.text) ? 1 : 2);
        if (enough && last && (ts.isStringLiteral(last) || ts.isTemplateExpression(last) || ts.isNoSubstitutionTemplateLiteral(last))) add(last);
      } else if (ts.isPropertyAssignment(n) && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name)) && MESSAGE_KEYS.has(n.name.text)) {
        if (ts.isStringLiteral(n.initializer) || ts.isTemplateExpression(n.initializer) || ts.isNoSubstitutionTemplateLiteral(n.initializer))
          add(n.initializer);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}
