import { describe, expect, it } from 'vitest';
import { ja } from './ja';
import { rejectedTerms } from './jaTerms';

/** Every Japanese e-mail template of the API (subject, text and HTML bodies). */
const templates = import.meta.glob('../../../../api/templates/**/*.ja.hbs', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

describe('one Japanese term per concept', () => {
  it.each([
    ['お客様のご注文', [{ found: '注文', use: '発注' }]],
    [
      'デバイスを割当',
      [
        { found: 'デバイス', use: '機器' },
        { found: '割当', use: '割り当て' },
      ],
    ],
    ['機器にライセンスを割り当てました（発注番号 1）', []],
  ])('%s → %j', (text, found) => {
    expect(rejectedTerms(text)).toEqual(found);
  });

  it('the console messages use only the chosen terms', () => {
    for (const [key, text] of Object.entries(ja)) expect(rejectedTerms(text), key).toEqual([]);
  });

  it('the e-mail templates use only the chosen terms', () => {
    const files = Object.entries(templates);
    expect(files.length).toBeGreaterThan(20);
    for (const [file, text] of files) expect(rejectedTerms(text), file).toEqual([]);
  });
});
