import type { APIRoute } from 'astro';
import { buildArtefact } from '../../../course/artefact.ts';

/**
 * How one role-play's replies are judged (★ flags, codes, stances, feedback, benchmarks): fetched
 * by the player only when feedback is first shown or after the last reply (issue 11, item 4).
 */
export function getStaticPaths() {
  return buildArtefact().current.map((entry) => ({ params: { id: entry.id }, props: { key: entry.key } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify((props as { key: unknown }).key), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
