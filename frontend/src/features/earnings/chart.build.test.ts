// @vitest-environment node
// The chart is loaded with the earnings page only: a production build (in memory) must
// keep EarningsChart.tsx out of the entry chunk and out of everything the entry imports
// statically, in a chunk of its own that is imported dynamically.
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const CHART = 'src/features/earnings/components/EarningsChart.tsx';

async function chunks(): Promise<Rollup.OutputChunk[]> {
  const result = await build({ root, configFile: `${root}/vite.config.ts`, logLevel: 'silent', build: { write: false } });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  return outputs.flatMap((o) => o.output).filter((item): item is Rollup.OutputChunk => item.type === 'chunk');
}

describe('the chart bundle', () => {
  it('is not in the entry chunk or its static imports, and is imported dynamically', async () => {
    const all = await chunks();
    const byName = new Map(all.map((c) => [c.fileName, c]));
    const entry = all.find((c) => c.isEntry);
    expect(entry).toBeDefined();
    // Everything the first page load fetches: the entry and its static imports, transitively.
    const eager = new Set<string>();
    const visit = (fileName: string) => {
      if (eager.has(fileName)) return;
      eager.add(fileName);
      for (const next of byName.get(fileName)?.imports ?? []) visit(next);
    };
    visit(entry!.fileName);
    const hasChart = (c: Rollup.OutputChunk) => c.moduleIds.some((id) => id.endsWith(CHART));
    const chartChunks = all.filter(hasChart);
    expect(chartChunks).toHaveLength(1);
    expect(eager.has(chartChunks[0]!.fileName)).toBe(false);
    expect(chartChunks[0]!.isDynamicEntry).toBe(true);
    // Nor does the earnings page's own chunk carry it: it comes when the chart card renders.
    const page = all.find((c) => c.moduleIds.some((id) => id.endsWith('src/features/earnings/pages/EarningsPage.tsx')));
    expect(page && hasChart(page)).toBe(false);
    expect(page?.dynamicImports).toContain(chartChunks[0]!.fileName);
  }, 180_000);
});
