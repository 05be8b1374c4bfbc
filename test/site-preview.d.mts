import type { ChildProcess } from "node:child_process";

/**
 * A running `astro preview` server.
 *
 * @example
 * ```ts
 * const { url, stop }: AstroPreview = await startAstroPreview({ root: ROOT, port: 4321 });
 * ```
 */
export interface AstroPreview {
  /** Base URL, without a trailing slash. */
  url: string;
  server: ChildProcess;
  /** SIGTERM, then SIGKILL after 5 s; resolves when the server is gone. */
  stop(): Promise<void>;
}

/**
 * Starts `astro preview` of `root`'s built site on 127.0.0.1:`port`; resolves once it answers.
 *
 * @example
 * ```ts
 * const preview = await startAstroPreview({ root: ROOT, port: 4321, env });
 * ```
 */
export function startAstroPreview(options: {
  root: string;
  port: number;
  env?: NodeJS.ProcessEnv;
}): Promise<AstroPreview>;

/**
 * Whether the built site in `dist` is missing or older than anything it is built from.
 *
 * @example
 * ```ts
 * if (siteBuildIsStale({ root: ROOT, dist })) build();
 * ```
 */
export function siteBuildIsStale(options: { root: string; dist: string }): boolean;
