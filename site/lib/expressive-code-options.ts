// The docs' Expressive Code options, read by Starlight (astro.config.mjs) and by the code panels' build-time
// highlighter (site/playground/panels/highlight/), so panel tokens get the very colours of the docs' code blocks.

/** Starlight's `expressiveCode` option. */
export const EXPRESSIVE_CODE_OPTIONS = {
  // Long comment lines in generated handlers wrap instead of scrolling sideways (phones).
  defaultProps: { wrap: true },
};
