import { money } from '@ssp/core';
import { builder } from './builder.ts';

/**
 * An amount of money as a decimal string and a currency code: never a float (it rounds), never
 * GraphQL Int (32-bit: £21.5m overflows it).
 */
export const MoneyRef = builder.objectRef<money.Money>('Money').implement({
  description: 'An exact amount of money.',
  fields: (t) => ({
    amount: t.string({
      description: 'The amount in pounds as a decimal string with two places, e.g. "1000000.01" or "-0.50".',
      resolve: (amount) => money.formatMoney(amount),
    }),
    currency: t.string({ description: 'ISO 4217 currency code (GBP).', resolve: (amount) => amount.currency }),
  }),
});

/** Money from a stored pence column. */
export function moneyFromPence(pence: number | bigint | string): money.Money {
  return money.fromPence(pence);
}
