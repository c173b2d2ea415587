/**
 * The one localization layer. Catalogs are plain objects (id -> template with `{param}` holes) registered per
 * locale; nothing global is configured, so a host page's own @lit/localize is left alone.
 */
import { createContext, ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { fillTemplate } from '../../rules/labels.js';
import type { LabelParams } from '../../rules/types.js';

export type Catalog = Record<string, string>;

const catalogs = new Map<string, Catalog>();

/** Adds messages to a locale's catalog (elements register their own next to their code). */
export function registerMessages(locale: string, messages: Catalog): void {
  catalogs.set(locale, { ...catalogs.get(locale), ...messages });
}

/** Catalogs by locale: what an element's `*.messages.ts` exports. */
export type Messages = Record<string, Catalog>;

const registered = new WeakSet<Messages>();

/**
 * Registers an element's catalogs once. Elements pass theirs to `LocalizeController`, so registration happens
 * when an element is first created, never as a side effect of importing a module (which bundlers may drop).
 */
export function useMessages(messages: Messages): void {
  if (registered.has(messages)) return;
  registered.add(messages);
  for (const [locale, catalog] of Object.entries(messages)) registerMessages(locale, catalog);
}

/** The template for `id` in `locale`, then in its language (`fr` for `fr-CA`). */
const find = (locale: string, id: string): string | undefined =>
  catalogs.get(locale)?.[id] ?? catalogs.get(locale.split('-')[0]!)?.[id];

/** The template for `id` in `locale`, then its language, then English, then `fallback`. */
export function translate(locale: string, id: string, params?: LabelParams, fallback?: string): string {
  return fillTemplate(find(locale, id) ?? find('en', id) ?? fallback ?? id, params);
}

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * The form of `id` for `count` in `locale`: `id.one`, `id.two`, `id.other` ... as the language's plural rules
 * choose (Intl.PluralRules). A form the catalog lacks is its `id.other`; a locale without the message, English.
 */
export function translatePlural(locale: string, id: string, count: number, params?: LabelParams): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const template = find(locale, `${id}.${rules.select(count)}`) ?? find(locale, `${id}.other`);
  if (template === undefined && locale !== 'en') return translatePlural('en', id, count, params);
  return fillTemplate(template ?? id, { count, ...params });
}

export interface LocaleSettings {
  locale: string;
  dir: 'ltr' | 'rtl';
}

/** Provided by `<sms-provider>`; elements outside one follow the document. */
export const localeContext = createContext<LocaleSettings>(Symbol('sms-locale'));

/** Gives an element `t(id, params)` in the provider's locale (registering its catalogs), re-rendering when it changes. */
export class LocalizeController {
  #settings?: LocaleSettings;

  constructor(host: ReactiveControllerHost & HTMLElement, messages: Messages) {
    useMessages(messages);
    new ContextConsumer(host, {
      context: localeContext,
      subscribe: true,
      callback: (settings) => {
        this.#settings = settings;
        host.requestUpdate();
      },
    });
  }

  get locale(): string {
    return this.#settings?.locale ?? (document.documentElement.lang || navigator.language || 'en');
  }

  get dir(): 'ltr' | 'rtl' {
    return this.#settings?.dir ?? (document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr');
  }

  /** An arrow function, so a template may take it apart: `const { t } = this.localize`. */
  t = (id: string, params?: LabelParams, fallback?: string): string => translate(this.locale, id, params, fallback);

  /** `t` for a message that depends on a number (`1 segment`, `2 segments`); `{count}` holds it. */
  plural(id: string, count: number, params?: LabelParams): string {
    return translatePlural(this.locale, id, count, params);
  }
}
