import { formatMoney, fromPence, type Money } from '../money/index.ts';
import { builder } from './builder.ts';

/**
 * An amount of money as a decimal string and a currency code: never a float (it rounds), never
 * GraphQL Int (32-bit: £21.5m overflows it).
 */
export const MoneyRef = builder.objectRef<Money>('Money').implement({
  description: 'An exact amount of money.',
  fields: (t) => ({
    amount: t.string({
      description: 'The amount in pounds as a decimal string with two places, e.g. "1000000.01" or "-0.50".',
      resolve: (money) => formatMoney(money),
    }),
    currency: t.string({ description: 'ISO 4217 currency code (GBP).', resolve: (money) => money.currency }),
  }),
});

/** Money from a stored pence column. */
export function moneyFromPence(pence: number | bigint | string): Money {
  return fromPence(pence);
}
