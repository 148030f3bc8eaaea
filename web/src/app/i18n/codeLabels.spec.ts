import { describe, expect, it } from 'vitest';
import {
  auditActionLabel,
  auditTargetLabel,
  eventTypeLabel,
  humanizeCode,
  jobCountLabel,
} from './codeLabels';

describe('code labels', () => {
  it.each([
    [auditActionLabel('licenses.assigned', 'en'), 'License assigned'],
    [auditActionLabel('licenses.assigned', 'ja'), 'ライセンスを割り当て'],
    [auditTargetLabel('auth_session', 'en'), 'Session'],
    [auditActionLabel('dealer.suspended', 'en'), 'Dealer suspended'],
    [auditActionLabel('dealer.reinstated', 'ja'), '販売店の利用を再開'],
    [jobCountLabel('anomalyMails', 'en'), 'Anomaly e-mails'],
    [jobCountLabel('markedSilent', 'ja'), '通信途絶と判定'],
    [eventTypeLabel('recording_stopped', 'en'), 'Recording stopped'],
    [eventTypeLabel('recording_stopped', 'ja'), '録画停止'],
  ])('%s = %s', (got, expected) => {
    expect(got).toBe(expected);
  });

  it.each([
    ['licenses.assigned', 'Licenses assigned'],
    ['recording_stopped', 'Recording stopped'],
    ['markedSilent', 'Marked silent'],
    ['some.newThing_here', 'Some new thing here'],
  ])('humanizes an unlisted code %s as %s', (code, expected) => {
    expect(humanizeCode(code)).toBe(expected);
  });
});
