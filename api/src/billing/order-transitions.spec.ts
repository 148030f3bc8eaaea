import { describe, expect, it } from '@jest/globals';
import { ORDER_STATUSES, type OrderStatus } from '@lc/shared';
import { mayTransition, type OrderAction, type OrderParty } from './order-transitions.js';

describe('mayTransition', () => {
  // Every (action, party) with the statuses it is allowed from; all other statuses are refused.
  const allowed: Array<[OrderAction, OrderParty, OrderStatus[]]> = [
    ['confirm', 'supplier', ['submitted']],
    ['confirm', 'buyer', []],
    ['invoice', 'supplier', ['confirmed']],
    ['invoice', 'buyer', []],
    ['pay', 'supplier', ['invoiced']],
    ['pay', 'buyer', []],
    ['cancel', 'supplier', ['submitted', 'confirmed', 'invoiced']],
    ['cancel', 'buyer', ['submitted']],
  ];
  const cases = allowed.flatMap(([action, party, from]) =>
    ORDER_STATUSES.map((status) => [action, party, status, from.includes(status)] as const),
  );
  it.each(cases)('%s by the %s from %s → %s', (action, party, status, expected) => {
    expect(mayTransition(action, party, status)).toBe(expected);
  });

  it('nothing leaves a final status', () => {
    for (const status of ['paid', 'fulfilled', 'cancelled'] as const) {
      for (const [action, party] of allowed) expect(mayTransition(action, party, status)).toBe(false);
    }
  });
});
