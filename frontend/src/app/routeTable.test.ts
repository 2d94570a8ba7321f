import { describe, expect, it } from 'vitest';
import { routes } from './routes';
import { routeTable } from './routeTable';

describe('routeTable', () => {
  const table = routeTable(routes);
  const find = (path: string) => table.find((r) => r.path === path);

  it('lists every page with its full path and who may open it', () => {
    expect(find('/')).toEqual({ path: '/', access: 'public' });
    expect(find('/login')?.access).toBe('public');
    expect(find('/app')?.access).toBe('signed-in');
    expect(find('/app/dashboard')?.access).toEqual(['freelancer']);
    expect(find('/admin')?.access).toEqual(['support', 'admin']);
    expect(find('/admin/appeals/:id')?.access).toEqual(['support', 'admin']);
    expect(find('/*')?.access).toBe('public');
  });

  it('has only pages, each once', () => {
    const paths = table.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).not.toContain('/admin/');
    expect(table.length).toBeGreaterThan(20);
  });
});
