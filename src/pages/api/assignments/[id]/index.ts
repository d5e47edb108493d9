import type { APIRoute } from 'astro';
import { getAssignment } from '../../../../server/api/assignments.ts';
import { getServer } from '../../../../server/runtime.ts';

export const prerender = false;

export const GET: APIRoute = async ({ request, params }) => getAssignment(request, await getServer(), params.id ?? '');
