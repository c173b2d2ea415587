import { expect } from '@open-wc/testing';
import { registerMessages, translate, translatePlural, useMessages } from '../../../src/elements/internal/localize.js';
import { composerMessages } from '../../../src/elements/sms-composer/sms-composer.messages.js';
import { carrierLabel, ruleLabel } from '../../../src/elements/internal/rule-messages.js';
import { validateSend, carrierError, CARRIER_ERRORS, LABELS, VIOLATION_CODES, WARNING_CODES } from '../../../src/rules/index.js';
import { fr } from '../../../src/elements/internal/locales/fr.js';
import { he } from '../../../src/elements/internal/locales/he.js';
import { SmsConversationSelectEvent, SmsSendEvent } from '../../../src/elements/internal/events.js';

registerMessages('fr', fr);
registerMessages('he', he);

describe('localization', () => {
  it('falls back from region to language to English to the given text', () => {
    registerMessages('en', { 'test.hello': 'Hello {name}' });
    registerMessages('fr', { 'test.hello': 'Bonjour {name}' });
    expect(translate('fr-CA', 'test.hello', { name: 'Ana' })).to.equal('Bonjour Ana');
    expect(translate('de', 'test.hello', { name: 'Ana' })).to.equal('Hello Ana');
    expect(translate('de', 'test.missing', {}, 'Fallback')).to.equal('Fallback');
  });

  it('has every violation, warning and main carrier error in French and Hebrew, with the same holes as English', () => {
    // Each id with its English, which the rules say.
    const ids: [id: string, english: string][] = [
      ...VIOLATION_CODES.map((c) => [`violation.${c}`, LABELS[c]] as [string, string]),
      ...WARNING_CODES.map((c) => [`warning.${c}`, LABELS[c]] as [string, string]),
      ...[30003, 30005, 30006, 30007, 21610, 30008].flatMap((c): [string, string][] => [
        [`carrier.${c}.label`, CARRIER_ERRORS[c]!.label],
        [`carrier.${c}.reason`, CARRIER_ERRORS[c]!.reason],
      ]),
    ];
    const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const locale of ['fr', 'he']) {
      for (const [id, english] of ids) {
        const local = translate(locale, id, undefined, english);
        expect(local, `${locale} ${id}`).not.to.equal(english);
        expect(new Set(holes(local)), `${locale} ${id}`).to.deep.equal(new Set(holes(english)));
      }
    }
  });

  const meters: [locale: string, count: number, text: string][] = [
    ['en', 0, '0 segments · GSM-7'],
    ['en', 1, '1 segment · GSM-7'],
    ['en', 2, '2 segments · GSM-7'],
    ['fr', 0, '0 partie · GSM-7'],
    ['fr', 1, '1 partie · GSM-7'],
    ['fr', 2, '2 parties · GSM-7'],
    ['fr-CA', 7, '7 parties · GSM-7'],
    ['he', 1, 'חלק אחד · GSM-7'],
    ['he', 2, 'שני חלקים · GSM-7'],
    ['he', 3, '3 חלקים · GSM-7'],
    ['he', 20, '20 חלקים · GSM-7'],
  ];
  for (const [locale, count, text] of meters) {
    it(`says "${text}" for ${count} in ${locale}`, () => {
      useMessages(composerMessages);
      expect(translatePlural(locale, 'composer.meter', count, { encoding: 'GSM-7' })).to.equal(text);
    });
  }

  it('falls back to the other form, then to English, for a plural form a catalog lacks', () => {
    registerMessages('en', { 'test.items.one': 'one item', 'test.items.other': '{count} items' });
    registerMessages('fr', { 'test.items.other': '{count} éléments' });
    expect(translatePlural('fr', 'test.items', 1)).to.equal('1 éléments');
    expect(translatePlural('he', 'test.items', 1)).to.equal('one item');
    expect(translatePlural('he', 'test.items', 2)).to.equal('2 items');
  });

  it('labels a violation by code and params, in the locale', () => {
    const { violations } = validateSend({ to: '+14155550177', body: 'a'.repeat(1001) }, { numbers: [], optedOut: () => false, now: new Date() });
    const tooLong = violations.find((v) => v.code === 'body_too_long')!;
    expect(ruleLabel('en', tooLong)).to.equal(tooLong.message);
    expect(ruleLabel('fr', tooLong)).to.contain('1001');
    expect(ruleLabel('fr', tooLong)).to.contain('trop long');
  });

  it('labels carrier errors by code, any other code by its number', () => {
    expect(carrierLabel('fr', carrierError(30007)).label).to.equal('Filtré comme spam');
    expect(carrierLabel('en', carrierError(30007))).to.deep.equal({ label: carrierError(30007).label, reason: carrierError(30007).reason });
    expect(carrierLabel('he', carrierError(12345)).label).to.equal('שגיאה 12345');
  });
});

describe('events', () => {
  it('bubble out of shadow roots; sms-send is cancelable', () => {
    const send = new SmsSendEvent({ request: { to: '+14155550177', body: 'x' } });
    expect([send.type, send.bubbles, send.composed, send.cancelable]).to.deep.equal(['sms-send', true, true, true]);
    const select = new SmsConversationSelectEvent({ contact: '+14155550177' });
    expect([select.type, select.bubbles, select.composed, select.cancelable]).to.deep.equal(['sms-conversation-select', true, true, false]);
  });
});
