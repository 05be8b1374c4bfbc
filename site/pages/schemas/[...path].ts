// The JSON Schema downloads: the same files the npm package ships (sdk/schemas), produced by the same
// function from the same catalog, so the site works with `astro dev` before the SDK is built.
import type { APIRoute, GetStaticPaths } from "astro";
import { CDN_EVENT_NAMES } from "fc-cdn-trigger";
import { type CdnJsonSchemaTarget, cdnJsonSchema } from "fc-cdn-trigger/tooling";

export const getStaticPaths = (() =>
  (["draft-2020-12", "draft-07"] as const).flatMap((target) =>
    [undefined, ...CDN_EVENT_NAMES].map((name) => ({
      params: { path: `${target === "draft-07" ? "draft-07/" : ""}${name ?? "envelope"}.schema.json` },
      props: { name, target },
    })),
  )) satisfies GetStaticPaths;

interface Props {
  name: (typeof CDN_EVENT_NAMES)[number] | undefined;
  target: CdnJsonSchemaTarget;
}

export const GET: APIRoute<Props> = ({ props }) =>
  // Byte-identical to sdk/scripts/build.mjs's output: two-space JSON plus a final newline.
  new Response(`${JSON.stringify(cdnJsonSchema(props.name, { target: props.target }), null, 2)}\n`, {
    headers: { "Content-Type": "application/schema+json" },
  });
