/** A name in English with an optional Chinese form. */
export interface Label {
  readonly en: string;
  readonly zh?: string;
}

/** Output language of reports and tables. */
export type Lang = 'en' | 'zh';

/** The label in `lang`, falling back to English. */
export function labelText(label: Label | string | undefined, lang: Lang = 'en'): string {
  if (label === undefined) return '';
  if (typeof label === 'string') return label;
  return (lang === 'zh' && label.zh) || label.en;
}
