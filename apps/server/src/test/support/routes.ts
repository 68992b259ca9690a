/** `printRoutes()`'s tree turned into `METHOD /path` pairs: every route the app answers, none forgotten. */
export function routeTable(tree: string): { method: string; path: string }[] {
  const out: { method: string; path: string }[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│\s]*)(?:└──|├──) (.+?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = Math.floor(m[1]!.length / 4);
    stack.length = depth;
    const parent = depth === 0 ? '' : stack[depth - 1]!;
    const path = depth === 0 ? m[2]! : parent === '/' ? `/${m[2]}` : `${parent}${m[2]}`;
    stack[depth] = path;
    for (const method of (m[3] ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean))
      out.push({ method, path });
  }
  return out;
}
