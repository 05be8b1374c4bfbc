// One docs page (site/content/docs/**.mdx) as the parts a translation must keep or may change. Pages are read with
// satteri, the MDX parser Astro compiles them with, so this sees the page the site renders, not a regex's guess.
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { type MdastNode, mdxToMdast } from "satteri";
import ts from "typescript";
import { parse as parseYaml } from "yaml";

/** Attributes of a component that hold prose (translated); every other attribute is configuration (kept). */
const PROSE_ATTRIBUTES = new Set(["title", "label", "description", "alt"]);
/** Attributes that are links: translated pages point them at their own locale's twin. */
const LINK_ATTRIBUTES = new Set(["href", "link"]);

/** A code block or a component, in page order, with what the translation must keep. */
export type PageBlock =
  | { kind: "fenced"; lang: string | null; fileTitle: string | undefined; code: string }
  | { kind: "component"; name: string; attributes: Record<string, string>; fileTitle: string | undefined };

export interface DocsPage {
  /** The path from the repository root, for messages. */
  file: string;
  frontmatter: Record<string, unknown>;
  /** Each imported local name and what it is: `<file from the repository root or package>[?query] <export>`. */
  imports: Record<string, string>;
  blocks: PageBlock[];
  /** Every inline code span, whitespace collapsed. */
  inlineCode: string[];
  /** Every link target (Markdown links, href/link attributes, hero actions), in page order. */
  links: string[];
  headings: { depth: number; text: string }[];
  /** Prose a reader sees: paragraph, heading and table-cell text (without code), prose attributes, frontmatter texts. */
  prose: string[];
}

type Node = MdastNode & { children?: Node[]; [key: string]: unknown };
type JsxAttribute = { type: string; name?: string; value?: string | { value: string } | null };

// A code block's title, kept only when it names a file (`src/index.ts`); titles in words are prose.
const fileTitleOf = (title: string | undefined) => (title && /^[\w./-]+$/.test(title) ? title : undefined);

/** Text of a node without its inline code, links' text included. */
const textOf = (node: Node): string =>
  node.type === "text"
    ? String(node.value)
    : node.type === "inlineCode"
      ? " "
      : (node.children ?? []).map(textOf).join("");

function importsOf(esm: string, pageFile: string, root: string): Record<string, string> {
  const source = ts.createSourceFile(pageFile, esm, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const imports: Record<string, string> = {};
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) {
      throw new Error(
        `${pageFile}: only import statements are expected in the page's ESM, found: ${statement.getText(source)}`,
      );
    }
    const specifier = statement.moduleSpecifier.text;
    // Relative imports become paths from the repository root, so pages at different depths compare equal.
    const [path, query] = specifier.split("?") as [string, string | undefined];
    const target = path.startsWith(".")
      ? `${relative(root, resolve(dirname(pageFile), path))}${query === undefined ? "" : `?${query}`}`
      : specifier;
    const clause = statement.importClause;
    if (clause?.name) imports[clause.name.text] = `${target} default`;
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        imports[element.name.text] = `${target} ${(element.propertyName ?? element.name).text}`;
      }
    }
  }
  return imports;
}

/** Strings of the frontmatter a reader sees (title, description, hero texts), and its links. */
function frontmatterParts(frontmatter: Record<string, unknown>): { prose: string[]; links: string[] } {
  const prose: string[] = [];
  const links: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === "string") {
      if (["title", "description", "tagline", "alt", "text"].includes(key)) prose.push(value);
      if (LINK_ATTRIBUTES.has(key)) links.push(value);
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, key);
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(frontmatter, "");
  return { prose, links };
}

/** Reads one MDX docs page. */
export function readDocsPage(file: string, root: string): DocsPage {
  const tree = mdxToMdast(readFileSync(file, "utf8"), {
    features: { frontmatter: true },
    position: false,
  }) as Node;
  const page: DocsPage = {
    file: relative(root, file),
    frontmatter: {},
    imports: {},
    blocks: [],
    inlineCode: [],
    links: [],
    headings: [],
    prose: [],
  };
  const visit = (node: Node) => {
    switch (node.type) {
      case "yaml":
        page.frontmatter = parseYaml(String(node.value)) ?? {};
        break;
      case "mdxjsEsm":
        Object.assign(page.imports, importsOf(String(node.value), file, root));
        break;
      case "code": {
        const title = /\btitle="([^"]*)"/.exec(String(node.meta ?? ""))?.[1];
        page.blocks.push({
          kind: "fenced",
          lang: (node.lang as string | null) ?? null,
          fileTitle: fileTitleOf(title),
          code: String(node.value),
        });
        break;
      }
      case "inlineCode":
        page.inlineCode.push(String(node.value).replace(/\s+/g, " "));
        break;
      case "link":
        page.links.push(String(node.url));
        break;
      case "heading":
        page.headings.push({ depth: Number(node.depth), text: textOf(node).trim() });
        page.prose.push(textOf(node));
        break;
      case "paragraph":
      case "tableCell":
        page.prose.push(textOf(node));
        break;
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement": {
        const attributes: Record<string, string> = {};
        let title: string | undefined;
        for (const attribute of (node.attributes ?? []) as JsxAttribute[]) {
          if (attribute.type !== "mdxJsxAttribute" || !attribute.name) continue;
          const value =
            typeof attribute.value === "object" && attribute.value
              ? `{${attribute.value.value}}`
              : String(attribute.value);
          if (attribute.name === "title") title = value;
          if (PROSE_ATTRIBUTES.has(attribute.name)) page.prose.push(value);
          else if (LINK_ATTRIBUTES.has(attribute.name)) page.links.push(value);
          else attributes[attribute.name] = value;
        }
        page.blocks.push({ kind: "component", name: String(node.name), attributes, fileTitle: fileTitleOf(title) });
        break;
      }
    }
    // A paragraph's text is taken whole above; its inline code and links still count on their own.
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  const fromFrontmatter = frontmatterParts(page.frontmatter);
  page.prose.push(...fromFrontmatter.prose);
  page.links.unshift(...fromFrontmatter.links);
  // `code={handlerTs}` compares as the file it imports, so equal code means the same snippet, not the same variable.
  for (const block of page.blocks) {
    if (block.kind !== "component") continue;
    for (const [name, value] of Object.entries(block.attributes)) {
      const identifier = /^\{(\w+)\}$/.exec(value)?.[1];
      if (identifier && page.imports[identifier]) block.attributes[name] = page.imports[identifier];
    }
  }
  return page;
}
