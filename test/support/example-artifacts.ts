// What every example ships, checked once for all of them: the deploy zip and an s.yaml in sync with package.json.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { expect, it } from "vitest";
import { parse as parseYaml } from "yaml";

interface FcProps {
  code: string;
  triggers: { triggerType: string; triggerConfig: { eventName: string } }[];
}

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

  // s.yaml matching its generator is `npm run generate -- --check`'s job (test/repo/generated-files.test.ts); this
  // checks what it says, read back by a YAML parser.
  it("deploys exactly the events package.json's settings list", () => {
    const events: string[] = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).fc.events;
    const spec = parseYaml(readFileSync(join(root, "s.yaml"), "utf8"));
    const fn = Object.values(spec.resources as Record<string, { props: FcProps }>)[0]?.props;
    expect(fn?.code).toBe("./dist/code.zip");
    expect(fn?.triggers.map((t) => t.triggerConfig.eventName)).toEqual(events);
    expect(fn?.triggers.every((t) => t.triggerType === "cdn_events")).toBe(true);
  });
}
