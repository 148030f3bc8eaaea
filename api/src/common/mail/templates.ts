import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { REPO_ROOT } from '../config/config.js';

export const TEMPLATE_DIR = path.join(REPO_ROOT, 'api', 'templates');
export type MailLanguage = 'ja' | 'en';

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

const FOOTER: Record<MailLanguage, string> = {
  en: 'This message was sent by License Console. Please do not reply to it.',
  ja: 'このメールはライセンスコンソールから送信されています。返信はできません。',
};
const PRODUCT: Record<MailLanguage, string> = { en: 'License Console', ja: 'ライセンスコンソール' };

/**
 * Handlebars templates per event and language: templates/<event>/{subject,text,html}.<lang>.hbs,
 * HTML wrapped in templates/layout.html.hbs. Dates render in the recipient's time zone.
 */
export class TemplateRenderer {
  private readonly cache = new Map<string, HandlebarsTemplateDelegate>();
  private readonly hb = Handlebars.create();

  constructor(private readonly dir = TEMPLATE_DIR) {}

  exists(template: string): boolean {
    return fs.existsSync(path.join(this.dir, template, 'subject.en.hbs'));
  }

  render(template: string, lang: MailLanguage, timeZone: string, data: Record<string, unknown>): Rendered {
    const ctx = { ...data, lang };
    const helpers = {
      formatDate: (v: unknown) => formatDate(v, lang, timeZone),
      formatDay: (v: unknown) => formatDate(v, lang, timeZone, false),
    };
    const opts = { helpers, allowProtoPropertiesByDefault: false };
    const subject = this.get(template, 'subject', lang)(ctx, opts).trim();
    const text = this.get(template, 'text', lang)(ctx, opts);
    const body = this.get(template, 'html', lang)(ctx, opts);
    const html = this.layout()(
      { body, subject, lang, footer: FOOTER[lang], productName: PRODUCT[lang] },
      opts,
    );
    return { subject, text, html };
  }

  private layout(): HandlebarsTemplateDelegate {
    return this.compile(path.join(this.dir, 'layout.html.hbs'));
  }

  private get(
    template: string,
    part: 'subject' | 'text' | 'html',
    lang: MailLanguage,
  ): HandlebarsTemplateDelegate {
    if (!/^[a-z0-9-]+$/.test(template)) throw new Error(`Bad template name ${template}`);
    return this.compile(path.join(this.dir, template, `${part}.${lang}.hbs`));
  }

  private compile(file: string): HandlebarsTemplateDelegate {
    let t = this.cache.get(file);
    if (!t) {
      t = this.hb.compile(fs.readFileSync(file, 'utf8'), {
        strict: false,
        // Plain-text bodies and subjects are not HTML: no escaping (an initial password or a
        // company name may contain &). The layout escapes the subject where it puts it in HTML.
        noEscape: /^(text|subject)\./.test(path.basename(file)),
      });
      this.cache.set(file, t);
    }
    return t;
  }
}

/** Formatters are costly to build (job e-mails list thousands of dates): one per language, zone and style. */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

/** Formatted dates (a month-end's e-mails list the same few instants thousands of times). */
const FORMATTED = new Map<string, string>();

export function formatDate(v: unknown, lang: MailLanguage, timeZone: string, withTime = true): string {
  const d = v instanceof Date ? v : new Date(String(v));
  if (Number.isNaN(d.getTime())) return String(v);
  const key = `${lang}|${timeZone}|${withTime}`;
  const memo = `${key}|${d.getTime()}`;
  const done = FORMATTED.get(memo);
  if (done !== undefined) return done;
  let f = FORMATTERS.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
      timeZone,
      year: 'numeric',
      month: lang === 'ja' ? '2-digit' : 'short',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } : {}),
    });
    if (FORMATTERS.size > 1000) FORMATTERS.clear();
    FORMATTERS.set(key, f);
  }
  const out = f.format(d);
  if (FORMATTED.size > 10_000) FORMATTED.clear();
  FORMATTED.set(memo, out);
  return out;
}
