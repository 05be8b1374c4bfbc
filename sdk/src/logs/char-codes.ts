// The character codes the byte scanner compares with. An enum, not consts, because bundlers (esbuild, so the
// SDK's own build) inline its members as literals, while top-level consts become mutable `var`s in a bundle, which
// the JIT reloads and checks inside every loop: about 15% of the scanner's time.

export enum Char {
  LF = 10,
  CR = 13,
  SPACE = 32,
  QUOTE = 34,
  DASH = 45,
  BACKSLASH = 92,
}
