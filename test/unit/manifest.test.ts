import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(resolve(root, 'appsscript.json'), 'utf8')) as Record<string, unknown>;

describe('appsscript.json', () => {
  it('asks for exactly the current spreadsheet and container UI scopes', () => {
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
  });

  it('runs on V8', () => {
    expect(manifest.runtimeVersion).toBe('V8');
  });

  it('has no addOns section (an editor add-on, not a Workspace card add-on)', () => {
    expect(manifest).not.toHaveProperty('addOns');
  });

  it('uses no advanced services, which currentonly does not cover', () => {
    expect(manifest).not.toHaveProperty('dependencies');
  });
});

describe('clasp project files', () => {
  it('push only dist/, through a whitelist', () => {
    const clasp = JSON.parse(readFileSync(resolve(root, '.clasp.json'), 'utf8')) as Record<string, unknown>;
    expect(clasp.rootDir).toBe('dist');
    const ignore = readFileSync(resolve(root, '.claspignore'), 'utf8').split('\n').filter((line) => line.trim() !== '');
    expect(ignore).toEqual(['**/**', '!appsscript.json', '!Code.js', '!Sidebar.html']);
  });
});
