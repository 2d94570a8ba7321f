// Copies Swagger UI's files from the swagger-ui-dist package into dist/docs, next to the
// index.html and init.js that Vite copied from public/docs. Run after `vite build`.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = dirname(require.resolve('swagger-ui-dist/package.json'));
const target = join(root, 'dist', 'docs');

if (!existsSync(join(target, 'index.html'))) {
  console.error(`copy-docs: ${target}/index.html is missing; run vite build first`);
  process.exit(1);
}
mkdirSync(target, { recursive: true });
for (const file of ['swagger-ui-bundle.js', 'swagger-ui.css']) {
  copyFileSync(join(source, file), join(target, file));
  console.log(`copy-docs: dist/docs/${file} (${Math.round(statSync(join(target, file)).size / 1024)} KiB)`);
}
