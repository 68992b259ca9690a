import { describe, expect, it } from 'vitest';
import { addressRefusal, resolveTarget, UnsafeTarget } from './ssrf.ts';

describe('addresses the server must not call', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'shared (CGNAT)'],
    ['100.127.255.254', 'shared (CGNAT)'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['2002:7f00:1::1', 'loopback'],
    ['2002:c0a8:101::', 'private'],
    ['2001:0:4136:e378::1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['not an ip', 'reserved'],
  ])('%s is refused (%s)', (ip, why) => {
    expect(addressRefusal(ip)).toBe(why);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::6810:85e5', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1'])(
    '%s is public',
    (ip) => {
      expect(addressRefusal(ip)).toBeNull();
    },
  );

  it('refuses a name that resolves to loopback, unless private targets are allowed', async () => {
    await expect(resolveTarget('localhost', false)).rejects.toThrow(UnsafeTarget);
    await expect(resolveTarget('localhost', false)).rejects.toThrow(/localhost resolves to a loopback address/);
    await expect(resolveTarget('[::ffff:127.0.0.1]', false)).rejects.toThrow(/::ffff:127.0.0.1 is a loopback address/);
    expect(await resolveTarget('127.0.0.1', true)).toEqual({ address: '127.0.0.1', family: 4 });
  });

  it('refuses a name that does not resolve', async () => {
    await expect(resolveTarget('no-such-host.invalid', true)).rejects.toThrow('no-such-host.invalid does not resolve');
  });
});
