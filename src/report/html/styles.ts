// The report's one inline stylesheet: no fonts, images or other files from anywhere, so the
// page reads the same in a case file years later. Colours are never the only signal (every
// status carries its word and a mark) and every text colour passes WCAG AA on its background.
import { createHash } from 'node:crypto';

export const REPORT_CSS = `
:root {
  --ink: #1a1d21;
  --muted: #4a525c;
  --rule: #c9d0d8;
  --rule-light: #e3e7ec;
  --head: #f1f4f7;
  --accent: #1f3a5f;
  --pass-ink: #14532d; --pass-bg: #e5f3ea; --pass-rule: #7bb38f;
  --fail-ink: #8a1116; --fail-bg: #fbe9ea; --fail-rule: #d98c90;
  --warn-ink: #6b4200; --warn-bg: #fdf1dc; --warn-rule: #d9a655;
  --info-ink: #28415e; --info-bg: #e8eef6; --info-rule: #8fa6c2;
  --none-ink: #3d444c; --none-bg: #eef0f2; --none-rule: #b5bcc4;
}
* { box-sizing: border-box; }
html { background: #fff; color: var(--ink); }
body {
  margin: 0;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
}
.doc {
  display: flex;
  flex-direction: column;
  max-width: 1120px;
  margin: 0 auto;
  padding: 28px 32px 40px;
}
.doc > * { min-width: 0; }
.doc > header { order: 1; }
.doc > nav { order: 2; }
.doc > main { order: 3; }
.doc > footer { order: 4; }
h1, h2, h3 { color: var(--accent); line-height: 1.25; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 0 0 10px; }
h3 {
  font-size: 15px;
  margin: 22px 0 8px;
  padding-bottom: 3px;
  border-bottom: 1px solid var(--rule-light);
  text-transform: none;
}
.subtitle { margin: 0 0 18px; color: var(--muted); }
.doc > header { border-bottom: 3px solid var(--accent); padding-bottom: 14px; margin-bottom: 22px; }
a { color: #1d4f91; }
a:focus-visible { outline: 2px solid #1d4f91; outline-offset: 2px; }
code, .mono {
  font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace;
  font-size: 12.5px;
  overflow-wrap: anywhere;
}
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; }
caption { text-align: left; font-weight: 600; padding: 0 0 6px; color: var(--muted); }
th, td {
  text-align: left;
  vertical-align: top;
  padding: 6px 9px;
  border: 1px solid var(--rule);
  overflow-wrap: break-word;
}
thead th { background: var(--head); font-weight: 600; white-space: nowrap; }
table.grid { table-layout: fixed; }
table.grid thead th { white-space: normal; }
/* Column widths of the fixed tables (set on the header cells by head() in reporters/html.ts). */
th.w5 { width: 5%; } th.w10 { width: 10%; } th.w12 { width: 12%; } th.w13 { width: 13%; } th.w15 { width: 15%; } th.w16 { width: 16%; } th.w20 { width: 20%; } th.w21 { width: 21%; } th.w24 { width: 24%; } th.w27 { width: 27%; } th.w31 { width: 31%; } th.w37 { width: 37%; } th.w46 { width: 46%; } th.w61 { width: 61%; }
.sub { display: block; color: var(--muted); font-weight: 400; font-size: 12.5px; margin-top: 2px; }
.ptr > * { display: block; }
.ptr .mono { font-size: 11.5px; color: var(--muted); }
.vh {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.about { display: grid; grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr); gap: 0 24px; align-items: start; }
tbody th[scope="row"] { background: #f8f9fb; font-weight: 600; }
table.meta { width: auto; min-width: 50%; }
.about table.meta { width: 100%; }
table.meta th[scope="row"] { width: 1%; white-space: nowrap; }
td ul, td ol { margin: 0; padding-left: 18px; }
td p { margin: 0 0 4px; }
.num { color: var(--muted); font-weight: 400; }
.muted { color: var(--muted); }
.hint { color: var(--muted); margin-top: 3px; }
.hint::before { content: "Hint: "; font-weight: 600; }
.notice {
  border-left: 4px solid var(--info-rule);
  background: var(--info-bg);
  color: var(--info-ink);
  padding: 8px 12px;
  margin: 10px 0;
}
.summary { font-size: 15px; margin: 4px 0 12px; }
.tag {
  display: inline-block;
  padding: 1px 8px;
  border: 1px solid;
  border-radius: 10px;
  font-weight: 600;
  font-size: 12.5px;
  white-space: nowrap;
}
.s-pass { color: var(--pass-ink); background: var(--pass-bg); border-color: var(--pass-rule); }
.s-fail { color: var(--fail-ink); background: var(--fail-bg); border-color: var(--fail-rule); }
.s-warn { color: var(--warn-ink); background: var(--warn-bg); border-color: var(--warn-rule); }
.s-info { color: var(--info-ink); background: var(--info-bg); border-color: var(--info-rule); }
.s-none { color: var(--none-ink); background: var(--none-bg); border-color: var(--none-rule); }
.missing { color: var(--fail-ink); font-weight: 600; }
.absent { color: var(--muted); font-style: italic; }
nav.overview { margin-bottom: 10px; }
.summary .tag { margin-left: 2px; }
section.credential {
  break-before: page;
  border-top: 2px solid var(--rule);
  padding-top: 20px;
  margin-top: 28px;
}
section.credential h2 .tag { font-size: 13px; vertical-align: 3px; margin-left: 6px; }
.verdict-line { margin: 0 0 10px; font-size: 15px; }
.back { margin: 14px 0 0; font-size: 13px; }
.doc > footer {
  margin-top: 32px;
  padding-top: 10px;
  border-top: 1px solid var(--rule);
  color: var(--muted);
  font-size: 12.5px;
}
@page {
  margin: 16mm 14mm 18mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9px sans-serif; color: #4a525c; }
  @bottom-left { content: "mcred micro-credential verification report"; font: 9px sans-serif; color: #4a525c; }
}
@media print {
  body { font-size: 10.5pt; }
  .doc { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .back { display: none; }
  .about { grid-template-columns: 1fr; }
  nav.overview { break-before: page; }
  nav.overview table { font-size: 9pt; }
  .tag { font-size: 8pt; padding: 0 5px; }
  nav.overview .tag { font-size: 7.5pt; white-space: normal; }
  section.credential { border-top: none; margin-top: 0; padding-top: 0; }
  thead { display: table-header-group; }
  tr, .verdict-line { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .tag, thead th, tbody th[scope="row"] { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** The CSP hash of the stylesheet: the page allows this style and nothing else. */
export const REPORT_CSS_HASH = `sha256-${createHash('sha256').update(REPORT_CSS).digest('base64')}`;
