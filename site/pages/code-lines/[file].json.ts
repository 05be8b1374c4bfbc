// The code and trigger panels' highlighted-line tables (site/playground/panels/highlight/), one static JSON file per
// code language and one for the trigger formats, fetched by a panel on the reader's first change.
import type { APIRoute, GetStaticPaths } from "astro";
import { LINE_FILES, lineFile } from "../../playground/panels/highlight/panel-tables";

export const getStaticPaths = (() => LINE_FILES.map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(JSON.stringify(await lineFile(String(params.file))), {
    headers: { "Content-Type": "application/json" },
  });
