/** Styles of the lens (inside its shadow root: the page's CSS cannot reach them, ours cannot leak). */
export const LENS_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.gl-layer { position: absolute; top: 0; left: 0; width: 0; height: 0; pointer-events: none; }
.gl-box { position: absolute; pointer-events: none; border: 2px solid #d97706; border-radius: 2px;
  background: rgba(217,119,6,.08); }
.gl-box.error { border-color: #dc2626; background: rgba(220,38,38,.10); }
.gl-box.info { border-color: #2563eb; background: rgba(37,99,235,.06); }
.gl-box.active { outline: 3px solid rgba(220,38,38,.45); outline-offset: 2px; }
.gl-tip { position: absolute; z-index: 3; width: max-content; max-width: 420px; padding: 8px 10px; border-radius: 6px;
  background: #1f2937; color: #f9fafb; font: 13px/1.5 "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  box-shadow: 0 4px 14px rgba(0,0,0,.3); pointer-events: none; white-space: pre-wrap; }
.gl-tip .expr { display: block; margin-top: 4px; font-family: ui-monospace, "Noto Sans Mono CJK SC", monospace; color: #fde68a; }
.gl-panel { position: fixed; top: 12px; right: 12px; width: 400px; max-height: calc(100vh - 24px); overflow: auto;
  background: #fff; color: #111827; border: 1px solid #d1d5db; border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.18);
  font: 13px/1.5 "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; z-index: 2; }
.gl-panel.left { right: auto; left: 12px; }
/* Neither side leaves the focused row free: a sheet along the bottom, the row scrolled above it. */
.gl-panel.bottom { top: auto; bottom: 12px; left: 12px; right: 12px; width: auto; max-height: 38vh; }
.gl-panel.collapsed { width: auto; }
.gl-legend { display: flex; gap: 10px; font-size: 11px; color: #374151; }
.gl-legend i { display: inline-block; width: 10px; height: 3px; margin-right: 4px; vertical-align: middle; }
.gl-head { display: flex; align-items: center; gap: 8px; padding: 8px 12px; background: #b22222; color: #fff;
  border-radius: 10px 10px 0 0; position: sticky; top: 0; }
.gl-head h1 { font-size: 15px; margin: 0; flex: 1; font-weight: 600; }
.gl-head button { background: rgba(255,255,255,.18); color: #fff; border: 0; border-radius: 4px; padding: 2px 8px; cursor: pointer; font: inherit; }
.gl-body { padding: 10px 12px; }
.gl-verdict { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6px; margin-bottom: 8px; }
.gl-stat { background: #f3f4f6; border-radius: 6px; padding: 4px 8px; }
.gl-stat b { display: block; font-size: 18px; }
.gl-stat.err b { color: #dc2626; } .gl-stat.warn b { color: #d97706; }
.gl-meta { color: #374151; margin: 4px 0 8px; }
.gl-meta span { margin-right: 10px; display: inline-block; white-space: nowrap; }
.gl-section { margin-top: 10px; border-top: 1px solid #e5e7eb; padding-top: 8px; }
.gl-section h2 { font-size: 13px; margin: 0 0 6px; }
.gl-findings { list-style: none; margin: 0; padding: 0; }
.gl-finding { padding: 6px 8px; border-left: 4px solid #d97706; background: #fffbeb; margin-bottom: 6px; border-radius: 4px; cursor: pointer; }
.gl-finding.error { border-color: #dc2626; background: #fef2f2; }
.gl-finding.info { border-color: #2563eb; background: #eff6ff; }
.gl-finding .id { color: #6b7280; font-size: 11px; }
.gl-finding .expr { display: block; font-family: ui-monospace, "Noto Sans Mono CJK SC", monospace; font-size: 12px; color: #374151; }
.gl-ok { color: #15803d; }
.gl-muted { color: #6b7280; }
.gl-table { border-collapse: collapse; width: 100%; font-size: 12px; }
.gl-scroll { overflow-x: auto; }
.gl-table th, .gl-table td { border-bottom: 1px solid #e5e7eb; padding: 2px 4px; text-align: right; white-space: nowrap; }
.gl-table th:first-child, .gl-table td:first-child { text-align: left; }
.gl-delta.up { color: #b45309; } .gl-delta.down { color: #1d4ed8; }
.gl-btn { background: #b22222; color: #fff; border: 0; border-radius: 5px; padding: 4px 10px; cursor: pointer; font: inherit; }
.gl-btn[disabled] { opacity: .6; cursor: default; }
.gl-outcome { padding: 4px 0; border-bottom: 1px dashed #e5e7eb; }
.gl-outcome.fail b { color: #dc2626; } .gl-outcome.pass b { color: #15803d; }
.gl-details { margin-top: 2px; font-size: 11px; color: #6b7280; }
.gl-details summary { cursor: pointer; width: max-content; }
.gl-details .id { display: block; }
.gl-details code { font-family: ui-monospace, monospace; }
.gl-legend span, .gl-stat span, .gl-section h2 { white-space: nowrap; }
svg.gl-chart text { font: 10px sans-serif; fill: #374151; }
`;

export const BADGE_CSS = `
:host { all: initial; }
.gl-badge { display: inline-block; margin-left: 6px; padding: 0 6px; border-radius: 9px; font: 12px/18px "Noto Sans CJK SC", sans-serif;
  background: #e5e7eb; color: #111827; vertical-align: middle; white-space: nowrap; }
.gl-badge.ok { background: #dcfce7; color: #166534; }
.gl-badge.warn { background: #fef3c7; color: #92400e; }
.gl-badge.err { background: #fee2e2; color: #991b1b; }
.gl-badge.scan { background: #e0e7ff; color: #3730a3; }
.gl-badge.fail { background: #f3f4f6; color: #6b7280; border: 1px dashed #9ca3af; }
.gl-badge[title], .gl-badge[data-state="checked"] { cursor: help; }
.gl-badge[data-state="checked"] { position: relative; }
.gl-tip { display: none; position: absolute; left: 0; top: 100%; margin-top: 4px; z-index: 2147483647; width: max-content;
  max-width: 420px; white-space: normal; padding: 6px 8px; border-radius: 6px; background: #111827; color: #f9fafb;
  font: 12px/18px "Noto Sans CJK SC", sans-serif; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
.gl-badge:hover .gl-tip, .gl-badge:focus .gl-tip { display: block; }
`;
