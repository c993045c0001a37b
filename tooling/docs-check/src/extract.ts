/** A fenced TypeScript code block of a Markdown file. */
export interface CodeBlock {
  /** The 1-based line of the opening fence; the code starts on the next line. */
  line: number;
  lang: "ts" | "tsx";
  code: string;
  /** Fenced as ```ts fragment: shown to readers, not checked. */
  fragment: boolean;
}

const LANGS: Record<string, CodeBlock["lang"]> = { ts: "ts", typescript: "ts", tsx: "tsx" };

/** The word after the language that opts a block out: ```ts fragment. */
export const FRAGMENT = "fragment";

/**
 * The ```ts / ```tsx blocks (also ~~~ fences and `typescript`) of a Markdown text, in order.
 * Blocks in other languages are passed over; a fence indented in a list item has that
 * indentation taken off its lines.
 */
export function extractBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^`\s]*)(.*)$/.exec(lines[i] ?? "");
    if (!open) continue;
    const [, indent = "", fence = "", lang = "", rest = ""] = open;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length; i++) {
      const line = lines[i] ?? "";
      const close = /^\s*(`{3,}|~{3,})\s*$/.exec(line);
      if (close?.[1] !== undefined && close[1][0] === fence[0] && close[1].length >= fence.length) break;
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart());
    }
    const known = LANGS[lang.toLowerCase()];
    if (known === undefined) continue;
    blocks.push({ line: start + 1, lang: known, code: body.join("\n") + "\n", fragment: rest.trim().split(/\s+/).includes(FRAGMENT) });
  }
  return blocks;
}
