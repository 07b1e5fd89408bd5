import { labelText, type Lang } from '../core/label.js';
import { VCOV_METHODS, vcovMethod } from '../explain/vcov-registry.js';
import type { VcovSpec } from '../explain/vcov.js';

/**
 * Methods text for the variance estimators a report used, read from the registry
 * (src/explain/vcov-registry.ts): label, estimator, convention and reference of each.
 */
export function vcovMethodsText(types: readonly VcovSpec['type'][], lang: Lang = 'en'): string {
  const lead = lang === 'zh' ? '标准误：' : 'Standard errors: ';
  const parts = [...new Set(types)].map((type) => {
    const m = vcovMethod(type);
    if (lang === 'zh')
      return `${labelText(m.label, lang)}，${m.formulaZh ?? m.formula}（${m.conventionZh}；${m.reference}）`;
    return `${labelText(m.label, lang)}, ${m.formula} (${m.convention}; ${m.reference})`;
  });
  return lead + parts.join(lang === 'zh' ? '；' : '; ') + (lang === 'zh' ? '。' : '.');
}

/** The registry as a Markdown table: the block docs/explain.md carries between its vcov-registry markers. */
export function vcovMethodsMarkdown(): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const rows = VCOV_METHODS.map(
    (m) =>
      `| \`${esc(m.syntax)}\`${m.aliases.length ? ` (${m.aliases.map((a) => `\`${a}\``).join(', ')})` : ''} | ${esc(labelText(m.label, 'en'))} / ${esc(labelText(m.label, 'zh'))} | ${esc(m.formula)} | ${esc(m.convention)} | ${esc(m.reference)} |`,
  );
  return ['| `--vcov` | Label (en / zh) | Estimator | Convention | Reference |', '|---|---|---|---|---|', ...rows].join(
    '\n',
  );
}
