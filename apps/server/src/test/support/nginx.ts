import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The load balancer configuration the project ships (docker-compose.yml mounts it). */
export const SHIPPED_CONFIG = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../deploy/nginx.conf');

const binary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
/** Whether nginx is installed: missing in CI (`CI=true`) is an error, elsewhere a loud skip. */
export const hasNginx = (() => {
  if (binary) return true;
  const msg = 'nginx is not installed (apt-get install -y nginx)';
  if (process.env.CI === 'true') throw new Error(`CI requires ${msg}`);
  console.warn(`\n⚠️  SKIPPED: the balancer tests: ${msg}\n`);
  return false;
})();

/**
 * The shipped file with only what this machine needs changed: the listen address, the two upstream
 * servers, and writable temp and log paths. Throws when the file no longer has what is replaced,
 * so the test never runs a configuration other than the shipped one.
 */
export function renderShippedConfig(opts: { port: number; upstreams: [string, string]; dir: string }): string {
  const shipped = readFileSync(SHIPPED_CONFIG, 'utf8');
  const servers = shipped.match(/^\s*server tribu\d+:3000;$/gm) ?? [];
  if (servers.length !== 2) throw new Error(`expected two upstream servers in ${SHIPPED_CONFIG}, found ${servers.length}`);
  const once = (text: string, find: string, replace: string) => {
    if (text.split(find).length !== 2) throw new Error(`expected exactly one "${find}" in ${SHIPPED_CONFIG}`);
    return text.replace(find, replace);
  };
  let conf = shipped;
  servers.forEach((line, i) => (conf = once(conf, line, line.replace(/tribu\d+:3000/, opts.upstreams[i]!))));
  conf = once(conf, 'listen 80', `listen 127.0.0.1:${opts.port}`);
  const paths = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((p) => `  ${p}_temp_path ${opts.dir}/${p};`);
  return once(conf, 'http {\n', `http {\n${paths.join('\n')}\n  access_log ${opts.dir}/access.log;\n`);
}

export interface Nginx {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Runs the shipped configuration with a real nginx in the foreground, on `port` in front of the two
 * upstreams (`host:port`), and resolves once a request reaches a node through it. Pid, logs and temp
 * files live in a temporary directory. Set DEBUG_NODES=1 to print nginx's log when it stops.
 */
export async function startNginx(port: number, upstreams: [string, string]): Promise<Nginx> {
  const dir = mkdtempSync(join(tmpdir(), 'tribu-nginx-'));
  // Run as root, nginx's workers are `nobody`: they must reach the temp directories nginx creates here.
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'nginx.conf'), renderShippedConfig({ port, upstreams, dir }));
  const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', 'stderr', '-g', `daemon off; pid ${dir}/nginx.pid;`];
  const check = spawnSync(binary!, ['-t', ...args], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t refused the shipped config:\n${check.stderr}`);
  let out = '';
  const child = spawn(binary!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    if (process.env.DEBUG_NODES) console.log('nginx:', out);
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, output: () => out, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  await stop();
  throw new Error(`nginx did not answer through to a node within 10 s:\n${out}`);
}

/** This process's open-file limit (Node raised the soft limit to the hard one at start; it cannot go above that). */
export function openFileLimit(): number {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  const soft = Number(line?.split(/\s{2,}/)[1]);
  return Number.isFinite(soft) ? soft : 1024;
}
