/** Literal text inside a regular expression: the grammar's gates are built from its rows' literals. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** One regex that finds any of the literals: most lines hold none, and one test is cheaper than many `includes`. */
export function anyLiteral(literals: readonly string[]): RegExp {
  return new RegExp(literals.map(escapeRegExp).join('|'));
}

/** One regex that finds whether the text begins with any of the literals. */
export function anyStart(literals: readonly string[]): RegExp {
  return new RegExp(`^(?:${literals.map(escapeRegExp).join('|')})`);
}
