import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The role-plays a module has (modules/<id>/scenarios/*.yaml), read at build time so the module
 * page can show its role-plays section only once there are some. The role-play engine owns their schema.
 */
export function roleplaysOf(moduleId: string, root = process.cwd()): { id: string; title: string }[] {
  const folder = join(root, 'modules', moduleId, 'scenarios');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const data = parse(readFileSync(join(folder, name), 'utf8')) as { id?: string; title?: string } | null;
      return { id: data?.id ?? name.replace(/\.yaml$/, ''), title: data?.title ?? name };
    });
}
