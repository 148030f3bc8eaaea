import { describe, expect, it } from '@jest/globals';
import { refuseAddress, refuseUrl } from './address-policy.js';

const prod = { production: true };
const dev = { production: false };

describe('webhook target policy', () => {
  it.each([
    ['8.8.8.8', null, null],
    ['127.0.0.1', 'loopback', null],
    ['::1', 'loopback', null],
    ['10.1.2.3', 'private', 'private'],
    ['172.16.5.4', 'private', 'private'],
    ['192.168.1.1', 'private', 'private'],
    ['169.254.169.254', 'private', 'private'],
    ['100.64.0.1', 'private', 'private'],
    ['0.0.0.0', 'private', 'private'],
    ['fe80::1', 'private', 'private'],
    ['fd00::1', 'private', 'private'],
    ['::ffff:10.0.0.1', 'private', 'private'],
    ['::ffff:127.0.0.1', 'loopback', null],
    ['2606:4700::1111', null, null],
  ])('%s: production %s, development %s', (ip, inProd, inDev) => {
    const p = refuseAddress(ip, prod);
    const d = refuseAddress(ip, dev);
    if (inProd) expect(p).toContain(inProd);
    else expect(p).toBeNull();
    if (inDev) expect(d).toContain(inDev);
    else expect(d).toBeNull();
  });

  it.each([
    ['https://hooks.example.com/x', null, null],
    ['http://hooks.example.com/x', 'https', null],
    ['http://127.0.0.1:8080/x', 'https', null],
    ['https://127.0.0.1/x', 'loopback', null],
    ['https://169.254.169.254/latest', 'private', 'private'],
    ['https://[::1]/x', 'loopback', null],
    ['https://localhost/x', 'internal', null],
    ['https://metadata.google.internal/x', 'internal', 'internal'],
    ['https://u:p@hooks.example.com/', 'password', 'password'],
    ['ftp://hooks.example.com/', 'https://', 'https://'],
    ['not a url', 'valid', 'valid'],
  ])('%s: production %s, development %s', (url, inProd, inDev) => {
    const p = refuseUrl(url, prod);
    const d = refuseUrl(url, dev);
    if (inProd) expect(p).toContain(inProd);
    else expect(p).toBeNull();
    if (inDev) expect(d).toContain(inDev);
    else expect(d).toBeNull();
  });
});
