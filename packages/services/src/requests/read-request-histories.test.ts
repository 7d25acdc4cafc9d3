import { describe, expect, it } from 'vitest';
import { readRequestHistories } from './read-request-histories.ts';

const request = (reference: string, extra: Record<string, unknown> = {}) => ({
  externalReference: reference,
  offeringCode: 'ict-user-support',
  title: 'Help',
  raisedAt: '2017-05-02T10:00:00+01:00',
  raisedBy: 'someone',
  ...extra,
});

const problemsOf = (rows: Record<string, unknown>[]) => {
  const read = readRequestHistories(rows);
  return 'problems' in read ? read.problems.map(({ row, field }) => ({ row, field })) : [];
};

describe('reading a service-desk history into requests', () => {
  it('groups rows by reference, in the order sent, whether the request is repeated or stated once', () => {
    const read = readRequestHistories([
      request('A', { status: 'in_progress', changedAt: '2017-05-02T10:05:00+01:00' }),
      request('B'),
      {
        externalReference: 'A',
        status: 'resolved',
        changedAt: '2017-05-02T11:00:00+01:00',
        firstContactResolution: true,
      },
      request('B', { status: 'cancelled', changedAt: '2017-05-03T09:00:00+01:00', reason: 'Sent twice' }),
    ]);
    if (!('requests' in read)) throw new Error(JSON.stringify(read.problems));
    expect(read.requests.map((r) => [r.externalReference, r.row, r.status, r.changes.map((c) => c.row)])).toEqual([
      ['A', 1, 'resolved', [1, 3]],
      ['B', 2, 'cancelled', [4]],
    ]);
    expect(read.requests[1]!.changes[0]).toMatchObject({ reason: 'Sent twice', changedBy: null });
  });

  it('keeps to the status rules a live request obeys', () => {
    expect(problemsOf([request('A', { status: 'closed', changedAt: '2017-05-02T10:05:00+01:00' })])).toEqual([
      { row: 1, field: 'status' },
    ]);
    // Re-opened after resolution, then closed: allowed.
    expect(
      problemsOf([
        request('A', { status: 'resolved', changedAt: '2017-05-02T10:05:00+01:00', firstContactResolution: false }),
        { externalReference: 'A', status: 'in_progress', changedAt: '2017-05-02T10:06:00+01:00' },
        {
          externalReference: 'A',
          status: 'resolved',
          changedAt: '2017-05-02T10:07:00+01:00',
          firstContactResolution: true,
        },
        { externalReference: 'A', status: 'closed', changedAt: '2017-05-02T10:08:00+01:00' },
      ]),
    ).toEqual([]);
    // Nothing after a final status.
    expect(
      problemsOf([
        request('A', { status: 'cancelled', changedAt: '2017-05-02T10:05:00+01:00', reason: 'No longer needed' }),
        { externalReference: 'A', status: 'in_progress', changedAt: '2017-05-02T10:06:00+01:00' },
      ]),
    ).toEqual([{ row: 2, field: 'status' }]);
  });

  it('wants changes in time order, the raised time first', () => {
    expect(
      problemsOf([
        request('A', { status: 'in_progress', changedAt: '2017-05-02T11:00:00+01:00' }),
        { externalReference: 'A', status: 'waiting_on_customer', changedAt: '2017-05-02T10:30:00+01:00', reason: 'x' },
      ]),
    ).toEqual([{ row: 2, field: 'changedAt' }]);
    expect(problemsOf([request('A', { status: 'in_progress', changedAt: '2017-05-02T09:59:00+01:00' })])).toEqual([
      { row: 1, field: 'changedAt' },
    ]);
  });

  it("refuses a first row without the request's columns, and a later one that differs or records nothing", () => {
    expect(problemsOf([{ externalReference: 'A', title: 'Help' }])).toEqual([{ row: 1, field: 'offeringCode' }]);
    expect(
      problemsOf([
        request('A'),
        request('A', { title: 'Other', status: 'in_progress', changedAt: '2017-05-02T11:00:00+01:00' }),
      ]),
    ).toEqual([{ row: 2, field: 'title' }]);
    expect(problemsOf([request('A'), { externalReference: 'A' }])).toEqual([{ row: 2, field: 'status' }]);
    expect(problemsOf([request('A', { reason: 'why' })])).toEqual([{ row: 1, field: 'reason' }]);
  });

  it('takes a satisfaction score only from a request left resolved or closed, from 1 to 5', () => {
    const resolved = { status: 'resolved', changedAt: '2017-05-02T10:05:00+01:00', firstContactResolution: true };
    expect(problemsOf([request('A', { ...resolved, satisfactionScore: 5 })])).toEqual([]);
    expect(problemsOf([request('A', { ...resolved, satisfactionScore: 6 })])).toEqual([
      { row: 1, field: 'satisfactionScore' },
    ]);
    expect(problemsOf([request('A', { satisfactionScore: 4 })])).toEqual([{ row: 1, field: 'satisfactionScore' }]);
  });
});
