// @ts-check
// Deploy: bundle the handler and the SDK into one file, so the uploaded code needs no node_modules.
import { build } from "esbuild";

await build({
  entryPoints: ["src/index.ts"],
  outfile: "dist/index.js",
  bundle: true,
  platform: "node",
  target: "node20",
  // FC loads `index.handler` from dist/index.js; CommonJS works with every Node.js runtime.
  format: "cjs",
  minify: true,
  sourcemap: true,
});
console.log("bundled src/index.ts -> dist/index.js");
