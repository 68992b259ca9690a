import { describe, expect, it } from 'vitest';
import { anonymise } from './anonymise.ts';

describe('anonymise', () => {
  it.each([
    ['write to jane.doe+shop@example.co.uk please', 'write to [email] please'],
    ['call me on 06 12 34 56 78', 'call me on [phone]'],
    ['or +44 7700 900123 after 6', 'or [phone] after 6'],
    ['US: (555) 123-4567', 'US: [phone]'],
    ['see https://shop.example/p/42?ref=me for it', 'see [link] for it'],
    ['or www.example.com/page', 'or [link]'],
    ['Is the 42 fit true to size? It costs 129.90 €', 'Is the 42 fit true to size? It costs 129.90 €'],
    ['Order placed on 2024-05-01', 'Order placed on 2024-05-01'],
    ['nothing personal here', 'nothing personal here'],
  ])('turns %j into %j', (input, output) => {
    expect(anonymise(input)).toBe(output);
  });

  it('is idempotent, so a client and the server may both apply it', () => {
    const once = anonymise('mail a@b.fr or call 0612345678 https://x.y');
    expect(anonymise(once)).toBe(once);
  });
});
