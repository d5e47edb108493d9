import type { APIRoute } from 'astro';
import { startAssignment } from '../../../../server/api/assignments.ts';
import { getServer } from '../../../../server/runtime.ts';

export const prerender = false;

export const POST: APIRoute = async ({ request, params }) =>
  startAssignment(request, await getServer(), params.id ?? '');
