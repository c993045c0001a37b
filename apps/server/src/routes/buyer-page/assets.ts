/**
 * The buyer page's stylesheet and script, served from this server (the page's CSP allows
 * nothing else). Kept in code so a build of the server carries them.
 */
export const BUYER_CSS = `:root { color-scheme: light dark; --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --paper: #ffffff; --accent: #0b5cad; --good: #116329; --bad: #a40e26; --tint: #f6f8fa; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e6edf3; --muted: #9da7b3; --line: #3d444d; --paper: #0d1117; --accent: #5aa7ff; --good: #56d364; --bad: #ff7b72; --tint: #161b22; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 44rem; margin: 0 auto; padding: 2rem 1rem 4rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0.25rem 0 0.5rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 0.5rem; }
.from, .product { margin: 0; color: var(--muted); }
.asin, .account, code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.95em; white-space: nowrap; }
code { white-space: normal; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: 0.5rem 0.5rem 0.5rem 0; border-bottom: 1px solid var(--line); vertical-align: top; }
.amount { text-align: right; padding-right: 0; }
tfoot th, tfoot td { font-weight: 600; border-bottom: none; }
.policy { white-space: pre-wrap; overflow-wrap: anywhere; }
.deadline { font-weight: 600; }
.note { border: 1px solid var(--line); border-left-width: 4px; border-radius: 6px; padding: 0.75rem 1rem; background: var(--tint); }
.note h2 { margin-top: 0; }
.note.accepted { border-left-color: var(--good); }
.note.expired, .note.error { border-left-color: var(--bad); }
.actions a { margin-right: 1.25rem; }
a { color: var(--accent); }
form.accept { margin-top: 2rem; border: 1px solid var(--line); border-radius: 8px; padding: 1rem; }
form.accept h2 { margin-top: 0; }
label.confirm { display: flex; gap: 0.5rem; align-items: flex-start; margin: 1rem 0; font-weight: 600; }
label.confirm input { margin-top: 0.3rem; width: 1.1rem; height: 1.1rem; flex: none; }
button { font: inherit; font-weight: 600; padding: 0.6rem 1.2rem; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: var(--paper); cursor: pointer; }
button.link { background: none; border: none; padding: 0; color: var(--accent); text-decoration: underline; font-weight: inherit; }
form.sign-in { display: grid; gap: 0.5rem; max-width: 24rem; }
form.sign-in input { font: inherit; padding: 0.5rem; border: 1px solid var(--line); border-radius: 6px; background: var(--paper); color: var(--ink); }
form.sign-out { margin-top: 2.5rem; color: var(--muted); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;

export const BUYER_JS = `// The deadline in the buyer's own time zone, where the page says it in UTC.
for (const element of document.querySelectorAll("time[data-local]")) {
  const instant = new Date(element.getAttribute("datetime"));
  if (Number.isNaN(instant.getTime())) continue;
  const local = instant.toLocaleString(undefined, { dateStyle: "full", timeStyle: "short" });
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  element.textContent = \`\${local} your time (\${zone})\`;
  element.title = \`23:59:59 UTC on \${instant.toISOString().slice(0, 10)}\`;
}
`;
