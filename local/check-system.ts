/**
 * Run before the tests: makes sure the system tools they need are here (Chromium
 * for browser tests, poppler-utils and qpdf for PDF checks), installing the
 * Debian packages when we can, or stopping at once with the exact command to run.
 */
import { execFileSync, spawnSync } from 'node:child_process';

const needs = [
  { bin: 'chromium', pkg: 'chromium', why: 'browser tests (headless Chromium)' },
  { bin: 'pdftoppm', pkg: 'poppler-utils', why: 'rendering PDF pages to PNG' },
  { bin: 'pdffonts', pkg: 'poppler-utils', why: 'checking embedded fonts' },
  { bin: 'qpdf', pkg: 'qpdf', why: 'checking PDF structure' },
];

const has = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;

const missing = needs.filter((n) => !has(n.bin));
if (missing.length) {
  const pkgs = [...new Set(missing.map((m) => m.pkg))];
  console.log(
    `Installing missing system packages: ${pkgs.join(' ')} (${missing.map((m) => m.why).join('; ')})`,
  );
  const isRoot = process.getuid?.() === 0;
  const canSudo =
    !isRoot && has('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (has('apt-get') && (isRoot || canSudo)) {
    const apt = (...args: string[]) =>
      execFileSync(isRoot ? 'apt-get' : 'sudo', isRoot ? args : ['-n', 'apt-get', ...args], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    apt('update', '-qq');
    apt('install', '-y', '-qq', '--no-install-recommends', ...pkgs);
  } else {
    console.error(
      `\nThe tests need: ${pkgs.join(', ')}. Install them with:\n\n  sudo apt-get install -y ${pkgs.join(' ')}\n`,
    );
    process.exit(1);
  }
  const still = needs.filter((n) => !has(n.bin));
  if (still.length) {
    console.error(`Still missing after install: ${still.map((s) => s.bin).join(', ')}`);
    process.exit(1);
  }
}
