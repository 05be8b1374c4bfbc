// The package's entry points, listed once. The build (scripts/build.mjs), the playground's SDK bundle, run worker
// and editor types (site/playground/vite-plugin.mjs) all read this list; sdk/test/entries.test.ts checks that it
// equals package.json "exports", which npm needs written out.

/** The package's name: the specifier of its main entry. */
export const PACKAGE_NAME = "fc-cdn-trigger";

/**
 * Each entry: its folder under sdk/src (holding index.ts), its package.json subpath, and the specifier users import.
 *
 * @type {readonly import("./entries.d.mts").SdkEntry[]}
 */
export const SDK_ENTRIES = Object.freeze(
  [".", "testing", "tooling", "logs"].map((dir) =>
    Object.freeze({
      dir,
      subpath: dir === "." ? "." : `./${dir}`,
      specifier: dir === "." ? PACKAGE_NAME : `${PACKAGE_NAME}/${dir}`,
    }),
  ),
);
