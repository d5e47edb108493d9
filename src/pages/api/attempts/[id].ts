import type { APIRoute } from 'astro';
import { getAttempt } from '../../../server/api/attempts.ts';
import { getServer } from '../../../server/runtime.ts';

export const prerender = false;

export const GET: APIRoute = async ({ request, params }) => getAttempt(request, await getServer(), params.id ?? '');
