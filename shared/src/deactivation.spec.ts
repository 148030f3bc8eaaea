import { describe, expect, it } from '@jest/globals';
import { DEACTIVATION_REASONS, deactivationConfirmed } from './deactivation.js';

describe('deactivation confirmation (typed e-mail)', () => {
  it('accepts the address ignoring case and spaces', () => {
    expect(deactivationConfirmed('  Customer@Demo.example ', 'customer@demo.example')).toBe(true);
  });
  it('refuses another address or an empty one', () => {
    expect(deactivationConfirmed('customer@demo.exampl', 'customer@demo.example')).toBe(false);
    expect(deactivationConfirmed('', '')).toBe(false);
  });
  it('has the fixed questionnaire reasons', () => {
    expect(DEACTIVATION_REASONS).toEqual(['price', 'not_needed', 'switching', 'difficult', 'other']);
  });
});
