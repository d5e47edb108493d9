import type { APIRoute } from 'astro';
import { listAssignments } from '../../../server/api/assignments.ts';
import { getServer } from '../../../server/runtime.ts';

export const prerender = false;

export const GET: APIRoute = async ({ request }) => listAssignments(request, await getServer());
