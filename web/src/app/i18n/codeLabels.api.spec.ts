import { describe, expect, it } from 'vitest';
import { LABELLED_CODES } from './codeLabels';

/** The API's sources, read as text: the codes it writes into the audit log and job runs. */
const apiSources = import.meta.glob<string>(['../../../../api/src/**/*.ts', '!**/*.spec.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const allSource = Object.values(apiSources).join('\n');
const literals = (re: RegExp) => [...new Set([...allSource.matchAll(re)].map((m) => m[1]))].sort();

describe('every code the API writes has words in the console (issue 14 §2.1)', () => {
  it('reads the API sources', () => {
    expect(Object.keys(apiSources).length).toBeGreaterThan(50);
  });

  it('audit actions', () => {
    const written = literals(/action: '([a-z_]+\.[a-z_.]+)'/g);
    // Built as `devices.${…}` / `order.${action}` in the API.
    const built = [
      'devices.registered',
      'devices.reregistered',
      ...[...allSource.matchAll(/this\.moved\(em, user, o, (?:full \? )?'([a-z_]+)'(?: : '([a-z_]+)')?/g)]
        .flatMap((m) => [m[1], m[2]])
        .filter(Boolean)
        .map((a) => `order.${a}`),
    ];
    expect(built).toContain('order.cancelled');
    expect(written.length).toBeGreaterThan(40);
    const missing = [...written, ...built].filter((c) => !LABELLED_CODES.auditActions.includes(c));
    expect(missing).toEqual([]);
  });

  it('audit targets', () => {
    const written = literals(/targetType: (?:[a-zA-Z]+ \? )?'([a-z_]+)'/g);
    expect(written).toContain('auth_session');
    expect(written.filter((c) => !LABELLED_CODES.auditTargets.includes(c))).toEqual([]);
  });

  it('job-run figures of every job', () => {
    const figures = [
      // expiry-sweep
      ...['bound', 'lapsed', 'devices', 'expired', 'skipped', 'customers', 'noticeMails'],
      // reminders
      ...['mails', 'licenses', 'reminders'],
      // device-liveness
      ...['anomalyMails', 'markedSilent', 'incidentsClosed', 'incidentsOpened'],
      // webhooks
      ...['failed', 'disabled', 'retrying', 'endpoints', 'succeeded'],
      // event-retention
      ...['batches', 'eventsDeleted'],
    ];
    for (const f of ['eventsDeleted', 'noticeMails', 'markedSilent']) expect(allSource).toContain(f);
    expect(figures.filter((c) => !LABELLED_CODES.jobCounts.includes(c))).toEqual([]);
  });
});
