// What every example ships, checked once for all of them: the deploy zip and an s.yaml in sync with package.json.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { expect, it } from "vitest";

/**
 * Adds the tests every example shares. `root` is the example's folder; `bundle` is its built dist/index.js.
 *
 * @example
 * ```ts
 * describe("cache-notifier", () => itShipsDeployArtifacts(root, join(root, "dist/index.js")));
 * ```
 */
export function itShipsDeployArtifacts(root: string, bundle: string): void {
  it("ships code.zip holding exactly the bundled index.js", () => {
    const files = unzipSync(readFileSync(join(root, "dist/code.zip")));
    expect(Object.keys(files)).toEqual(["index.js"]);
    expect(Buffer.from(files["index.js"] as Uint8Array).equals(readFileSync(bundle))).toBe(true);
  });

  it("keeps s.yaml in sync with package.json's settings (regenerate: npm run s-yaml)", async () => {
    const { renderSYaml } = (await import(join(root, "../build.mjs"))) as { renderSYaml: (dir: string) => string };
    const rendered = renderSYaml(root);
    expect(readFileSync(join(root, "s.yaml"), "utf8")).toBe(rendered);
    const events: string[] = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).fc.events;
    expect(rendered.match(/eventName: (\w+)/g)).toEqual(events.map((name) => `eventName: ${name}`));
  });
}
