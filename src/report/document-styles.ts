/**
 * The report's one inline stylesheet: a three-line table style (三线表, the layout Chinese journals
 * ask for), CJK-capable font stacks, the red SIMULATED DATA banner, the hand-set formula layout of
 * formula.ts, and print rules (contents on its own page, figures kept whole).
 */
export const CSS = `
:root{--ink:#222;--muted:#666;--rule:#d0d0d0;--accent:#0072B2;--sim:#b00020}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1000px;padding:24px 28px 48px;color:var(--ink);background:#fff;
font:15px/1.55 Helvetica,Arial,'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','Droid Sans Fallback',sans-serif}
h1{font-size:1.7em;margin:.2em 0 .1em}
h2{font-size:1.3em;margin:1.8em 0 .5em;padding-bottom:.2em;border-bottom:2px solid var(--ink)}
h3{font-size:1.08em;margin:1.4em 0 .4em}
h4{font-size:1em;margin:1.2em 0 .3em}
.subtitle{color:var(--muted);margin:0 0 .6em}
.datasets-head{margin:.6em 0 .2em;font-weight:bold}
ul.datasets{margin:0;padding-left:1.2em}
code{font-family:Menlo,Consolas,'DejaVu Sans Mono',monospace;font-size:.88em;background:#f4f4f4;padding:0 .25em;border-radius:2px}
nav{border:1px solid var(--rule);background:#fafafa;padding:.4em 1.2em .8em;margin:1.2em 0}
nav h2{border:0;margin:.4em 0;font-size:1.1em}
nav ol{margin:0;padding-left:1.2em;list-style:none}
nav a{color:var(--accent);text-decoration:none}
.badge{display:inline-block;font-size:.75em;font-weight:bold;padding:0 .45em;border-radius:3px;vertical-align:.1em}
.badge.sim{background:var(--sim);color:#fff}
.badge.real{background:#e8f1f8;color:#004a75}
.badge.user{background:#eee;color:#333}
.sim-banner{background:var(--sim);color:#fff;padding:.55em .9em;margin:.4em 0 1em;border-radius:3px;font-size:.95em}
section.simulated{border-left:4px solid var(--sim);padding-left:14px}
figure{margin:1.2em 0 1.6em;break-inside:avoid;page-break-inside:avoid}
figcaption{font-weight:bold;margin-bottom:.3em}
.chart svg{max-width:100%;height:auto;display:block}
.fig-note,.source{font-size:.85em;color:var(--muted);margin:.3em 0}
.table-wrap{overflow-x:auto;margin:1em 0 1.4em}
table{border-collapse:collapse;font-size:.9em;font-variant-numeric:tabular-nums}
caption{caption-side:top;text-align:left;font-weight:bold;padding-bottom:.4em}
table.data thead th{border-top:1.5px solid var(--ink);border-bottom:1px solid var(--ink);padding:.3em .6em;font-weight:bold}
table.data td{padding:.2em .6em;border-bottom:1px solid #eee}
table.data tbody tr:last-child td{border-bottom:1.5px solid var(--ink)}
table.grid thead tr:first-child th{border-bottom:none}
table.grid thead tr+tr th{font-weight:normal;font-style:italic}
table.grid td{border-bottom:none;padding:.1em .8em}
table.grid tr.muted td{color:#555;font-size:.92em;padding-bottom:.35em}
table.grid tr.rule td{border-top:1px solid var(--ink)}
table.tree th{border-bottom:1px solid var(--ink);padding:.3em .6em;text-align:left}
table.tree td{padding:.15em .6em;vertical-align:middle}
table.tree tr.depth0 td{font-weight:bold;border-top:1px solid var(--rule);padding-top:.4em}
table.tree tr.depth1 td:first-child{font-weight:600}
.wbar{display:inline-block;width:110px;height:.7em;background:#eef2f6;vertical-align:middle;margin-right:.5em}
.wfill{display:block;height:100%;background:var(--accent);-webkit-print-color-adjust:exact;print-color-adjust:exact}
.wnum{font-variant-numeric:tabular-nums}
.al-left{text-align:left}.al-right{text-align:right}.al-center{text-align:center}
.formula{margin:.8em 0 1.1em}
.formula-label{margin:0 0 .2em;font-weight:600}
.formula .display{text-align:center;margin:.3em 0;font-size:1.12em}
.where{font-size:.9em;color:#333;margin:.2em 0}
.math{font-family:'Times New Roman',Times,'DejaVu Serif','Noto Serif CJK SC',serif;white-space:nowrap}
.math i{font-style:italic}
.math .fn{font-style:normal;margin-right:.12em}
.math .op{margin:0 .22em}
.math .bigop{font-size:1.35em;vertical-align:-.12em;margin-right:.05em}
.math sub,.math sup{font-size:.72em;line-height:0}
.math .scripts{display:inline-flex;flex-direction:column;vertical-align:-.45em;font-size:.72em;line-height:1.05;margin-left:.05em}
.math .scripts sup,.math .scripts sub{font-size:1em;vertical-align:baseline;line-height:1.05}
.math .frac{display:inline-flex;flex-direction:column;vertical-align:middle;text-align:center;margin:0 .15em}
.math .frac .num{border-bottom:1px solid currentColor;padding:0 .2em}
.math .frac .den{padding:0 .2em}
.math .sqrt{border-top:1px solid currentColor;padding-top:.05em}
.math .bar{text-decoration:overline}
.notes{font-size:.88em;border:1px solid #e0c060;background:#fffbe8;padding:.4em .9em;margin:1em 0}
.notes-title{font-weight:bold;margin:.2em 0}
.notes ul{margin:.2em 0;padding-left:1.2em}
.note-level{font-size:.8em;text-transform:uppercase;color:#8a6d00;font-weight:bold}
ul.sources li{margin:.4em 0}
footer{margin-top:3em;border-top:1px solid var(--rule);padding-top:.6em;font-size:.85em;color:var(--muted)}
@media print{
body{max-width:none;padding:0;font-size:11pt}
nav{break-after:page;background:none}
nav a{color:var(--ink)}
h2{break-after:avoid}
.sim-banner,.badge.sim{-webkit-print-color-adjust:exact;print-color-adjust:exact}
section.simulated{border-left:none;padding-left:0}
.table-wrap{overflow:visible}
}
`;
