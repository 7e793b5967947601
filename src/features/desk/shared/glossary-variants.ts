/** The other spellings of a glossary word, stored as "a | b | c". */
export function splitVariants(variants: string): string[] {
  return variants
    .split('|')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
